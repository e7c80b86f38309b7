import os from 'node:os';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import type { BaseSequencer, TestSpecification } from 'vitest/node';

// Three test projects, each runnable alone (npm run test:unit | test:integration | test:e2e);
// `npm test` runs them all.
const project = (name: string, include: string[], options: { isolate?: boolean } = {}) => ({
	extends: true as const,
	test: { name, include, ...options }
});

/**
 * The order test files start in: vitest's own (the slowest first once it has timings from an
 * earlier run), with the browser files (project e2e) taking turns with the others. The first
 * browser file builds the dashboard when it is stale, under a lock every file that serves it
 * waits on: back to back, the second worker sat idle through that build instead of running a
 * file that needs none.
 */
function interleavedSequencer(Base: typeof BaseSequencer): typeof BaseSequencer {
	return class InterleavedSequencer extends Base {
		override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
			const sorted = await super.sort(files);
			const browser = sorted.filter((f) => f.project.name === 'e2e');
			const others = sorted.filter((f) => f.project.name !== 'e2e');
			const order: TestSpecification[] = [];
			while (browser.length || others.length) {
				const next = browser.shift();
				if (next) order.push(next);
				const other = others.shift();
				if (other) order.push(other);
			}
			return order;
		}
	};
}

export default defineConfig(async () => ({
	plugins: [sveltekit()],
	ssr: {
		// Native addons must stay require()d at run time, never bundled.
		external: ['@duckdb/node-api', '@huggingface/transformers', 'onnxruntime-node', 'sharp']
	},
	test: {
		pool: 'forks',
		// Vitest's default is one worker fewer than the cores, so a 2-core machine ran every file
		// one after the other. Most of a file's time is spent waiting on DuckDB, a child process
		// (CLI, server, Chromium) or I/O, so two workers keep both cores busy.
		maxWorkers: Math.max(2, os.availableParallelism() - 1),
		// Two files share the 2 cores, so a test may take twice as long as alone (no timing is asserted).
		testTimeout: 120_000,
		hookTimeout: 300_000,
		// A folder per run where test files share fixtures built once (tests/helpers/sharedFixture.ts).
		globalSetup: ['tests/helpers/sharedFixtures.globalSetup.ts'],
		// vitest/node is loaded only under vitest: `vite build` reads this file too.
		sequence: process.env.VITEST ? { sequencer: interleavedSequencer((await import('vitest/node')).BaseSequencer) } : {},
		projects: [
			// Unit tests do no I/O and hold no state between files, so one module graph per worker
			// serves them all (a fresh one per file cost more than the tests themselves). A test
			// that stubs a global or fakes timers undoes it in afterEach/finally.
			project('unit', ['src/**/*.test.ts', 'pipelines/**/*.test.ts'], { isolate: false }),
			project('integration', ['tests/integration/**/*.test.ts']),
			project('e2e', ['tests/e2e/**/*.test.ts'])
		]
	}
}));
