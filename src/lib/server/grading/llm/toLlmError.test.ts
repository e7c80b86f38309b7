import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { LlmConnectionError, LlmRateLimitError, LlmRequestRejectedError, LlmServerError, LlmTimeoutError } from '../gradingErrors';
import { retryAfterMs, toLlmError } from './toLlmError';

describe('retryAfterMs', () => {
	const now = Date.parse('2026-11-23T10:00:00Z');
	it('reads seconds, an HTTP date and retry-after-ms, capped at a minute', () => {
		expect(retryAfterMs(new Headers({ 'retry-after': '2' }), now)).toBe(2000);
		expect(retryAfterMs(new Headers({ 'retry-after': 'Mon, 23 Nov 2026 10:00:05 GMT' }), now)).toBe(5000);
		expect(retryAfterMs(new Headers({ 'retry-after-ms': '150', 'retry-after': '9' }), now)).toBe(150);
		expect(retryAfterMs(new Headers({ 'retry-after': '3600' }), now)).toBe(60_000);
		expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
		expect(retryAfterMs(new Headers(), now)).toBeUndefined();
	});
});

describe('toLlmError', () => {
	const endpoint = 'http://127.0.0.1:1/v1';
	it('maps the SDK’s errors onto the grader’s typed, one-line errors', () => {
		const rate = toLlmError(
			OpenAI.APIError.generate(429, { message: 'slow down' }, 'slow down', new Headers({ 'retry-after': '1' })),
			endpoint
		);
		expect(rate).toBeInstanceOf(LlmRateLimitError);
		expect((rate as LlmRateLimitError).retryAfterMs).toBe(1000);
		expect((rate as LlmRateLimitError).retryable).toBe(true);
		const server = toLlmError(OpenAI.APIError.generate(503, { message: 'busy' }, 'busy', new Headers()), endpoint);
		expect(server).toBeInstanceOf(LlmServerError);
		const rejected = toLlmError(OpenAI.APIError.generate(401, { message: 'bad key' }, 'bad key', new Headers()), endpoint);
		expect(rejected).toBeInstanceOf(LlmRequestRejectedError);
		expect((rejected as LlmRequestRejectedError).retryable).toBe(false);
		expect(toLlmError(new OpenAI.APIConnectionTimeoutError(), endpoint)).toBeInstanceOf(LlmTimeoutError);
		const refused = toLlmError(new OpenAI.APIConnectionError({ cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) }), endpoint);
		expect(refused).toBeInstanceOf(LlmConnectionError);
		expect(refused.message).toBe(
			`cannot reach the LLM endpoint ${endpoint} (ECONNREFUSED): start the server, or set OPENAI_BASE_URL to one that runs`
		);
	});
});
