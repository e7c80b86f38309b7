// The mining run's last stage: matches the new clusters to the stored gaps (a status, owner and
// note survive re-mining), then replaces the questions, gaps, reroute flows and run record in one
// transaction, so the dashboard sees the old list or the new one, never half.
import { blobValue, listValue, type DuckDBValue } from '@duckdb/node-api';
import type { WarehouseConnection } from '../warehouse';
import type { CoverageResult } from './assessCoverage';
import { bulkInsert } from './bulkInsert';
import type { ClusterResult } from './clusterVectors';
import type { Question } from './extractQuestions';
import { insertRows } from './insertRows';
import type { ClusterLabel } from './labelClusters';
import { matchGaps } from './matchGaps';
import { eventKey } from './miningKeys';
import { previousGaps } from './previousGaps';
import { projectPca } from './projectPca';
import type { RerouteFlowSummary } from './summarizeRerouteFlows';
import type { ClusterSummary } from './summarizeClusters';

export interface MiningResults {
	startedAt: Date;
	embedder: { kind: string; model: string; message: string; embedded: number };
	/** Settings as run, thresholds resolved. */
	settings: object;
	questions: Question[];
	clustering: ClusterResult;
	labels: ClusterLabel[];
	summaries: ClusterSummary[];
	coverage: CoverageResult[];
	/** Translation group of each KB article id. */
	groupOf: Map<string, string | null>;
	flows: RerouteFlowSummary[];
}

const timestamp = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

/** Stores the run; returns its id. */
export async function storeMiningRun(db: WarehouseConnection, run: MiningResults): Promise<number> {
	const { questions, clustering } = run;
	return db.transaction(async (tx) => {
		const matched = matchGaps(
			await previousGaps(tx, run.embedder.model),
			run.summaries.map((s, c) => ({ members: s.members.map((i) => eventKey(questions[i])), centroid: clustering.centroids[c] }))
		);
		const runId = Number((await tx.one<{ id: number }>(`SELECT nextval('gap_run_ids') AS id`))!.id);
		const ids: number[] = [];
		for (const m of matched) ids.push(m ?? Number((await tx.one<{ id: number }>(`SELECT nextval('gap_ids') AS id`))!.id));
		await storeQuestions(tx, runId, questions, clustering, ids);
		await storeGaps(tx, runId, run, ids, new Set(matched.filter((m): m is number => m !== null)));
		await storeFlows(tx, runId, run.flows);
		await tx.run(
			`INSERT INTO gap_runs (id, started_at, finished_at, embedder, model, message, questions, clusters, outliers, embedded, settings)
			VALUES (?, ?::TIMESTAMP, now()::TIMESTAMP, ?, ?, ?, ?, ?, ?, ?, ?)`,
			[
				runId,
				timestamp(run.startedAt),
				run.embedder.kind,
				run.embedder.model,
				run.embedder.message,
				questions.length,
				clustering.centroids.length,
				clustering.labels.filter((l) => l < 0).length,
				run.embedder.embedded,
				JSON.stringify(run.settings)
			]
		);
		return runId;
	});
}

async function storeQuestions(tx: WarehouseConnection, runId: number, questions: Question[], clustering: ClusterResult, ids: number[]) {
	await tx.run('DELETE FROM gap_questions');
	await bulkInsert(
		tx,
		'gap_questions',
		[
			{ name: 'run_id', type: 'BIGINT' },
			{ name: 'source', type: 'VARCHAR' },
			{ name: 'conversation_id', type: 'VARCHAR' },
			{ name: 'event_id', type: 'VARCHAR' },
			{ name: 'text', type: 'VARCHAR' },
			{ name: 'asked_at', type: 'VARCHAR', expr: 'CAST(asked_at AS TIMESTAMP)' },
			{ name: 'week', type: 'VARCHAR', expr: 'CAST(week AS DATE)' },
			{ name: 'channel', type: 'VARCHAR' },
			{ name: 'language', type: 'VARCHAR' },
			{ name: 'reasons', type: 'VARCHAR[]' },
			{ name: 'gap_id', type: 'BIGINT' },
			{ name: 'similarity', type: 'DOUBLE' }
		],
		questions.map((q, i) => ({
			run_id: runId,
			source: q.source,
			conversation_id: q.conversation_id,
			event_id: q.event_id,
			text: q.text,
			asked_at: timestamp(q.asked_at),
			week: q.week,
			channel: q.channel,
			language: q.language,
			reasons: q.reasons,
			gap_id: clustering.labels[i] >= 0 ? ids[clustering.labels[i]] : null,
			similarity: Math.round(clustering.similarity[i] * 1e4) / 1e4
		}))
	);
}

