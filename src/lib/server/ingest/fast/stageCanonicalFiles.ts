// The fast path for files in our own JSON Lines format: DuckDB reads, parses and checks every
// line in bulk into temp tables (fast_conversations, fast_events) on the import's connection;
// the few lines its checks leave aside go through stageRecord (zod), exactly as the
// line-by-line path would take them, into the same staging files.
import type { WarehouseConnection } from '../../warehouse/WarehouseConnection';
import { stageRecord, type StagedRecord } from '../stageRecord';
import { CONVERSATION_COLUMNS, createStagedTableSql, EVENT_COLUMNS } from '../stagedColumns';
import { INSERT_CONVERSATIONS_SQL, INSERT_EVENTS_SQL, PARSE_LINES_SQL } from './canonicalLineSql';

export interface FastFile {
	path: string;
	/** The name quarantine rows carry. */
	display: string;
	bytes: number;
}

export const FAST_TABLES = ['fast_conversations', 'fast_events', 'fast_lines'] as const;

/** Left-aside lines are fetched and staged this many at a time (bounded memory). */
const REJECTED_PER_CHUNK = 2048;

/** Creates the (empty) fast-path tables; mergeStaged reads them whether or not a file used them. */
export async function createFastTables(db: WarehouseConnection): Promise<void> {
	await db.run(createStagedTableSql('fast_conversations', CONVERSATION_COLUMNS));
	await db.run(createStagedTableSql('fast_events', EVENT_COLUMNS));
}

/**
 * Stages one file. Returns its line count, or null when DuckDB cannot read it as lines of
 * UTF-8 (broken bytes, a line over the reader's limit): the caller then reads that file line by
 * line, which reports such lines one by one. `ordBase + line` orders copies of one key.
 */
export async function stageCanonicalFile(
	db: WarehouseConnection,
	file: FastFile,
	ordBase: number,
	write: (staged: StagedRecord[]) => Promise<void>
): Promise<number | null> {
	try {
		await db.run(PARSE_LINES_SQL, [file.path]);
	} catch {
		await db.run('DROP TABLE IF EXISTS fast_lines');
		return null;
	}
	try {
		const lines = (await db.one<{ n: number }>('SELECT count(*) AS n FROM fast_lines'))!.n;
		await db.run(INSERT_CONVERSATIONS_SQL, [ordBase]);
		await db.run(INSERT_EVENTS_SQL, [ordBase]);
		const result = await db.raw.stream('SELECT rowid + 1 AS line, raw FROM fast_lines WHERE raw IS NOT NULL ORDER BY rowid');
		let batch: StagedRecord[] = [];
		for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
			for (const [lineValue, rawValue] of chunk.getRows()) {
				const line = Number(lineValue);
				// As the line reader: the newline's carriage return is not part of the line, blank lines are skipped.
				const text = String(rawValue).replace(/\r$/, '');
				if (text.trim() === '') continue;
				batch.push(stageRecord({ kind: 'canonical_line', location: { file: file.display, line }, text }, ordBase + line));
				if (batch.length >= REJECTED_PER_CHUNK) {
					await write(batch);
					batch = [];
				}
			}
		}
		if (batch.length) await write(batch);
		return lines;
	} finally {
		await db.run('DROP TABLE IF EXISTS fast_lines');
	}
}
