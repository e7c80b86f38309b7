// The fast path for files in our own JSON Lines format: DuckDB reads, parses and checks every
// line in bulk into a temp table per file on the import's connection, which the merge reads
// through two views (fast_conversations, fast_events); the few lines its checks leave aside go
// through stageRecord (zod), exactly as the line-by-line path takes them, into the staging files.
import type { WarehouseConnection } from '../../warehouse/WarehouseConnection';
import { stageRecord, type StagedRecord } from '../stageRecord';
import { columnList, CONVERSATION_COLUMNS, createStagedTableSql, EVENT_COLUMNS } from '../stagedColumns';
import { detectMissingLanguages } from './detectMissingLanguages';
import { affectedLinesSql, fastConversationsViewSql, fastEventsSql, parseLinesSql, type ParsedFile } from './canonicalLineSql';

export interface FastFile {
	path: string;
	/** The name quarantine rows carry. */
	display: string;
	bytes: number;
	/** Lines before this file's first line in the file quarantine rows name (a slice of it); 0 by default. */
	firstLine?: number;
}

/** Left-aside lines are fetched and staged this many at a time (bounded memory). */
const REJECTED_PER_CHUNK = 2048;

/** The fast path's staged rows on one connection: what the merge reads, and what to drop afterwards. */
export class FastStaging {
	private readonly parsed: (ParsedFile & { accepted: number })[] = [];
	/** Conversation rows staged here (lines DuckDB accepted). */
	conversations = 0;

	/**
	 * Stages one file. Returns its line count, or null when DuckDB cannot read it as lines of
	 * UTF-8 (broken bytes, a line over the reader's limit): the caller then reads that file line
	 * by line, which reports such lines one by one. `ordBase + line` orders copies of one key.
	 */
	async stageFile(
		db: WarehouseConnection,
		file: FastFile,
		ordBase: number,
		write: (staged: StagedRecord[]) => Promise<void>
	): Promise<number | null> {
		const table = `fast_lines_${this.parsed.length}`;
		try {
			await db.run(parseLinesSql(table), [file.path]);
		} catch {
			await db.run(`DROP TABLE IF EXISTS ${table}`);
			return null;
		}
		await detectMissingLanguages(db, table);
		const parsed = { table, ordBase, accepted: 0 };
		this.parsed.push(parsed);
		const counts = (await db.one<{ lines: number; accepted: number }>(
			`SELECT count(*) AS lines, count(*) FILTER (WHERE ok) AS accepted FROM ${table}`
		))!;
		parsed.accepted = counts.accepted;
		this.conversations += counts.accepted;
		const result = await db.raw.stream(`SELECT rowid + 1 AS line, raw FROM ${table} WHERE NOT ok AND raw IS NOT NULL ORDER BY rowid`);
		const firstLine = file.firstLine ?? 0;
		let batch: StagedRecord[] = [];
		for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
			for (const [lineValue, rawValue] of chunk.getRows()) {
				const line = Number(lineValue);
				// As the line reader: a byte-order mark opening a line and the carriage return before
				// its newline are not part of it (its UTF-8 decoder drops the one); blank lines are skipped.
				const text = String(rawValue)
					.replace(/^\uFEFF/, '')
					.replace(/\r$/, '');
				if (text.trim() === '') continue;
				batch.push(stageRecord({ kind: 'canonical_line', location: { file: file.display, line: firstLine + line }, text }, ordBase + line));
				if (batch.length >= REJECTED_PER_CHUNK) {
					await write(batch);
					batch = [];
				}
			}
		}
		if (batch.length) await write(batch);
		return counts.lines;
	}

	/** Makes fast_conversations, empty when no file was staged here. */
	async publish(db: WarehouseConnection): Promise<void> {
		if (this.parsed.length === 0) await db.run(createStagedTableSql('fast_conversations', CONVERSATION_COLUMNS));
		else await db.run(fastConversationsViewSql(this.parsed));
	}

	/** Inserts the events of the staged conversations listed in `affected` (source, id, ord). */
	async insertEvents(db: WarehouseConnection, affected: 'import_affected'): Promise<void> {
		for (const file of this.parsed) {
			// None of the file's lines affected (a re-import): nothing to unpack. All of them (a first
			// import): no join with the affected rows is needed.
			const n = file.accepted === 0 ? 0 : (await db.one<{ n: number }>(affectedLinesSql(file, affected)))!.n;
			if (n === 0) continue;
			const select = fastEventsSql(file, n === file.accepted ? null : affected);
			await db.run(`INSERT INTO events (${columnList(EVENT_COLUMNS)}) SELECT ${columnList(EVENT_COLUMNS)} FROM (${select})`);
		}
	}

	async drop(db: WarehouseConnection): Promise<void> {
		await db.run('DROP VIEW IF EXISTS fast_conversations').catch(() => {});
		await db.run('DROP TABLE IF EXISTS fast_conversations').catch(() => {});
		for (const { table } of this.parsed) await db.run(`DROP TABLE IF EXISTS ${table}`).catch(() => {});
	}
}
