import os from 'node:os';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

// Three test projects, each runnable alone (npm run test:unit | test:integration | test:e2e);
// `npm test` runs them all.
const project = (name: string, include: string[], options: { isolate?: boolean } = {}) => ({
	extends: true as const,
	test: { name, include, ...options }
});

export default defineConfig({
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
		testTimeout: 60_000,
		hookTimeout: 300_000,
		// A folder per run where test files share fixtures built once (tests/helpers/sharedFixture.ts).
		globalSetup: ['tests/helpers/sharedFixtures.globalSetup.ts'],
		projects: [
			// Unit tests do no I/O and hold no state between files, so one module graph per worker
			// serves them all (a fresh one per file cost more than the tests themselves). A test
			// that stubs a global or fakes timers undoes it in afterEach/finally.
			project('unit', ['src/**/*.test.ts', 'pipelines/**/*.test.ts'], { isolate: false }),
			project('integration', ['tests/integration/**/*.test.ts']),
			project('e2e', ['tests/e2e/**/*.test.ts'])
		]
	}
});
