// One mining run: unanswered questions → embeddings (cached) → clusters → labels → KB
// coverage → gap list with stable ids, plus reroute flows and what they are about. Stores
// everything in one transaction, so the dashboard sees the old list or the new one, never half.
import { blobValue, listValue, type DuckDBValue } from '@duckdb/node-api';
import type { WarehouseConnection } from '../warehouse';
import { assessCoverage } from './assessCoverage';
import { chunkArticle, type ArticleChunk } from './chunkArticle';
import { answeredNeighbourShare } from './answeredNeighbourShare';
import { clusterByGroup } from './clusterByGroup';
import { clusterVectors } from './clusterVectors';
import { CALIBRATION, type EmbedderChoice } from './embedders/Embedder';
import { createEmbedder } from './embedders/createEmbedder';
import type { TransformersOptions } from './embedders/transformersConfig';
import { embedWithCache, pruneLexicalCache } from './embeddingCache';
import { extractQuestions, type Question } from './extractQuestions';
import { findReroutes } from './findReroutes';
import { resolveGapSettings, type GapSettings } from './gapSettings';
import { bulkInsert } from './bulkInsert';
import { insertRows } from './insertRows';
import { labelClusters } from './labelClusters';
import { matchGaps, type PreviousGap } from './matchGaps';
import { projectPca } from './projectPca';
import { summarizeClusters } from './summarizeClusters';
import { dot } from './vectorMath';
import { pacer } from './yieldToEventLoop';

export interface MineOptions {
	embedder?: EmbedderChoice;
	settings?: Partial<GapSettings>;
	transformers?: TransformersOptions;
	/** Progress lines for stderr. */
	onProgress?: (message: string) => void;
}

export interface MiningSummary {
	run_id: number;
	embedder: string;
	model: string;
	message: string;
	fallback_reason: string | null;
	questions: number;
	clusters: number;
	outliers: number;
	embedded: number;
	coverage: Record<'missing' | 'weak' | 'covered', number>;
	reroute_flows: number;
}

const eventKey = (q: { source: string; conversation_id: string; event_id: string }) =>
	`${q.source}\u0000${q.conversation_id}\u0000${q.event_id}`;
const convKey = (source: string, id: string) => `${source}\u0000${id}`;

/** Previous gaps with their members; centroids only when they live in the same vector space (`model`). */
async function previousGaps(db: WarehouseConnection, model: string): Promise<PreviousGap[]> {
	const reader = await db.raw.runAndReadAll('SELECT id, centroid, model FROM gaps ORDER BY id');
	const gaps = new Map<number, PreviousGap>();
	for (const row of reader.getRowObjectsJS()) {
		const bytes = row.centroid as Uint8Array;
		const copy = new Uint8Array(bytes.byteLength);
		copy.set(bytes);
		// An LSA fit on other texts has other axes: its centroids cannot be compared, only members.
		gaps.set(Number(row.id), {
			id: Number(row.id),
			members: new Set(),
			centroid: row.model === model ? new Float32Array(copy.buffer) : null
		});
	}
	for (const r of await db.all<{ gap_id: number; source: string; conversation_id: string; event_id: string }>(
		'SELECT gap_id, source, conversation_id, event_id FROM gap_questions WHERE gap_id IS NOT NULL'
	)) {
		gaps.get(r.gap_id)?.members.add(eventKey(r));
	}
	return [...gaps.values()];
}

