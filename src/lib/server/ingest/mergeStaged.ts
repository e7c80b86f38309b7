// Loads one import's staging files into the warehouse in a single transaction: new
// conversations are inserted, newer copies replace older ones, identical or older copies
// change nothing, and quarantined records are kept once. A crash before COMMIT leaves the
// warehouse exactly as it was.
import { DERIVED_REFRESHERS } from '../derivedTables';
import type { WarehouseConnection } from '../warehouse/WarehouseConnection';
import type { StagingFiles } from './StagingFiles';
import type { MergeCounts } from '../../imports/types';
import { FastStaging } from './fast/stageCanonicalFiles';
import {
	columnList,
	CONVERSATION_COLUMNS,
	EVENT_COLUMNS,
	KB_COLUMNS,
	QUARANTINE_COLUMNS,
	RATING_COLUMNS,
	readStaged
} from './stagedColumns';

/**
 * Quarantined records of one run that keep their raw text (each cut to 2 KB); the rest keep
 * file, line, reason and length only, so a garbage file can't fill the warehouse with itself.
 */
export const QUARANTINE_RAW_KEPT_PER_RUN = 10_000;

export type { MergeCounts };

export async function mergeStaged(
	db: WarehouseConnection,
	staging: StagingFiles,
	run: {
		runId: number;
		files: string[];
		formats: string[];
		/** More writes that must commit or roll back with this import (a sync's cursor). */
		afterMerge?: (tx: WarehouseConnection, runId: number | null) => Promise<void>;
		/** False: an import that loaded, updated and quarantined nothing leaves no import run (repeated syncs). */
		recordEmptyRun?: boolean;
		/** Rows of our own format that DuckDB parsed and checked itself. */
		fast?: FastStaging;
		/** Leave the deferrable derived tables (see DERIVED_REFRESHERS) to a later transaction of the same import. */
		deferRefresh?: boolean;
		/** Copies left out before staging because a copy elsewhere in the import supersedes them: counted as skipped. */
		superseded?: number;
	}
): Promise<MergeCounts & { runId: number }> {
	const { runId } = run;
	const temps = [
		'stage_conversations',
		'stage_decision',
		'import_affected',
		'stage_kb',
		'stage_kb_decision',
		'stage_ratings',
		'rating_affected'
	];
	// Rows DuckDB staged itself (the fast path for our own format) are read beside the staging files.
	const fast = run.fast ?? new FastStaging();
	await fast.publish(db);
	try {
		return await db.transaction(async (tx) => {
			// Latest copy per key within this import: newest updated_at, then the later line.
			await tx.run(
				`CREATE OR REPLACE TEMP TABLE stage_conversations AS
				 SELECT * FROM (SELECT * FROM ${readStaged(CONVERSATION_COLUMNS)} UNION ALL BY NAME SELECT * FROM fast_conversations)
				 QUALIFY row_number() OVER (PARTITION BY source, id ORDER BY updated_at DESC NULLS LAST, ord DESC) = 1`,
				[staging.path('conversations')]
			);
			await tx.run(`
				CREATE OR REPLACE TEMP TABLE stage_decision AS
				SELECT s.source, s.id, s.ord,
					CASE
						WHEN c.id IS NULL THEN 'new'
						WHEN c.content_hash = s.content_hash THEN 'unchanged'
						WHEN c.updated_at IS NOT NULL AND (s.updated_at IS NULL OR s.updated_at < c.updated_at) THEN 'older'
						ELSE 'replace'
					END AS decision
				FROM stage_conversations s
				LEFT JOIN conversations c ON c.source = s.source AND c.id = s.id`);
			await tx.run(`CREATE OR REPLACE TEMP TABLE import_affected AS
				SELECT source, id, ord FROM stage_decision WHERE decision IN ('new', 'replace')`);
			await tx.run(`DELETE FROM events USING stage_decision d
				WHERE events.source = d.source AND events.conversation_id = d.id AND d.decision = 'replace'`);
			await tx.run(`DELETE FROM conversations USING stage_decision d
				WHERE conversations.source = d.source AND conversations.id = d.id AND d.decision = 'replace'`);
			await tx.run(
				`INSERT INTO conversations (${columnList(CONVERSATION_COLUMNS)}, import_run_id)
				 SELECT ${columnList(CONVERSATION_COLUMNS, 's.')}, ? FROM stage_conversations s
				 JOIN import_affected a ON a.source = s.source AND a.id = s.id`,
				[runId]
			);
			await tx.run(
				`INSERT INTO events (${columnList(EVENT_COLUMNS)})
				 SELECT ${columnList(EVENT_COLUMNS, 'e.')} FROM ${readStaged(EVENT_COLUMNS)} e
				 JOIN import_affected a ON a.source = e.source AND a.id = e.conversation_id AND a.ord = e.ord`,
				[staging.path('events')]
			);
			await fast.insertEvents(tx, 'import_affected');

			await tx.run(
				`CREATE OR REPLACE TEMP TABLE stage_kb AS SELECT * FROM ${readStaged(KB_COLUMNS)}
				 QUALIFY row_number() OVER (PARTITION BY id ORDER BY updated_at DESC NULLS LAST, ord DESC) = 1`,
				[staging.path('kb_articles')]
			);
			await tx.run(`
				CREATE OR REPLACE TEMP TABLE stage_kb_decision AS
				SELECT s.id,
					CASE
						WHEN k.id IS NULL THEN 'new'
						WHEN k.content_hash = s.content_hash THEN 'unchanged'
						WHEN k.updated_at IS NOT NULL AND (s.updated_at IS NULL OR s.updated_at < k.updated_at) THEN 'older'
						ELSE 'replace'
					END AS decision
				FROM stage_kb s LEFT JOIN kb_articles k ON k.id = s.id`);
			await tx.run(`DELETE FROM kb_articles USING stage_kb_decision d WHERE kb_articles.id = d.id AND d.decision = 'replace'`);
			await tx.run(
				`INSERT INTO kb_articles (${columnList(KB_COLUMNS)}, import_run_id)
				 SELECT ${columnList(KB_COLUMNS, 's.')}, ? FROM stage_kb s
				 JOIN stage_kb_decision d ON d.id = s.id AND d.decision IN ('new', 'replace')`,
				[runId]
			);

			await tx.run(
				`INSERT INTO quarantine (import_run_id, ${columnList(QUARANTINE_COLUMNS)})
				 SELECT ?, file, line, record, reason,
					CASE WHEN row_number() OVER (ORDER BY file, line NULLS LAST, record) <= ? THEN raw END, raw_hash, raw_bytes
				 FROM (SELECT DISTINCT ${columnList(QUARANTINE_COLUMNS, 'q.')} FROM ${readStaged(QUARANTINE_COLUMNS)} q
					WHERE NOT EXISTS (SELECT 1 FROM quarantine x
						WHERE x.file = q.file AND x.line IS NOT DISTINCT FROM q.line
						  AND x.record IS NOT DISTINCT FROM q.record AND x.raw_hash = q.raw_hash))`,
				[runId, QUARANTINE_RAW_KEPT_PER_RUN, staging.path('quarantine')]
			);

			const ratingsApplied = await mergeRatings(tx, staging, runId);

			for (const refresher of DERIVED_REFRESHERS) {
				if (!(run.deferRefresh && refresher.deferrable)) await refresher.refresh(tx, 'import_affected');
			}

			const counts = (await tx.one<Omit<MergeCounts, 'quarantined'>>(
				`SELECT
					count(*) FILTER (WHERE decision = 'new') AS loaded,
					count(*) FILTER (WHERE decision = 'replace') AS updated,
					count(*) FILTER (WHERE decision = 'unchanged') AS unchanged,
					count(*) FILTER (WHERE decision = 'older') + ? AS skipped_older,
					(SELECT count(*) FILTER (WHERE decision = 'new') FROM stage_kb_decision) AS kb_loaded,
					(SELECT count(*) FILTER (WHERE decision = 'replace') FROM stage_kb_decision) AS kb_updated,
					(SELECT count(*) FILTER (WHERE decision IN ('unchanged', 'older')) FROM stage_kb_decision) AS kb_unchanged
				 FROM stage_decision`,
				[staging.counts.conversations + fast.conversations + (run.superseded ?? 0) - (await countRows(tx, 'stage_conversations'))]
			))!;
			const result = {
				...counts,
				ratings_read: staging.counts.ratings,
				ratings_applied: ratingsApplied,
				quarantined: staging.counts.quarantine
			};
			// A sync that found only copies already held leaves no history row (run.recordEmptyRun):
			// its 'running' row goes with this commit.
			const changed =
				result.loaded + result.updated + result.kb_loaded + result.kb_updated + result.ratings_applied + result.quarantined > 0;
			const keepRun = changed || run.recordEmptyRun !== false;
			if (keepRun) {
				// The run was recorded as 'running' when it started; it becomes 'done' with this commit.
				// (The crash tests' preload, tests/helpers/killBeforeCommit.preload.mjs, kills the process
				// between this statement and COMMIT.)
				await tx.run(
					`UPDATE import_runs SET status = 'done', finished_at = now()::TIMESTAMP, files = from_json(?, '["VARCHAR"]'),
						formats = from_json(?, '["VARCHAR"]'), loaded = ?, updated = ?, unchanged = ?, quarantined = ?
					 WHERE id = ?`,
					[
						JSON.stringify(run.files),
						JSON.stringify(run.formats),
						result.loaded + result.kb_loaded,
						result.updated + result.kb_updated,
						result.unchanged + result.skipped_older + result.kb_unchanged,
						result.quarantined,
						runId
					]
				);
			} else {
				await tx.run('DELETE FROM import_runs WHERE id = ?', [runId]);
			}
			await run.afterMerge?.(tx, keepRun ? runId : null);
			return { runId, ...result };
		});
	} finally {
		for (const t of temps) await db.run(`DROP TABLE IF EXISTS ${t}`).catch(() => {});
		await fast.drop(db);
	}
}

