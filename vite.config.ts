import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

// Three test projects, each runnable alone (npm run test:unit | test:integration | test:e2e);
// `npm test` runs them all.
const project = (name: string, include: string[]) => ({ extends: true as const, test: { name, include } });

export default defineConfig({
	plugins: [sveltekit()],
	ssr: {
		// Native addons must stay require()d at run time, never bundled.
		external: ['@duckdb/node-api', '@huggingface/transformers', 'onnxruntime-node', 'sharp']
	},
	test: {
		pool: 'forks',
		testTimeout: 60_000,
		hookTimeout: 300_000,
		projects: [
			project('unit', ['src/**/*.test.ts', 'pipelines/**/*.test.ts']),
			project('integration', ['tests/integration/**/*.test.ts']),
			project('e2e', ['tests/e2e/**/*.test.ts'])
		]
	}
});