export async function mineGaps(db: WarehouseConnection, options: MineOptions = {}): Promise<MiningSummary> {
	const settings = resolveGapSettings(options.settings);
	const startedAt = new Date();
	const report = options.onProgress ?? (() => {});
	const say = (message: string) => report(`[${((Date.now() - startedAt.getTime()) / 1000).toFixed(1)}s] ${message}`);

	say('reading unanswered questions…');
	const { questions, openings } = await extractQuestions(db, settings);
	const articles = await db.all<{ id: string; title: string; body: string; locale: string | null; translation_group: string | null }>(
		'SELECT id, title, body, locale, translation_group FROM kb_articles ORDER BY id'
	);
	const groupOf = new Map(articles.map((a) => [a.id, a.translation_group]));
	const chunks: ArticleChunk[] = articles.flatMap((a) => chunkArticle(a, settings.chunkChars));
	const reroutes = await findReroutes(db);
	say(
		`${questions.length.toLocaleString('en')} unanswered questions, ${articles.length} KB articles (${chunks.length} chunks), ${reroutes.length} reroutes`
	);

	const texts = [
		...new Set([
			...questions.map((q) => q.text),
			...openings.map((o) => o.text),
			...chunks.map((c) => c.text),
			...reroutes.map((r) => r.text)
		])
	];
	const selection = await createEmbedder({
		choice: options.embedder ?? 'auto',
		corpus: texts,
		transformers: options.transformers,
		languages: questions.map((q) => q.language)
	});
	say(selection.message);
	const embedder = selection.embedder;
	const calibration = CALIBRATION[embedder.kind];
	const assignSimilarity = settings.assignSimilarity ?? calibration.assignSimilarity;
	const articleSimilarity = settings.articleSimilarity ?? calibration.articleSimilarity;

	let embedded = 0;
	const vectorOf = new Map<string, Float32Array>();
	try {
		const started = Date.now();
		const result = await embedWithCache(db, embedder, texts, (done, total) => {
			const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
			say(
				`embedded ${done.toLocaleString('en')} / ${total.toLocaleString('en')} new texts · ${Math.round(rate)}/s · ETA ${Math.round((total - done) / Math.max(rate, 1))}s`
			);
		});
		embedded = result.embedded;
		texts.forEach((t, i) => vectorOf.set(t, result.vectors[i]));
		if (embedder.kind === 'lexical') await pruneLexicalCache(db, embedder.model);
	} finally {
		await embedder.dispose?.();
	}

	const vectors = questions.map((q) => vectorOf.get(q.text)!);
	// Questions the AI never answers anything like, and questions whose look-alikes it mostly
	// answers, are clustered apart: a missing article and a weak one are different work items,
	// and one gap mixing both would get one verdict for both.
	say('comparing each question with the AI’s answered conversations…');
	const track = await answeredNeighbourShare(
		questions.map((q, i) => ({ vector: vectors[i], conversation: convKey(q.source, q.conversation_id), text: q.text })),
		openings.map((o) => ({ vector: vectorOf.get(o.text)!, answered: o.answered, conversation: convKey(o.source, o.conversation_id) }))
	);
	// The lexical embedder cannot match across languages: each language is clustered on its own
	// (its own leading LSA components), so one language's topics are not lumped into one blob.
	const byLanguage = embedder.kind === 'lexical';
	const clustering = await clusterByGroup(
		vectors,
		track.map(
			(t, i) =>
				`${byLanguage ? (questions[i].language ?? '?').toLowerCase().split(/[-_]/)[0] : ''}/${t !== null && t >= 0.5 ? 'answered-like' : 'unanswered-like'}`
		),
		{
			assignSimilarity,
			viewEnergy: calibration.viewEnergy,
			minClusterSize: settings.minClusterSize,
			sampleSize: settings.sampleSize,
			onProgress: say
		}
	);
	const k = clustering.centroids.length;
	const outliers = clustering.labels.filter((l) => l < 0).length;
	say(`${k} clusters, ${outliers} outliers`);
	say('labelling clusters and measuring coverage…');
	const labels = labelClusters(
		questions.map((q) => q.text),
		clustering.labels,
		clustering.similarity,
		k
	);
	const summaries = summarizeClusters(questions, clustering.labels, clustering.similarity, k, settings.examples);

	// Coverage evidence: AI-involved conversations whose opening question is as typical of a
	// cluster as its own members (similarity to the centroid at least their median), whether the
	// AI answered them confidently, and the articles it cited when it did.
	const citedBy = new Map<string, string[]>();
	for (const r of await db.all<{ source: string; conversation_id: string; article: string }>(
		`SELECT DISTINCT source, conversation_id, unnest(kb_article_ids) AS article FROM events WHERE author = 'ai' AND kb_article_ids IS NOT NULL`
	)) {
		const key = convKey(r.source, r.conversation_id);
		if (!citedBy.has(key)) citedBy.set(key, []);
		citedBy.get(key)!.push(r.article);
	}
	const typical = summaries.map((s) => {
		const sims = s.members.map((i) => clustering.similarity[i]).sort((a, b) => a - b);
		return sims.length ? sims[Math.floor(sims.length / 2)] : 1;
	});
	const answered: [number, number][] = clustering.centroids.map(() => [0, 0]);
	const evidence = clustering.centroids.map(() => new Map<string, number>());
	const pace = pacer();
	// An opening counts for every cluster it is typical of (clusters of one topic split by the
	// AI's track record, or by language, each see it).
	for (const o of openings) {
		await pace();
		const v = vectorOf.get(o.text)!;
		const cited = o.answered ? new Set(citedBy.get(convKey(o.source, o.conversation_id)) ?? []) : null;
		for (let c = 0; c < clustering.centroids.length; c++) {
			if (dot(v, clustering.centroids[c]) < Math.max(typical[c], assignSimilarity)) continue;
			answered[c][1]++;
			if (!cited) continue;
			answered[c][0]++;
			for (const a of cited) evidence[c].set(a, (evidence[c].get(a) ?? 0) + 1);
		}
	}
	const answeredWith = new Map<string, number>();
	for (const o of openings)
		if (o.answered)
			for (const a of new Set(citedBy.get(convKey(o.source, o.conversation_id)) ?? [])) answeredWith.set(a, (answeredWith.get(a) ?? 0) + 1);
	const locales = summaries.map((s) => {
		const top = Object.entries(s.languages).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
		return top && top[0] !== 'unknown' ? top[0] : null;
	});
	const coverage = assessCoverage({
		centroids: clustering.centroids,
		chunks,
		chunkVectors: chunks.map((c) => vectorOf.get(c.text)!),
		locales: embedder.kind === 'lexical' ? locales : undefined,
		evidence,
		answered,
		articleSimilarity,
		weakAnsweredShare: settings.weakAnsweredShare,
		citationsKnown: citedBy.size > 0,
		unansweredLike: summaries.map((s) => s.members.filter((i) => track[i] !== null && track[i]! < 0.5).length * 2 > s.members.length),
		answeredWith
	});

	// Reroute flows and what the rerouted conversations are about.
	const rerouteTexts = reroutes.filter((r) => r.text);
	const rerouteClusters = await clusterVectors(
		rerouteTexts.map((r) => vectorOf.get(r.text)!),
		{
			assignSimilarity,
			viewEnergy: calibration.viewEnergy,
			minClusterSize: 2,
			sampleSize: settings.sampleSize
		}
	);
	const rerouteLabels = labelClusters(
		rerouteTexts.map((r) => r.text),
		rerouteClusters.labels,
		rerouteClusters.similarity,
		rerouteClusters.centroids.length
	);
	const flows = new Map<
		string,
		{ from: string; to: string; conversations: Set<string>; topics: Map<number, { n: number; example: string }> }
	>();
	reroutes.forEach((r) => {
		const key = `${r.from_queue}\u0000${r.to_queue}`;
		if (!flows.has(key)) flows.set(key, { from: r.from_queue, to: r.to_queue, conversations: new Set(), topics: new Map() });
		flows.get(key)!.conversations.add(convKey(r.source, r.conversation_id));
	});
	rerouteTexts.forEach((r, i) => {
		const flow = flows.get(`${r.from_queue}\u0000${r.to_queue}`)!;
		const c = rerouteClusters.labels[i];
		const t = flow.topics.get(c) ?? { n: 0, example: r.text };
		t.n++;
		flow.topics.set(c, t);
	});

	say(`storing ${k} gaps, ${questions.length.toLocaleString('en')} questions and ${flows.size} reroute flows…`);
	const summary = await db.transaction(async (tx) => {
		const previous = await previousGaps(tx, embedder.model);
		const matched = matchGaps(
			previous,
			summaries.map((s, c) => ({ members: s.members.map((i) => eventKey(questions[i])), centroid: clustering.centroids[c] }))
		);
		const runId = Number((await tx.one<{ id: number }>(`SELECT nextval('gap_run_ids') AS id`))!.id);
		const ids: number[] = [];
		for (const m of matched) ids.push(m ?? Number((await tx.one<{ id: number }>(`SELECT nextval('gap_ids') AS id`))!.id));
		const positions = projectPca(clustering.centroids);

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
			questions.map((q: Question, i) => ({
				run_id: runId,
				source: q.source,
				conversation_id: q.conversation_id,
				event_id: q.event_id,
				text: q.text,
				asked_at: q.asked_at.toISOString().replace('T', ' ').replace('Z', ''),
				week: q.week,
				channel: q.channel,
				language: q.language,
				reasons: q.reasons,
				gap_id: clustering.labels[i] >= 0 ? ids[clustering.labels[i]] : null,
				similarity: Math.round(clustering.similarity[i] * 1e4) / 1e4
			}))
		);
		await tx.run('UPDATE gaps SET active = false, size = 0, conversations = 0, share = 0, impact = 0');
		const keep = new Set(matched.filter((m): m is number => m !== null));
		for (let c = 0; c < k; c++) {
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
				(cov.nearest_article_id && groupOf.get(cov.nearest_article_id)) || null,
				s.reopen_rate,
				s.escalation_rate,
				s.low_csat_rate,
				s.impact,
				blobValue(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)),
				embedder.model,
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
		await tx.run('DELETE FROM reroute_flows');
		await insertRows(
			tx,
			'reroute_flows',
			[{ name: 'run_id' }, { name: 'from_queue' }, { name: 'to_queue' }, { name: 'conversations' }, { name: 'topics' }],
			[...flows.values()]
				.sort((a, b) => b.conversations.size - a.conversations.size || (a.from + a.to < b.from + b.to ? -1 : 1))
				.map((f) => [
					runId,
					f.from,
					f.to,
					f.conversations.size,
					JSON.stringify(
						[...f.topics.entries()]
							.sort((a, b) => b[1].n - a[1].n || a[0] - b[0])
							.slice(0, 5)
							.map(([c, t]) => ({
								label: c >= 0 ? rerouteLabels[c].title : 'other',
								terms: c >= 0 ? rerouteLabels[c].terms : [],
								conversations: t.n,
								example: t.example
							}))
					)
				])
		);
		const counts = { missing: 0, weak: 0, covered: 0 };
		for (const c of coverage) counts[c.coverage]++;
		await tx.run(
			`INSERT INTO gap_runs (id, started_at, finished_at, embedder, model, message, questions, clusters, outliers, embedded, settings)
			VALUES (?, ?::TIMESTAMP, now()::TIMESTAMP, ?, ?, ?, ?, ?, ?, ?, ?)`,
			[
				runId,
				startedAt.toISOString().replace('T', ' ').replace('Z', ''),
				embedder.kind,
				embedder.model,
				selection.message,
				questions.length,
				k,
				outliers,
				embedded,
				JSON.stringify({ ...settings, assignSimilarity, articleSimilarity })
			]
		);
		return {
			run_id: runId,
			embedder: embedder.kind,
			model: embedder.model,
			message: selection.message,
			fallback_reason: selection.fallbackReason ?? null,
			questions: questions.length,
			clusters: k,
			outliers,
			embedded,
			coverage: counts,
			reroute_flows: flows.size
		};
	});
	return summary;
}
