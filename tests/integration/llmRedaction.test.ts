// Redaction end to end: the corpus of realistic conversations (en/de/es/fr) is imported into a
// real DuckDB file and graded by the real LLM grader against a local Chat Completions server.
// No planted secret may appear in any raw request body; ordinary order numbers, prices, dates
// and versions must still arrive, so the redactor does not destroy what the grader needs.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLlmGrader } from '../../src/lib/server/grading/llm/createLlmGrader';
import { llmConfigFromEnv } from '../../src/lib/server/grading/llm/llmConfig';
import { runGrading } from '../../src/lib/server/grading/runGrading';
import { importConversations } from '../../src/lib/server/ingest';
import { Warehouse } from '../../src/lib/server/warehouse';
import { startChatServer } from '../helpers/chatCompletionsServer';
import { makeTempDir } from '../helpers/tempDir';
import { CORPUS_KB, corpusConversations, REDACTION_CORPUS } from './redactionCorpus';

const { dir, cleanup } = makeTempDir();
let server: Awaited<ReturnType<typeof startChatServer>>;
let result: Awaited<ReturnType<typeof runGrading>>;

beforeAll(async () => {
	server = await startChatServer();
	const w = await Warehouse.open(path.join(dir, 'redaction.duckdb'));
	try {
		await importConversations(w, corpusConversations(), { kbArticles: CORPUS_KB });
		const config = {
			...llmConfigFromEnv({ OPENAI_BASE_URL: server.url, SUPPORTLENS_LLM_MODEL: 'test-model' }),
			timeoutMs: 5000,
			maxRetries: 0
		};
		result = await runGrading(w, createLlmGrader(config), { concurrency: 2 });
	} finally {
		w.close();
	}
});

afterAll(async () => {
	await server?.close();
	cleanup();
});

/** The forms a secret could take on the wire: as written, JSON-escaped, and as bare digits for numbers. */
function forms(secret: string): string[] {
	const out = new Set([secret, JSON.stringify(secret).slice(1, -1)]);
	const digits = secret.replace(/\D/g, '');
	if (digits.length >= 6) out.add(digits);
	return [...out];
}

describe('what the LLM endpoint receives for the redaction corpus', () => {
	it('has at least 50 cases in each of en, de, es and fr, and grades every item without error', () => {
		expect(REDACTION_CORPUS.length).toBeGreaterThanOrEqual(50);
		expect(new Set(REDACTION_CORPUS.map((c) => c.lang))).toEqual(new Set(['en', 'de', 'es', 'fr']));
		expect(result.errors).toBe(0);
		expect(result.graded).toBeGreaterThanOrEqual(REDACTION_CORPUS.length);
		expect(server.requests.length).toBe(result.graded);
	});

	it('contains none of the planted secrets in any raw request body', () => {
		const leaks: string[] = [];
		for (const c of REDACTION_CORPUS) {
			for (const secret of c.secrets) {
				for (const form of forms(secret)) {
					const hit = server.requests.find((r) => r.raw.includes(form));
					if (hit) leaks.push(`${c.id}: "${form}" in request ${hit.n}`);
				}
			}
		}
		expect(leaks).toEqual([]);
	});

	it('still sends the ordinary numbers, prices, dates, versions and words the grader needs', () => {
		const sent = server.requests.map((r) => r.body.messages.map((m) => m.content).join('\n')).join('\n');
		const lost = REDACTION_CORPUS.flatMap((c) => c.keep.filter((k) => !sent.includes(k)).map((k) => `${c.id}: "${k}"`));
		expect(lost).toEqual([]);
	});

	it('tells the model what was there: placeholders stand where the secrets were', () => {
		const sent = server.requests.map((r) => r.raw).join('\n');
		for (const placeholder of ['[CARD]', '[IBAN]', '[BIC]', '[SSN]', '[DOB]', '[PHONE]', '[EMAIL]', '[PASSWORD]', '[ADDRESS]'])
			expect(sent).toContain(placeholder);
	});
});
