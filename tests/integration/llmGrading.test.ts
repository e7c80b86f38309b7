// The llm grader against a Chat Completions server the test starts on loopback: input-
// dependent gradings, redaction (what the server received), retries on 429 (retry-after) and
// 500, the per-request timeout, malformed answers as error records, the json_object fallback,
// the cache (second run: zero requests), bounded concurrency, the tally and --budget.
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLlmGrader } from '../../src/lib/server/grading/llm/createLlmGrader';
import { llmConfigFromEnv, type LlmConfig } from '../../src/lib/server/grading/llm/llmConfig';
import { runGrading } from '../../src/lib/server/grading/runGrading';
import { importConversations } from '../../src/lib/server/ingest';
import { Warehouse } from '../../src/lib/server/warehouse';
import { startChatServer, type ChatServerOptions } from '../helpers/chatCompletionsServer';
import { runCli, spawnCli } from '../helpers/runCli';
import { makeTempDir } from '../helpers/tempDir';
import { gradingConversations, KB } from './gradingFixtures';

const { dir, cleanup } = makeTempDir();
afterAll(cleanup);
let dbCount = 0;
let server: Awaited<ReturnType<typeof startChatServer>> | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

async function freshWarehouse(): Promise<{ path: string; open: () => Promise<Warehouse> }> {
	const file = path.join(dir, `llm-${++dbCount}.duckdb`);
	const w = await Warehouse.open(file);
	try {
		await importConversations(w, gradingConversations(), { kbArticles: KB });
	} finally {
		w.close();
	}
	return { path: file, open: () => Warehouse.open(file) };
}

function config(url: string, over: Partial<LlmConfig> = {}): LlmConfig & { waits: number[] } {
	const waits: number[] = [];
	const base = llmConfigFromEnv({ OPENAI_BASE_URL: url, SUPPORTLENS_LLM_MODEL: 'test-model' });
	return { ...base, timeoutMs: 2000, maxRetries: 2, sleep: async (ms) => void waits.push(ms), ...over, waits };
}

async function grade(options: ChatServerOptions, over: Partial<LlmConfig> = {}, runOptions = { concurrency: 2 }) {
	server = await startChatServer(options);
	const db = await freshWarehouse();
	const cfg = config(server.url, over);
	const grader = createLlmGrader(cfg);
	const w = await db.open();
	try {
		const result = await runGrading(w, grader, runOptions);
		const rows = await w.db.all<{ conversation_id: string; score: number | null; error: string | null; criteria: string }>(
			'SELECT conversation_id, score, error, CAST(criteria AS VARCHAR) AS criteria FROM grades ORDER BY conversation_id'
		);
		return { result, rows, grader, waits: cfg.waits, db, server };
	} finally {
		w.close();
	}
}

