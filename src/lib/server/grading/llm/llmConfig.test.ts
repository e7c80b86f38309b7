import { describe, expect, it } from 'vitest';
import { GradingConfigError } from '../gradingErrors';
import { llmConfigFromEnv } from './llmConfig';

describe('llmConfigFromEnv', () => {
	it('needs an endpoint, and a model name for a non-OpenAI one', () => {
		expect(() => llmConfigFromEnv({})).toThrow(GradingConfigError);
		expect(() => llmConfigFromEnv({})).toThrow(/set OPENAI_BASE_URL/);
		expect(() => llmConfigFromEnv({ OPENAI_BASE_URL: 'http://localhost:11434/v1' })).toThrow(/set SUPPORTLENS_LLM_MODEL/);
		expect(() => llmConfigFromEnv({ OPENAI_BASE_URL: 'localhost:8000', SUPPORTLENS_LLM_MODEL: 'm' })).toThrow(/must be an http\(s\) URL/);
	});
	it('reads the knobs and keeps sane defaults', () => {
		const c = llmConfigFromEnv({
			OPENAI_BASE_URL: 'http://localhost:8000/v1',
			SUPPORTLENS_LLM_MODEL: 'qwen',
			SUPPORTLENS_LLM_TIMEOUT_MS: '5000',
			SUPPORTLENS_LLM_STRUCTURED: 'json_object'
		});
		expect(c).toMatchObject({ model: 'qwen', timeoutMs: 5000, maxRetries: 4, structured: 'json_object', apiKey: 'not-needed' });
		expect(llmConfigFromEnv({ OPENAI_API_KEY: 'sk-x' }).model).toBe('gpt-4o-mini');
		expect(() => llmConfigFromEnv({ OPENAI_API_KEY: 'k', SUPPORTLENS_LLM_PRICE_INPUT: 'cheap' })).toThrow(
			/SUPPORTLENS_LLM_PRICE_INPUT must be a non-negative number/
		);
	});
});
