// `export conversations` writes one row per conversation with every KPI fact: aggregating the
// exported rows (CSV and Parquet, read back with DuckDB) reproduces every KPI of `kpis --json`,
// for everything and for a filtered range. Generated data, graded and mined, real CLI.
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../pipelines/generate/generateSample';
import { EXPORT_COLUMNS } from '../../src/lib/server/conversations/exportColumns';
import { mineGaps } from '../../src/lib/server/gaps';
import { rulesGrader } from '../../src/lib/server/grading/rules/rulesGrader';
import { runGrading } from '../../src/lib/server/grading/runGrading';
import { importFiles } from '../../src/lib/server/ingest';
import { KPI_KEYS } from '../../src/lib/server/kpi';
import { Warehouse } from '../../src/lib/server/warehouse';
import { runCli } from '../helpers/runCli';
import { makeTempDir } from '../helpers/tempDir';

const { dir, cleanup } = makeTempDir('supportlens-export-');
const db = path.join(dir, 'export.duckdb');
/** A range that cuts into the first and last weeks, for the filtered export. */
let from: string, to: string;

beforeAll(async () => {
	const out = path.join(dir, 'sample');
	await generateSample({ out, conversations: 600, weeks: 8, seed: 31 });
	const w = await Warehouse.open(db);
	try {
		expect((await importFiles(w, [out])).quarantined).toBe(0);
		await runGrading(w, rulesGrader);
		await mineGaps(w.db, { embedder: 'lexical' });
		({ from, to } = (await w.db.one<{ from: string; to: string }>(
			`SELECT strftime(min(created_at) + INTERVAL 9 DAY, '%Y-%m-%d') AS "from", strftime(max(created_at) - INTERVAL 9 DAY, '%Y-%m-%d') AS "to" FROM conversations`
		))!);
	} finally {
		w.close();
	}
}, 300_000);
afterAll(cleanup);

/** Every KPI of `kpis --json`, as a user would compute it from the exported columns. */
const AGGREGATES: Record<(typeof KPI_KEYS)[number], string> = {
	conversations: 'count(*)',
	ai_involved: 'count_if(ai_involved)',
	containment_rate: 'count_if(contained) / nullif(count_if(ai_involved), 0)',
	verified_containment_rate: 'count_if(verified_contained) / nullif(count_if(ai_involved), 0)',
	escalation_rate: 'count_if(escalated) / nullif(count_if(ai_involved), 0)',
	reopen_rate: 'count_if(reopened AND solved) / nullif(count_if(solved), 0)',
	reroute_rate: 'count_if(rerouted) / nullif(count_if(assignments > 0), 0)',
	escalation_accuracy: 'sum(accurate_handoffs) / nullif(sum(handoffs), 0)',
	draft_edit_rate: 'sum(drafts_edited) / nullif(sum(drafts_sent_as_is + drafts_edited), 0)',
	draft_reject_rate: 'sum(drafts_rejected) / nullif(sum(drafts_reviewed), 0)',
	edit_magnitude: 'sum(edit_magnitude_sum) / nullif(sum(edit_magnitude_count), 0)',
	qualified_handoff_rate: 'sum(handoffs_qualified) / nullif(sum(handoffs) FILTER (WHERE handoffs_qualified IS NOT NULL), 0)',
	unanswered_rate: 'count_if(unanswered) / nullif(count_if(ai_involved), 0)',
	first_response_time_median_s: 'quantile_cont(first_response_s, 0.5)',
	first_response_time_p90_s: 'quantile_cont(first_response_s, 0.9)',
	time_to_resolution_median_s: 'quantile_cont(resolution_s, 0.5)',
	time_to_resolution_p90_s: 'quantile_cont(resolution_s, 0.9)',
	csat: 'count_if(csat_positive) / nullif(count_if(csat_rated), 0)',
	csat_responses: 'count_if(csat_rated)',
	repeat_contact_rate: 'count_if(repeat_contact) / nullif(count_if(solved AND customer_id IS NOT NULL), 0)',
	first_contact_resolution_rate: 'count_if(first_contact_resolved) / nullif(count_if(solved), 0)'
};