describe('llm grader against a local Chat Completions server', () => {
	it('grades from the input with structured output derived from the zod schema', async () => {
		const { result, rows, server } = await grade({});
		expect(result).toMatchObject({ graded: 5, cached: 0, errors: 0 });
		const first = server.requests[0].body;
		expect(first.model).toBe('test-model');
		expect(first.response_format?.type).toBe('json_schema');
		expect(JSON.stringify(first.response_format?.json_schema?.schema)).toContain('no_unauthorized_commitment');
		const score = Object.fromEntries(rows.map((r) => [r.conversation_id, r.score]));
		expect(score['refund-draft']).toBe(0); // critical: the server saw "erstattet"
		expect(score['card-reply']).toBe(0); // critical: the server saw [CARD]
		expect(score['good-draft']).toBe(100);
		expect(score['good-handoff']).toBe(100);
		expect(score['vague-handoff']).toBeLessThan(50);
		// The prompt holds the rubric, the cited KB article, the tier and the channel.
		const goodDraft = server.requests.find((r) => r.graded.includes('authorisation hold'))!;
		const prompt = goodDraft.body.messages.map((m) => m.content).join('\n');
		expect(prompt).toMatch(/- no_personal_data \(critical\)/);
		expect(prompt).toContain('[kb-1] Authorisation holds');
		expect(prompt).toContain('Customer tier: vip');
		expect(prompt).toContain('Channel: email');
	});

	it('redacts personal data before sending: the server never sees the card number', async () => {
		const { server } = await grade({});
		const everything = JSON.stringify(server.requests.map((r) => r.body));
		expect(everything).not.toContain('4000 0566 5566 5556');
		expect(everything).toContain('[CARD]');
		expect(everything).not.toContain('anna@example.com');
	});

	it('tallies tokens from the server’s usage and estimates the cost', async () => {
		const { result, server } = await grade({});
		expect(result.tally!.requests).toBe(server.requests.length);
		expect(result.tally!.promptTokens).toBeGreaterThan(0);
		expect(result.tally!.costUsd).toBeCloseTo((result.tally!.promptTokens * 0.15 + result.tally!.completionTokens * 0.6) / 1e6, 10);
	});

	it('the second run over unchanged data makes zero requests', async () => {
		server = await startChatServer({});
		const db = await freshWarehouse();
		for (const expected of [5, 0]) {
			server.reset();
			const w = await db.open();
			try {
				const result = await runGrading(w, createLlmGrader(config(server.url)), { concurrency: 2 });
				expect(result.graded).toBe(expected);
				expect(server.requests).toHaveLength(expected);
			} finally {
				w.close();
			}
		}
	});

	it('retries a 429 after exactly the retry-after the server asked for', async () => {
		const seen = new Set<string>();
		const { result, waits, server } = await grade(
			{
				behave: (r) => {
					if (seen.has(r.graded)) return { kind: 'grade' };
					seen.add(r.graded);
					return { kind: 'status', status: 429, retryAfter: '3' };
				}
			},
			{ retryBaseMs: 10 }
		);
		expect(result).toMatchObject({ graded: 5, errors: 0 });
		expect(server.requests).toHaveLength(10);
		expect(waits).toEqual([3000, 3000, 3000, 3000, 3000]);
	});

	it('retries 500s with exponential backoff and records an error once retries run out', async () => {
		let calls = 0;
		const { result, rows, waits, server } = await grade(
			{
				behave: (r) =>
					r.graded.includes('Goal:')
						? { kind: 'status', status: 500 }
						: ++calls % 2 === 1
							? { kind: 'status', status: 503 }
							: { kind: 'grade' }
			},
			{ retryBaseMs: 100, maxRetries: 2 },
			{ concurrency: 1 }
		);
		expect(result).toMatchObject({ graded: 4, errors: 1 });
		const failed = rows.find((r) => r.conversation_id === 'good-handoff')!;
		expect(failed).toMatchObject({ score: null });
		expect(failed.error).toMatch(/LLM endpoint failed \(500\)/);
		expect(JSON.parse(failed.criteria)).toEqual({});
		// 3 attempts for the hand-off that always fails; 2 for each of the other four.
		expect(server.requests.filter((r) => r.graded.includes('Goal:'))).toHaveLength(3);
		expect(server.requests).toHaveLength(3 + 4 * 2);
		// Backoff doubles (with ±25% jitter): 100 then 200 for the failing item.
		const failingWaits = waits.filter((w) => w >= 150);
		expect(failingWaits.length).toBeGreaterThanOrEqual(1);
		for (const w of waits) expect(w).toBeLessThanOrEqual(250);
	});

	it('a slow answer past the per-request timeout is retried, then recorded as a timeout error', async () => {
		const { result, rows, server } = await grade(
			{ behave: (r) => (r.graded.includes('authorisation hold') ? { kind: 'hang', ms: 3000 } : { kind: 'grade' }) },
			{ timeoutMs: 300, maxRetries: 1 }
		);
		expect(result).toMatchObject({ graded: 4, errors: 1 });
		expect(rows.find((r) => r.conversation_id === 'good-draft')?.error).toMatch(/did not answer within the timeout/);
		expect(server.requests.filter((r) => r.graded.includes('authorisation hold'))).toHaveLength(2);
	});

	it('a malformed answer is asked again once, then recorded as an error, never a pass', async () => {
		const { result, rows, server } = await grade({
			behave: (r) =>
				r.graded.includes('Goal:')
					? { kind: 'content', content: 'Sure! Here is the grading: {"criteria": ' }
					: r.graded.includes('vague') || r.graded.includes('Customer has an issue')
						? { kind: 'content', content: JSON.stringify({ criteria: { has_goal: { verdict: 'pass', reason: 'ok' } } }) }
						: { kind: 'grade' }
		});
		expect(result).toMatchObject({ graded: 3, errors: 2 });
		expect(rows.find((r) => r.conversation_id === 'good-handoff')).toMatchObject({ score: null, error: expect.stringMatching(/not JSON/) });
		expect(rows.find((r) => r.conversation_id === 'vague-handoff')).toMatchObject({
			score: null,
			error: expect.stringMatching(/not a valid grading: criteria\./)
		});
		expect(server.requests.filter((r) => r.graded.includes('Goal:'))).toHaveLength(2);
	});

	it('a malformed answer followed by a good one grades normally', async () => {
		const seen = new Set<string>();
		const { result } = await grade({
			behave: (r) => {
				if (seen.has(r.graded)) return { kind: 'grade' };
				seen.add(r.graded);
				return { kind: 'content', content: '{"criteria": {"grounded": "yes"}}' };
			}
		});
		expect(result).toMatchObject({ graded: 5, errors: 0 });
	});

	it('falls back to JSON mode plus zod validation when the server has no json_schema', async () => {
		const { result, grader, server } = await grade({ rejectJsonSchema: true }, {}, { concurrency: 1 });
		expect(result).toMatchObject({ graded: 5, errors: 0 });
		expect(grader.structuredMode()).toBe('json_object');
		expect(server.requests[0].body.response_format?.type).toBe('json_schema');
		expect(server.requests.slice(1).every((r) => r.body.response_format?.type === 'json_object')).toBe(true);
	});

	it('bounds concurrency', async () => {
		const { result, server } = await grade({ latencyMs: 60 }, {}, { concurrency: 2 });
		expect(result.graded).toBe(5);
		expect(server.maxInFlight()).toBeLessThanOrEqual(2);
	});

	it('a missing endpoint is a clear one-line error, not a hang', async () => {
		const db = await freshWarehouse();
		const w = await db.open();
		try {
			const grader = createLlmGrader(config('http://127.0.0.1:9/v1', { maxRetries: 2 }));
			await expect(runGrading(w, grader, { concurrency: 2 })).rejects.toThrow(/cannot reach the LLM endpoint http:\/\/127\.0\.0\.1:9\/v1/);
		} finally {
			w.close();
		}
	});
});

