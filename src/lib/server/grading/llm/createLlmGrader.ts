// The `llm` grader: one Chat Completions call per item through the openai SDK, structured
// output from the zod-derived JSON schema (falling back to JSON mode plus zod validation for
// servers without it), retries with backoff on 429/5xx/timeouts honouring retry-after, a
// per-request timeout, a malformed answer retried once and then reported as an error, and a
// token/cost tally that --budget checks before every request.
import OpenAI from 'openai';
import type { Grader, UsageTally } from '../Grader';
import { gradingAnswerJsonSchema, gradingAnswerSchema, type Criteria } from '../gradeSchema';
import { BudgetExceededError, LlmApiError, LlmMalformedAnswerError, LlmRequestRejectedError } from '../gradingErrors';
import type { GradingItem } from '../GradingItem';
import type { GradeKind } from '../rubric';
import { buildGradingPrompt } from './buildGradingPrompt';
import type { LlmConfig } from './llmConfig';
import { redactForLlm } from './redactForLlm';
import { toLlmError } from './toLlmError';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Rough tokens of a text (4 characters a token) for the budget's reservation. */
const estimateTokens = (text: string) => Math.ceil(text.length / 4);

export interface LlmGrader extends Grader {
	tally(): UsageTally;
	/** Which structured-output mode the endpoint ended up with. */
	structuredMode(): 'json_schema' | 'json_object';
}

/** Strips ```json fences some local models wrap around their JSON. */
function extractJson(content: string): string {
	const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(content);
	return (fenced ? fenced[1] : content).trim();
}

export function parseGradingAnswer(kind: GradeKind, content: string | null | undefined): Criteria {
	if (!content) throw new LlmMalformedAnswerError('the LLM answered with no content');
	let value: unknown;
	try {
		value = JSON.parse(extractJson(content));
	} catch {
		throw new LlmMalformedAnswerError(`the LLM answer is not JSON: ${content.slice(0, 80).replace(/\s+/g, ' ')}`);
	}
	const parsed = gradingAnswerSchema(kind).safeParse(value);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new LlmMalformedAnswerError(`the LLM answer is not a valid grading: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
	}
	return parsed.data.criteria as Criteria;
}

export function createLlmGrader(config: LlmConfig): LlmGrader {
	const endpoint = config.baseURL ?? 'https://api.openai.com/v1';
	// The SDK's own retries are off (maxRetries: 0) and requestWithRetries does them instead: the
	// SDK sleeps on its own timer, which a test can't replace, so the waits it chose (retry-after
	// honoured, backoff doubling) could only be checked by waiting for real or by timing; here the
	// sleep is injectable (LlmConfig.sleep). Each attempt also passes through toLlmError, so a
	// retry decision sees the typed error, and the json_schema → json_object fallback happens
	// once per attempt, not inside the SDK's loop.
	const client = new OpenAI({ baseURL: config.baseURL, apiKey: config.apiKey, timeout: config.timeoutMs, maxRetries: 0 });
	const usage: UsageTally = { requests: 0, promptTokens: 0, completionTokens: 0, costUsd: 0 };
	let reservedUsd = 0;
	let mode: 'json_schema' | 'json_object' = config.structured === 'json_object' ? 'json_object' : 'json_schema';
	const cost = (prompt: number, completion: number) => (prompt * config.priceInputPerM + completion * config.priceOutputPerM) / 1_000_000;

	/** One HTTP request; on an unsupported response_format in auto mode, switches to JSON mode for good. */
	async function request(item: GradingItem, messages: OpenAI.ChatCompletionMessageParam[]) {
		const body: OpenAI.ChatCompletionCreateParamsNonStreaming = {
			model: config.model,
			// The last step before the SDK: whatever a prompt builder put in, nothing personal leaves.
			messages: messages.map((m) =>
				typeof m.content === 'string' ? { ...m, content: redactForLlm(m.content, item) } : m
			) as OpenAI.ChatCompletionMessageParam[],
			temperature: 0,
			max_tokens: config.maxTokens,
			response_format:
				mode === 'json_schema'
					? { type: 'json_schema', json_schema: { name: `${item.kind}_grading`, strict: true, schema: gradingAnswerJsonSchema(item.kind) } }
					: { type: 'json_object' }
		};
		try {
			return await client.chat.completions.create(body);
		} catch (error) {
			const typed = toLlmError(error, endpoint);
			if (
				config.structured === 'auto' &&
				mode === 'json_schema' &&
				typed instanceof LlmRequestRejectedError &&
				(typed.status === 400 || typed.status === 422)
			) {
				mode = 'json_object';
				return client.chat.completions.create({ ...body, response_format: { type: 'json_object' } }).catch((e: unknown) => {
					throw toLlmError(e, endpoint);
				});
			}
			throw typed;
		}
	}

	/** A request with retries on retryable failures, sleeping per retry-after or exponential backoff. */
	async function requestWithRetries(item: GradingItem, messages: OpenAI.ChatCompletionMessageParam[]) {
		for (let attempt = 0; ; attempt++) {
			try {
				return await request(item, messages);
			} catch (error) {
				if (!(error instanceof LlmApiError) || !error.retryable || attempt >= config.maxRetries) throw error;
				const backoff = Math.min(8000, config.retryBaseMs * 2 ** attempt) * (0.75 + Math.random() * 0.5);
				await (config.sleep ?? sleep)(error.retryAfterMs ?? backoff);
			}
		}
	}

	return {
		name: 'llm',
		model: config.model,
		tally: () => ({ ...usage }),
		structuredMode: () => mode,
		async grade(item) {
			const prompt = buildGradingPrompt(item);
			const messages: OpenAI.ChatCompletionMessageParam[] = [
				{ role: 'system', content: prompt.system },
				{ role: 'user', content: prompt.user }
			];
			let promptTokens = 0;
			let completionTokens = 0;
			let lastError: LlmMalformedAnswerError | undefined;
			// A malformed answer is asked again once; a second one is the item's error.
			for (let attempt = 0; attempt < 2; attempt++) {
				const reserve = cost(estimateTokens(prompt.system + prompt.user) + 50, config.maxTokens);
				if (config.budgetUsd !== undefined && usage.costUsd + reservedUsd + reserve > config.budgetUsd) {
					throw new BudgetExceededError(`--budget $${config.budgetUsd} reached after $${usage.costUsd.toFixed(4)}`);
				}
				reservedUsd += reserve;
				let completion: OpenAI.ChatCompletion;
				try {
					completion = await requestWithRetries(item, messages);
				} finally {
					reservedUsd -= reserve;
				}
				const content = completion.choices?.[0]?.message?.content;
				const p = completion.usage?.prompt_tokens ?? estimateTokens(prompt.system + prompt.user);
				const c = completion.usage?.completion_tokens ?? estimateTokens(content ?? '');
				usage.requests++;
				usage.promptTokens += p;
				usage.completionTokens += c;
				usage.costUsd += cost(p, c);
				promptTokens += p;
				completionTokens += c;
				try {
					return { criteria: parseGradingAnswer(item.kind, content), promptTokens, completionTokens };
				} catch (error) {
					if (!(error instanceof LlmMalformedAnswerError)) throw error;
					lastError = error;
				}
			}
			throw lastError!;
		}
	};
}