async function readBack<T>(sql: string): Promise<T[]> {
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	try {
		return (await connection.runAndReadAll(sql)).getRowObjectsJS() as T[];
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}

async function aggregate(reader: string): Promise<Record<string, number | null>> {
	const [row] = await readBack<Record<string, unknown>>(
		`SELECT ${KPI_KEYS.map((k) => `${AGGREGATES[k]} AS ${k}`).join(', ')} FROM ${reader}`
	);
	return Object.fromEntries(KPI_KEYS.map((k) => [k, row[k] === null ? null : Number(row[k])]));
}

function exportTo(file: string, ...flags: string[]) {
	const r = runCli(['export', 'conversations', '--db', db, ...flags, '--out', file]);
	expect(r.code, r.stderr).toBe(0);
	return r;
}

/** The csv and parquet tests compare with the same figures: one CLI run per set of flags. */
const printed = new Map<string, Record<string, number | null>>();
function kpisJson(...flags: string[]): Record<string, number | null> {
	const key = JSON.stringify(flags);
	if (!printed.has(key)) {
		const r = runCli(['kpis', '--db', db, '--json', ...flags]);
		expect(r.code, r.stderr).toBe(0);
		printed.set(key, JSON.parse(r.stdout).rows[0]);
	}
	return printed.get(key)!;
}

function expectSame(actual: Record<string, number | null>, expected: Record<string, number | null>, label: string) {
	for (const key of KPI_KEYS) {
		if (expected[key] === null) expect(actual[key], `${label} ${key}`).toBeNull();
		else expect(actual[key], `${label} ${key}`).toBeCloseTo(expected[key]!, 9);
	}
}

describe('export conversations', () => {
	const formats = [
		{ format: 'csv', reader: (f: string) => `read_csv('${f}', header = true)` },
		{ format: 'parquet', reader: (f: string) => `read_parquet('${f}')` }
	];
	for (const { format, reader } of formats) {
		it(`${format}: aggregating the rows reproduces every KPI of kpis --json`, async () => {
			const file = path.join(dir, `all.${format}`);
			const r = exportTo(file, '--format', format);
			expect(r.stderr).toMatch(/wrote 600 conversations/);
			const expected = kpisJson();
			expect(expected.qualified_handoff_rate, 'the grader filled the qualified hand-offs').not.toBeNull();
			expectSame(await aggregate(reader(file)), expected, format);
		});

		it(`${format}: a filtered export reproduces the same filtered KPIs`, async () => {
			const file = path.join(dir, `chat.${format}`);
			exportTo(file, '--format', format, '--from', from, '--to', to, '--where', 'channel=chat', '--where', 'channel=email');
			const expected = kpisJson('--from', from, '--to', to, '--where', 'channel=chat', '--where', 'channel=email');
			expect(expected.conversations).toBeGreaterThan(0);
			expect(expected.conversations).toBeLessThan(600);
			expectSame(await aggregate(reader(file)), expected, `${format} filtered`);
		});
	}

	it('jsonl: one JSON object per line and per conversation, with every documented column', async () => {
		const file = path.join(dir, 'all.jsonl');
		exportTo(file);
		const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
		expect(lines.length).toBe(600);
		expect(Object.keys(JSON.parse(lines[0]))).toEqual(EXPORT_COLUMNS.map((c) => c.name));
	});

	it('carries the gap of each mined question and the grade scores', async () => {
		const [row] = await readBack<{ gapped: bigint; graded: bigint; unmined: bigint }>(
			`SELECT count(gap_id) AS gapped, count(draft_grade_score) AS graded, count(*) FILTER (WHERE unanswered_questions IS NULL) AS unmined FROM read_parquet('${path.join(dir, 'all.parquet')}')`
		);
		expect(Number(row.gapped)).toBeGreaterThan(0);
		expect(Number(row.graded)).toBeGreaterThan(0);
		expect(Number(row.unmined)).toBe(0);
	});

	it('says in one line what is wrong with bad flags', () => {
		const bad = (...args: string[]) => runCli(['export', 'conversations', '--db', db, ...args]);
		expect(bad('--out', path.join(dir, 'x.csv'), '--where', 'colour=red').stderr).toMatch(/bad --where "colour=red"/);
		expect(bad('--out', path.join(dir, 'x.csv'), '--format', 'xlsx').stderr).toMatch(/unknown export format "xlsx"/);
		expect(bad('--format', 'csv').stderr).toMatch(/--out FILE is required/);
		expect(bad('--out', path.join(dir, 'nope', 'x.csv')).stderr).toMatch(/folder .* does not exist/);
		expect(runCli(['export', 'conversations', '--db', path.join(dir, 'missing.duckdb'), '--out', path.join(dir, 'x.csv')]).code).not.toBe(
			0
		);
	});
});