describe('grade --grader llm on the command line', () => {
	let cliServer: Awaited<ReturnType<typeof startChatServer>>;
	beforeAll(async () => {
		cliServer = await startChatServer({});
	});
	afterAll(() => cliServer.close());

	it('--budget stops the run before it would exceed the budget', async () => {
		const db = await freshWarehouse();
		// $1 per million tokens both ways: one request reserves ~(prompt + 1500) tokens ≈ $0.002.
		const env = {
			OPENAI_BASE_URL: cliServer.url,
			SUPPORTLENS_LLM_MODEL: 'm',
			SUPPORTLENS_LLM_PRICE_INPUT: '1',
			SUPPORTLENS_LLM_PRICE_OUTPUT: '1'
		};
		const result = await spawnCli(['grade', '--db', db.path, '--grader', 'llm', '--budget', '0.003', '--concurrency', '1', '--json'], env)
			.done;
		expect(result.code).toBe(0);
		const out = JSON.parse(result.stdout);
		expect(out.graded).toBeGreaterThan(0);
		expect(out.graded).toBeLessThan(5);
		const w = await db.open();
		try {
			const run = await w.db.one<{ cost_usd: number; stopped_by_budget: boolean; graded: number }>(
				'SELECT cost_usd, stopped_by_budget, graded FROM grading_runs'
			);
			expect(run).toMatchObject({ stopped_by_budget: true, graded: out.graded });
			expect(run!.cost_usd).toBeLessThanOrEqual(0.003);
		} finally {
			w.close();
		}
	});

	it('a missing endpoint on the command line ends with one line and exit 1', async () => {
		const db = await freshWarehouse();
		const result = runCli(['grade', '--db', db.path, '--grader', 'llm'], {
			OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
			SUPPORTLENS_LLM_MODEL: 'm',
			SUPPORTLENS_LLM_RETRY_BASE_MS: '10'
		});
		expect(result.code).toBe(1);
		expect(result.stderr.trim().split('\n').pop()).toMatch(/^supportlens: cannot reach the LLM endpoint http:\/\/127\.0\.0\.1:9\/v1/);
	});
});
