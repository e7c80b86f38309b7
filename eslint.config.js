// ESLint: typescript-eslint and eslint-plugin-svelte recommended rules; formatting is
// Prettier's job (eslint-config-prettier turns the overlapping rules off).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	{
		rules: {
			// `_name` marks a parameter that an interface requires but this implementation ignores.
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
			// The dashboard is served at the root (no `paths.base`), so plain hrefs are already right;
			// wrapping every link in resolve() would add noise and no safety.
			'svelte/no-navigation-without-resolve': 'off',
			// `{' '}` keeps a space at the edge of an {#if} block, where Svelte would trim a literal one.
			'svelte/no-useless-mustaches': 'off'
		}
	},
	{
		// Tests and their replay servers probe arbitrary JSON shapes.
		files: ['tests/**/*.ts', '**/*.test.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	},
	{
		ignores: ['build/', '.svelte-kit/', '.e2e-build/', 'node_modules/', 'data/', 'bench-results/', 'tests/artifacts/']
	}
);
