// Typed errors of the grader, shaped like openai-node's: a GradingError base (a
// SupportLensError, so the CLI prints one line), endpoint errors carrying the HTTP status,
// and the ones a run records per item instead of failing (malformed answer, timeout).
import { SupportLensError } from '../errors';

export class GradingError extends SupportLensError {}

/** Missing or unusable configuration: no OPENAI_BASE_URL / model, bad flag value. */
export class GradingConfigError extends GradingError {}

/** The endpoint answered with an HTTP error. `status` is its code. */
export class LlmApiError extends GradingError {
	constructor(
		message: string,
		readonly status: number | undefined,
		readonly retryAfterMs: number | undefined = undefined,
		options?: { cause?: unknown }
	) {
		super(message, options);
	}
	get retryable(): boolean {
		return this.status === 408 || this.status === 409 || this.status === 429 || (this.status !== undefined && this.status >= 500);
	}
}

/** 429: the endpoint asks us to slow down (honour retryAfterMs). */
export class LlmRateLimitError extends LlmApiError {}

/** 5xx from the endpoint. */
export class LlmServerError extends LlmApiError {}

/** 400/401/403/404/422: retrying will not help (bad key, unknown model, unsupported parameter). */
export class LlmRequestRejectedError extends LlmApiError {}

/** Nothing is listening at the endpoint, or the connection broke. */
export class LlmConnectionError extends LlmApiError {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, undefined, undefined, options);
	}
	override get retryable(): boolean {
		return true;
	}
}

/** No answer within the per-request timeout. */
export class LlmTimeoutError extends LlmConnectionError {}

/** The answer was not JSON, or not a valid grading per the zod schema. */
export class LlmMalformedAnswerError extends GradingError {}

/** `--budget` reached: the run stopped before spending more. */
export class BudgetExceededError extends GradingError {}
