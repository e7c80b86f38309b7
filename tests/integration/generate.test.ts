// The generator end to end: `generate` a small sample with the real CLI, `ingest` the whole
// folder (canonical, Zendesk, Intercom and CSV files) into a fresh DuckDB file, and check that
// nothing is quarantined, the counts match the manifest, every planted label points at an
// imported event of its kind, and the KPI engine reports exactly the manifest's expected KPIs.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKpiQuery, queryKpis, KPI_KEYS } from '../../src/lib/server/kpi';
import { withWarehouse } from '../../src/lib/server/warehouse';
import { COMMANDS } from '../../pipelines/commands';
import { makeTempDir } from '../helpers/tempDir';
import { runCli } from '../helpers/runCli';

const { dir, cleanup } = makeTempDir('supportlens-generate-');
afterAll(cleanup);

const out = path.join(dir, 'sample');
const db = path.join(dir, 'wh.duckdb');
type Manifest = {
	counts: { conversations: number; by_source: Record<string, number>; kb_articles: number };
	expected_kpis: Record<string, number | null>;
	expected_kpis_by_week: ({ week: string } & Record<string, number | null>)[];
	questions: { conversation_source: string; conversation_id: string; event_id: string }[];
	drafts: { source: string; conversation_id: string; event_id: string }[];
	handoffs: { source: string; conversation_id: string; event_id: string }[];
};
let manifest: Manifest;
let generateStderr = '';

/** Counts exactly, rates and times to 1e-9. */
function expectKpisEqual(actual: Record<string, unknown>, expected: Record<string, number | null>, where: string) {
	for (const key of KPI_KEYS) {
		const a = actual[key] as number | null;
		const e = expected[key];
		if (e === null || a === null || Number.isInteger(e)) expect(a, `${where} ${key}`).toBe(e);
		else expect(Math.abs(a - e), `${where} ${key}: ${a} vs ${e}`).toBeLessThan(1e-9);
	}
}

beforeAll(() => {
	const gen = runCli(['generate', '--out', out, '--conversations', '600', '--weeks', '12', '--seed', '5']);
	expect(gen.code, gen.stderr).toBe(0);
	generateStderr = gen.stderr;
	manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
});

