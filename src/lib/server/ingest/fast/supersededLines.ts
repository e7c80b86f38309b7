// Which lines of a canonical file a later or newer copy of the same conversation in the same
// file supersedes, so that an import in slices (one transaction each) leaves them out as one
// transaction's merge does (newest updated_at per key, then the later line) and counts them as
// skipped: without this, a copy in an early slice is written and then replaced by a later
// slice, and importing the file again rewrites such conversations. Two passes in bounded
// memory: DuckDB reads every line's key cheaply (a hash of source and id, spilled if needed)
// to find the lines whose key occurs more than once; only those are validated by zod (the
// reference the fast path is equivalent to), since only a copy that loads can supersede.
import type { WarehouseConnection } from '../../warehouse/WarehouseConnection';
import { readLines } from '../readLines';
import { stageRecord } from '../stageRecord';
import { FILE_LINES } from './canonicalLineSql';

/** Copies sent to DuckDB this many at a time. */
const COPIES_PER_BATCH = 5000;

/**
 * A loose key: source (default canonical) and id with every kind of space removed, so that two
 * lines zod reads as one key (it trims) always share it; lines that are not JSON have none.
 * Different keys sharing one (a hash collision, spaces inside) only send more lines to zod.
 */
const SPACES = String.raw`[\s\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]`;
const loose = (x: string) => `regexp_replace(${x}, '${SPACES}', '', 'g')`;
const LOOSE_KEYS_SQL = `
CREATE OR REPLACE TEMP TABLE superseded_file_keys AS
SELECT CASE WHEN id IS NOT NULL THEN hash(${loose(`coalesce(source, 'canonical')`)}, ${loose('id')}) END AS k
FROM (SELECT v[1] AS id, v[2] AS source
	-- both paths in one call: the line is parsed once (two calls took half as long again)
	FROM (SELECT try(json_extract_string(j, ['$.id', '$.source'])) AS v FROM (SELECT ltrim(j, chr(65279)) AS j FROM ${FILE_LINES})))`;

/**
 * Per file, the 1-based numbers of the lines whose loose key occurs more than once among all
 * the files, in order; null when DuckDB cannot read one of the files (then every line is one).
 */
async function repeatedKeyLines(db: WarehouseConnection, files: string[]): Promise<number[][] | null> {
	await db.run('CREATE OR REPLACE TEMP TABLE superseded_keys (f INTEGER, line BIGINT, k UBIGINT)');
	for (const [f, file] of files.entries()) {
		try {
			// Insertion order is file order (the import keeps it), so rowid + 1 is the line number.
			await db.run(LOOSE_KEYS_SQL, [file]);
		} catch {
			return null;
		}
		await db.run('INSERT INTO superseded_keys SELECT ?, rowid + 1, k FROM superseded_file_keys WHERE k IS NOT NULL', [f]);
	}
	return linesPerFile(db, files.length, `SELECT f, line FROM superseded_keys QUALIFY count(*) OVER (PARTITION BY k) > 1 ORDER BY f, line`);
}

/** Streams (f, line) rows, ordered by f and line, into one ascending list per file. */
async function linesPerFile(db: WarehouseConnection, files: number, sql: string): Promise<number[][]> {
	const lines: number[][] = Array.from({ length: files }, () => []);
	const result = await db.raw.stream(sql);
	for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
		for (const [f, line] of chunk.getRows()) lines[Number(f)].push(Number(line));
	}
	return lines;
}

export interface SupersededLines {
	/** Per file (in the import's order), the lines (1-based, ascending) to leave out. */
	lines: number[][];
	/** The same, conversations only: the merge counts those as skipped (it counts no superseded article). */
	conversations: number[][];
}

/**
 * The lines of `files` holding a copy of a conversation or article that a newer copy, or one
 * as new and later (a later line, a later file), supersedes.
 */
export async function supersededLines(db: WarehouseConnection, files: string[]): Promise<SupersededLines> {
	try {
		const candidates = await repeatedKeyLines(db, files);
		if (candidates?.every((c) => c.length === 0)) return { lines: candidates, conversations: candidates };
		await db.run('CREATE OR REPLACE TEMP TABLE superseded_copies (f INTEGER, line BIGINT, source VARCHAR, id VARCHAR, updated_at VARCHAR)');
		let batch: { f: number; l: number; s: string | null; i: string; u: string | null }[] = [];
		const flush = async () => {
			if (!batch.length) return;
			await db.run(
				`INSERT INTO superseded_copies SELECT unnest(from_json(?, '[{"f":"INTEGER","l":"BIGINT","s":"VARCHAR","i":"VARCHAR","u":"VARCHAR"}]'), recursive := true)`,
				[JSON.stringify(batch)]
			);
			batch = [];
		};
		for (const [f, file] of files.entries()) {
			const wanted = candidates?.[f];
			if (wanted?.length === 0) continue;
			let next = 0;
			for await (const line of readLines(file)) {
				if (wanted) {
					if (next >= wanted.length) break;
					if (wanted[next] !== line.line) continue;
					next++;
				}
				// Read as the import reads it (the canonical adapter skips blank lines and quarantines broken bytes).
				if ('error' in line || line.text.trim() === '') continue;
				const staged = stageRecord({ kind: 'canonical_line', location: { file, line: line.line }, text: line.text }, 0);
				// A knowledge-base article (no source) is a copy too: the merge keeps its newest the same way.
				const copy = staged.conversation ?? staged.kb_article;
				if (!copy) continue;
				const row = JSON.parse(copy) as { source?: string; id: string; updated_at: string | null };
				batch.push({ f, l: line.line, s: row.source ?? null, i: row.id, u: row.updated_at });
				if (batch.length >= COPIES_PER_BATCH) await flush();
			}
		}
		await flush();
		// The merge's order within one transaction: newest updated_at, then the later line (files in the import's order).
		await db.run(`CREATE OR REPLACE TEMP TABLE superseded_copies AS SELECT f, line, source FROM superseded_copies
			QUALIFY row_number() OVER (PARTITION BY source, id ORDER BY TRY_CAST(updated_at AS TIMESTAMP) DESC NULLS LAST, f DESC, line DESC) > 1`);
		return {
			lines: await linesPerFile(db, files.length, `SELECT f, line FROM superseded_copies ORDER BY f, line`),
			conversations: await linesPerFile(db, files.length, `SELECT f, line FROM superseded_copies WHERE source IS NOT NULL ORDER BY f, line`)
		};
	} finally {
		for (const t of ['superseded_file_keys', 'superseded_keys', 'superseded_copies'])
			await db.run(`DROP TABLE IF EXISTS ${t}`).catch(() => {});
	}
}
