import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	ssr: {
		// Native addons must stay require()d at run time, never bundled.
		external: ['@duckdb/node-api', '@huggingface/transformers', 'onnxruntime-node', 'sharp']
	},
	test: {
		include: ['src/**/*.test.ts', 'pipelines/**/*.test.ts', 'tests/**/*.test.ts'],
		pool: 'forks',
		testTimeout: 60_000,
		hookTimeout: 300_000
	}
});
