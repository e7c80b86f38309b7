// Turns what the openai SDK throws into the grader's typed errors, reading retry-after
// (seconds or an HTTP date) and retry-after-ms from the response headers.
import OpenAI from 'openai';
import {
	LlmApiError,
	LlmConnectionError,
	LlmRateLimitError,
	LlmRequestRejectedError,
	LlmServerError,
	LlmTimeoutError
} from '../gradingErrors';
import { retryAfterMs } from '../../http/retryAfterMs';

export { retryAfterMs };

export function toLlmError(error: unknown, endpoint: string): Error {
	if (error instanceof OpenAI.APIConnectionTimeoutError) {
		return new LlmTimeoutError(`the LLM endpoint ${endpoint} did not answer within the timeout`, { cause: error });
	}
	if (error instanceof OpenAI.APIConnectionError) {
		const cause = (error.cause as { code?: string; cause?: { code?: string } } | undefined) ?? {};
		const code = cause.code ?? cause.cause?.code;
		return new LlmConnectionError(
			`cannot reach the LLM endpoint ${endpoint}${code ? ` (${code})` : ''}: start the server, or set OPENAI_BASE_URL to one that runs`,
			{ cause: error }
		);
	}
	if (error instanceof OpenAI.APIError) {
		const status = error.status;
		const detail = (error.message || '').split('\n')[0].slice(0, 200);
		const wait = retryAfterMs(error.headers);
		if (status === 429) return new LlmRateLimitError(`the LLM endpoint is rate limiting (429): ${detail}`, status, wait, { cause: error });
		if (status !== undefined && status >= 500)
			return new LlmServerError(`the LLM endpoint failed (${status}): ${detail}`, status, wait, { cause: error });
		if (status === 408 || status === 409)
			return new LlmApiError(`the LLM endpoint answered ${status}: ${detail}`, status, wait, { cause: error });
		return new LlmRequestRejectedError(`the LLM endpoint rejected the request (${status ?? 'no status'}): ${detail}`, status, undefined, {
			cause: error
		});
	}
	return error instanceof Error ? error : new Error(String(error));
}