/**
 * Keeps this import's rating records (the newest per conversation) and applies every stored
 * rating to its conversation when that conversation is in the warehouse and its CSAT differs:
 * conversations loaded now get ratings imported earlier, and the other way round. Conversations
 * changed this way join import_affected, so their KPI facts are refreshed. Returns their count.
 */
async function mergeRatings(tx: WarehouseConnection, staging: StagingFiles, runId: number): Promise<number> {
	await tx.run(
		`CREATE OR REPLACE TEMP TABLE stage_ratings AS SELECT * FROM ${readStaged(RATING_COLUMNS)}
		 QUALIFY row_number() OVER (PARTITION BY source, conversation_id ORDER BY rated_at DESC NULLS LAST, ord DESC) = 1`,
		[staging.path('ratings')]
	);
	await tx.run(`DELETE FROM csat_ratings USING stage_ratings s
		WHERE csat_ratings.source = s.source AND csat_ratings.conversation_id = s.conversation_id
		  AND (csat_ratings.rated_at IS NULL OR s.rated_at IS NULL OR s.rated_at >= csat_ratings.rated_at)`);
	await tx.run(
		`INSERT INTO csat_ratings (${columnList(RATING_COLUMNS)}, import_run_id)
		 SELECT ${columnList(RATING_COLUMNS, 's.')}, ? FROM stage_ratings s
		 WHERE NOT EXISTS (SELECT 1 FROM csat_ratings r WHERE r.source = s.source AND r.conversation_id = s.conversation_id)`,
		[runId]
	);
	await tx.run(`CREATE OR REPLACE TEMP TABLE rating_affected AS
		SELECT c.source, c.id, r.csat_score, r.csat_scale, r.csat_rating, r.csat_comment
		FROM conversations c JOIN csat_ratings r ON r.source = c.source AND r.conversation_id = c.id
		WHERE (c.csat_score, c.csat_scale, c.csat_rating, c.csat_comment) IS DISTINCT FROM (r.csat_score, r.csat_scale, r.csat_rating, r.csat_comment)`);
	await tx.run(`UPDATE conversations SET csat_score = r.csat_score, csat_scale = r.csat_scale,
			csat_rating = r.csat_rating, csat_comment = r.csat_comment
		FROM rating_affected r WHERE conversations.source = r.source AND conversations.id = r.id`);
	await tx.run(`INSERT INTO import_affected
		SELECT r.source, r.id, NULL FROM rating_affected r
		WHERE NOT EXISTS (SELECT 1 FROM import_affected a WHERE a.source = r.source AND a.id = r.id)`);
	return (await tx.one<{ n: number }>('SELECT count(*) AS n FROM rating_affected'))!.n;
}

async function countRows(db: WarehouseConnection, table: 'stage_conversations'): Promise<number> {
	return (await db.one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n;
}