/** Gaps matched to a stored one are updated in place; gaps no cluster matched stay, inactive and empty. */
async function storeGaps(tx: WarehouseConnection, runId: number, run: MiningResults, ids: number[], keep: Set<number>) {
	const { questions, clustering, summaries, coverage, labels } = run;
	const positions = projectPca(clustering.centroids);
	await tx.run('UPDATE gaps SET active = false, size = 0, conversations = 0, share = 0, impact = 0');
	for (let c = 0; c < clustering.centroids.length; c++) {
		const s = summaries[c];
		const cov = coverage[c];
		const v = clustering.centroids[c];
		const values: DuckDBValue[] = [
			labels[c].title,
			listValue(labels[c].terms),
			s.size,
			s.conversations,
			questions.length ? s.size / questions.length : 0,
			JSON.stringify(s.weekly),
			JSON.stringify(s.channels),
			JSON.stringify(s.languages),
			JSON.stringify(s.reasons),
			JSON.stringify(s.examples),
			cov.coverage,
			cov.nearest_article_id,
			cov.nearest_article_title,
			cov.article_similarity,
			cov.ai_answered_share,
			cov.reason,
			cov.answered_citing,
			(cov.nearest_article_id && run.groupOf.get(cov.nearest_article_id)) || null,
			s.reopen_rate,
			s.escalation_rate,
			s.low_csat_rate,
			s.impact,
			blobValue(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)),
			run.embedder.model,
			positions[c][0],
			positions[c][1],
			runId
		];
		if (keep.has(ids[c])) {
			await tx.run(
				`UPDATE gaps SET active = true, title = ?, terms = ?, size = ?, conversations = ?, share = ?, weekly = ?, channels = ?, languages = ?,
					reasons = ?, examples = ?, coverage = ?, nearest_article_id = ?, nearest_article_title = ?, article_similarity = ?,
					ai_answered_share = ?, coverage_reason = ?, answered_citing = ?, translation_group = ?, reopen_rate = ?, escalation_rate = ?, low_csat_rate = ?, impact = ?, centroid = ?, model = ?,
					x = ?, y = ?, last_run_id = ? WHERE id = ?`,
				[...values, ids[c]]
			);
		} else {
			await tx.run(
				`INSERT INTO gaps (title, terms, size, conversations, share, weekly, channels, languages, reasons, examples, coverage,
					nearest_article_id, nearest_article_title, article_similarity, ai_answered_share, coverage_reason, answered_citing, translation_group, reopen_rate, escalation_rate,
					low_csat_rate, impact, centroid, model, x, y, last_run_id, id, active, status, first_run_id)
				VALUES (${values.map(() => '?').join(', ')}, ?, true, 'new', ?)`,
				[...values, ids[c], runId]
			);
		}
	}
}

async function storeFlows(tx: WarehouseConnection, runId: number, flows: RerouteFlowSummary[]) {
	await tx.run('DELETE FROM reroute_flows');
	await insertRows(
		tx,
		'reroute_flows',
		[{ name: 'run_id' }, { name: 'from_queue' }, { name: 'to_queue' }, { name: 'conversations' }, { name: 'topics' }],
		flows.map((f) => [runId, f.from, f.to, f.conversations, JSON.stringify(f.topics)])
	);
}