describe('generate → ingest', () => {
	it('writes every format and a progress line on stderr', () => {
		for (const f of [
			'canonical/conversations.jsonl',
			'canonical/kb_articles.jsonl',
			'zendesk/tickets.jsonl',
			'zendesk/audits.jsonl',
			'intercom/conversations.jsonl',
			'freshdesk/tickets.jsonl',
			'freshdesk/satisfaction_ratings.jsonl',
			'helpscout/conversations.jsonl',
			'helpscout/ratings.jsonl',
			'csv/messages.csv'
		]) {
			expect(fs.existsSync(path.join(out, f)), f).toBe(true);
		}
		expect(manifest.counts.conversations).toBe(600);
		expect(generateStderr).toMatch(/generated 600 \/ 600 conversations \(100\.0%\) · [\d,]+\/s · ETA 0s/);
		for (const source of ['canonical', 'zendesk', 'intercom', 'freshdesk', 'helpscout', 'csv'])
			expect(manifest.counts.by_source[source], source).toBeGreaterThan(30);
	});

	it('imports the whole folder with nothing quarantined and the manifest counts', () => {
		const ingest = runCli(['ingest', out, '--db', db, '--json']);
		expect(ingest.code, ingest.stderr).toBe(0);
		const summary = JSON.parse(ingest.stdout);
		expect(summary.quarantined).toBe(0);
		expect(summary.loaded).toBe(600);
		const stats = runCli(['stats', '--db', db, '--json']);
		expect(JSON.parse(stats.stdout)).toMatchObject({ conversations: 600, kb_articles: manifest.counts.kb_articles, quarantined: 0 });
	});

	it('imports every source in the manifest’s numbers, and every label points at its event', async () => {
		await withWarehouse(db, async (w) => {
			const bySource = await w.db.all<{ source: string; n: number }>(
				'SELECT source, count(*)::INTEGER AS n FROM conversations GROUP BY source'
			);
			expect(Object.fromEntries(bySource.map((r) => [r.source, r.n]))).toEqual(manifest.counts.by_source);
			const check = async (items: { source: string; conversation_id: string; event_id: string }[], type: string, author?: string) => {
				await w.db.run('CREATE OR REPLACE TEMP TABLE labels (source VARCHAR, conversation_id VARCHAR, event_id VARCHAR)');
				await w.db.run(
					`INSERT INTO labels SELECT unnest(from_json(?, '[{"source":"VARCHAR","conversation_id":"VARCHAR","event_id":"VARCHAR"}]'), recursive := true)`,
					[JSON.stringify(items)]
				);
				const row = await w.db.one<{ n: number; matched: number }>(
					`SELECT count(*)::INTEGER AS n, count(e.id)::INTEGER AS matched FROM labels l
					 LEFT JOIN events e ON e.source = l.source AND e.conversation_id = l.conversation_id AND e.id = l.event_id
					   AND e.type = ? AND (? IS NULL OR e.author = ?)`,
					[type, author ?? null, author ?? null]
				);
				expect(row?.matched, `${type} labels`).toBe(items.length);
			};
			await check(
				manifest.questions.map((q) => ({ source: q.conversation_source, conversation_id: q.conversation_id, event_id: q.event_id })),
				'message',
				'customer'
			);
			await check(manifest.drafts, 'draft');
			await check(manifest.handoffs, 'handoff');
		});
	});

	it('gives exactly the manifest’s expected KPIs, overall and per week', async () => {
		await withWarehouse(db, async (w) => {
			const all = await queryKpis(w.db, parseKpiQuery({}));
			expectKpisEqual(all.rows[0], manifest.expected_kpis, 'all');
			const weeks = await queryKpis(w.db, parseKpiQuery({ by: 'week' }));
			const byWeek = new Map(weeks.rows.map((r) => [String(r.group), r]));
			for (const expected of manifest.expected_kpis_by_week) {
				if (expected.conversations === 0) continue;
				expectKpisEqual(byWeek.get(expected.week) ?? {}, expected, expected.week);
			}
		});
	});

	it.runIf(COMMANDS.some((c) => c.name === 'kpis'))('`kpis --json` prints the manifest’s expected KPIs', () => {
		const kpis = runCli(['kpis', '--db', db, '--json']);
		expect(kpis.code, kpis.stderr).toBe(0);
		const printed = JSON.parse(kpis.stdout) as { rows: Record<string, unknown>[] };
		expectKpisEqual(
			printed.rows.find((r) => r.group === null || r.group === 'all') ?? printed.rows[0],
			manifest.expected_kpis,
			'kpis --json'
		);
	});

	it('stops with one line and exit code 1 when the output folder cannot be written', () => {
		const blocked = path.join(dir, 'a-file');
		fs.writeFileSync(blocked, 'not a folder');
		const result = runCli(['generate', '--out', path.join(blocked, 'sample'), '--conversations', '5']);
		expect(result.code).toBe(1);
		expect(result.stderr.trim()).toMatch(/^supportlens: cannot write .*a-file\/sample: (a file or folder is in the way|no such folder)$/);
	});

	it('is deterministic: the same seed writes the same bytes', () => {
		const again = path.join(dir, 'again');
		expect(runCli(['generate', '--out', again, '--conversations', '600', '--weeks', '12', '--seed', '5']).code).toBe(0);
		const files = (d: string): string[] =>
			fs
				.readdirSync(d, { recursive: true, withFileTypes: true })
				.filter((e) => e.isFile())
				.map((e) => path.relative(d, path.join(e.parentPath, e.name)))
				.sort();
		expect(files(again)).toEqual(files(out));
		for (const f of files(out)) expect(fs.readFileSync(path.join(again, f)).equals(fs.readFileSync(path.join(out, f))), f).toBe(true);
	});
});
