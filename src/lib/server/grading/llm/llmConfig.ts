// Configuration of the LLM grader from the environment. Any OpenAI-compatible endpoint
// works (OpenAI, vLLM, Ollama's /v1, LM Studio); nothing is contacted unless asked.
import { GradingConfigError } from '../gradingErrors';

export type StructuredMode = 'auto' | 'json_schema' | 'json_object';

export interface LlmConfig {
	baseURL: string | undefined;
	apiKey: string;
	model: string;
	/** Per request, milliseconds. */
	timeoutMs: number;
	/** Retries after the first attempt on 429, 5xx, timeouts and dropped connections. */
	maxRetries: number;
	/** First backoff step; doubles each retry (with jitter), capped at 8 s. */
	retryBaseMs: number;
	/** USD per million tokens, for the cost estimate and --budget. */
	priceInputPerM: number;
	priceOutputPerM: number;
	/** Upper bound on the answer's length; also what --budget reserves per request. */
	maxTokens: number;
	structured: StructuredMode;
	budgetUsd?: number;
	/** How to wait between retries; tests pass one that records the waits instead of timing them. */
	sleep?: (ms: number) => Promise<void>;
}

function num(env: Record<string, string | undefined>, name: string, fallback: number): number {
	const raw = env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isFinite(value) || value < 0) throw new GradingConfigError(`${name} must be a non-negative number, got "${raw}"`);
	return value;
}

export function llmConfigFromEnv(env: Record<string, string | undefined>): LlmConfig {
	const baseURL = env.OPENAI_BASE_URL || undefined;
	const apiKey = env.OPENAI_API_KEY || undefined;
	if (!baseURL && !apiKey) {
		throw new GradingConfigError(
			'the llm grader needs an endpoint: set OPENAI_BASE_URL (e.g. http://localhost:11434/v1 for Ollama) and SUPPORTLENS_LLM_MODEL, or OPENAI_API_KEY for OpenAI; or use --grader rules'
		);
	}
	if (baseURL && !/^https?:\/\/[^\s]+$/.test(baseURL))
		throw new GradingConfigError(`OPENAI_BASE_URL must be an http(s) URL, got "${baseURL}"`);
	const model = env.SUPPORTLENS_LLM_MODEL || (baseURL ? undefined : 'gpt-4o-mini');
	if (!model) throw new GradingConfigError(`set SUPPORTLENS_LLM_MODEL to the model name served at ${baseURL}`);
	const structured = (env.SUPPORTLENS_LLM_STRUCTURED || 'auto') as StructuredMode;
	if (!['auto', 'json_schema', 'json_object'].includes(structured)) {
		throw new GradingConfigError(`SUPPORTLENS_LLM_STRUCTURED must be auto, json_schema or json_object, got "${structured}"`);
	}
	return {
		baseURL,
		// Local servers ignore the key, but the SDK insists on one.
		apiKey: apiKey ?? 'not-needed',
		model,
		timeoutMs: num(env, 'SUPPORTLENS_LLM_TIMEOUT_MS', 60_000),
		maxRetries: num(env, 'SUPPORTLENS_LLM_MAX_RETRIES', 4),
		retryBaseMs: num(env, 'SUPPORTLENS_LLM_RETRY_BASE_MS', 500),
		priceInputPerM: num(env, 'SUPPORTLENS_LLM_PRICE_INPUT', 0.15),
		priceOutputPerM: num(env, 'SUPPORTLENS_LLM_PRICE_OUTPUT', 0.6),
		maxTokens: num(env, 'SUPPORTLENS_LLM_MAX_TOKENS', 1500),
		structured
	};
}
