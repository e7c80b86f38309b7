// The command-line contract other tools rely on: exit codes, one-line errors, JSON shapes.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, writeJsonl } from '../helpers/tempDir';
import { runCli } from '../helpers/runCli';

const { dir, cleanup } = makeTempDir();
afterAll(cleanup);

const good = {
	id: 'c1',
	created_at: '2026-10-05T21:12:00Z',
	events: [{ id: 'e1', at: '2026-10-05T21:12:00Z', type: 'message', author: 'customer', body: 'hello there, my order is late' }]
};

function expectOneLineError(result: ReturnType<typeof runCli>, pattern: RegExp) {
	expect(result.code).toBe(1);
	const lines = result.stderr.trim().split('\n');
	expect(lines).toHaveLength(1);
	expect(lines[0]).toMatch(/^supportlens: /);
	expect(lines[0]).toMatch(pattern);
	expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe('cli ingest and stats', () => {
	const db = path.join(dir, 'cli.duckdb');
	const file = writeJsonl(path.join(dir, 'in.jsonl'), [good, '{broken']);

	it('ingest prints a summary and exits 0 even with quarantined records', () => {
		const result = runCli(['ingest', file, '--db', db]);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^loaded 1, updated 0, unchanged 0, quarantined 1$/m);
		expect(result.stderr).toMatch(/records · [\d,]+\/s/);
	});

	it('ingest --strict exits 2 when a record was quarantined', () => {
		const result = runCli(['ingest', file, '--db', db, '--strict']);
		expect(result.code).toBe(2);
		expect(result.stdout).toMatch(/^loaded 0, updated 0, unchanged 1, quarantined 1$/m);
	});

	it('stats --json prints exactly the four counts', () => {
		const result = runCli(['stats', '--db', db, '--json']);
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout)).toEqual({ conversations: 1, events: 1, kb_articles: 0, quarantined: 1 });
	});

	it('SUPPORTLENS_DB chooses the warehouse when --db is absent', () => {
		const result = runCli(['stats', '--json'], { SUPPORTLENS_DB: db });
		expect(JSON.parse(result.stdout).conversations).toBe(1);
	});

	it('an unreadable file is a one-line error with exit 1', () => {
		expectOneLineError(runCli(['ingest', path.join(dir, 'nope.jsonl'), '--db', db]), /cannot read .*nope\.jsonl: no such file/);
	});

	it('an unknown format is a one-line error with exit 1', () => {
		const odd = path.join(dir, 'odd.txt');
		fs.writeFileSync(odd, 'hello\n');
		expectOneLineError(runCli(['ingest', odd, '--db', db]), /cannot tell the format of .*odd\.txt/);
	});

	it('a --db in a folder that does not exist is a one-line error with exit 1', () => {
		expectOneLineError(runCli(['ingest', file, '--db', path.join(dir, 'no/such/dir/x.duckdb')]), /folder .* does not exist/);
	});

	it('a --db that is not a DuckDB file is a one-line error with exit 1', () => {
		const notDb = path.join(dir, 'not.duckdb');
		fs.writeFileSync(notDb, 'this is not a database');
		expectOneLineError(runCli(['stats', '--db', notDb]), /cannot open warehouse/);
	});

	it('stats on a warehouse that does not exist says what to do', () => {
		expectOneLineError(runCli(['stats', '--db', path.join(dir, 'never.duckdb')]), /no warehouse at .*run `ingest` or `demo` first/);
	});

	it('an unknown command or option is a one-line error', () => {
		expectOneLineError(runCli(['frobnicate']), /unknown command "frobnicate"/);
		expect(runCli(['ingest', file, '--format', 'xml', '--db', db]).stderr).toMatch(/unknown --format "xml"/);
	});
});
