// One grading run: finds what isn't graded yet (the cache is the grades table, keyed by input
// hash, rubric version, grader and model), grades it with bounded concurrency, stores grades
// and error records as it goes, then refreshes conversation_facts.handoffs_qualified.
import type { Warehouse } from '../warehouse';
import type { Grader, UsageTally } from './Grader';
import type { Criteria } from './gradeSchema';
import { BudgetExceededError, GradingError, LlmConnectionError, LlmRequestRejectedError, LlmTimeoutError } from './gradingErrors';
import type { GradingItem } from './GradingItem';
import { inputHash } from './inputHash';
import { loadGradingItems } from './loadGradingItems';
import { refreshHandoffsQualified, type CurrentHandoff } from './refreshHandoffsQualified';
import { refreshKpiRollup } from '../kpi/refreshKpiRollup';
import { RUBRIC_VERSION, scoreCriteria, type GradeKind } from './rubric';
import { eventKey, loadGradeCache, storeGrades, type StoredGrade } from './storeGrades';

export interface GradingProgress {
	done: number;
	total: number;
	errors: number;
	startedAt: number;
}

export interface RunGradingOptions {
	since?: string;
	/** Grade at most this many not-yet-graded items. */
	limit?: number;
	concurrency?: number;
	onProgress?: (p: GradingProgress) => void;
	/** Grades are written in batches of this many. */
	storeEvery?: number;
}

export interface GradedItemOutput {
	conversation_id: string;
	event_id: string;
	kind: GradeKind;
	score: number | null;
	criteria: Criteria;
	error?: string;
}

export interface GradingRunResult {
	runId: number;
	graded: number;
	cached: number;
	errors: number;
	/** Items graded (or failed) in this run; cached ones are only counted. */
	items: GradedItemOutput[];
	stoppedByBudget: boolean;
	/** Left ungraded because of --limit or --budget. */
	remaining: number;
	tally: UsageTally | null;
	qualifiedConversations: number;
	/** Wall time of each phase: finding what to grade, grading (and storing), refreshing the KPI counts. */
	seconds: { load: number; grade: number; refresh: number };
}

export async function runGrading(warehouse: Warehouse, grader: Grader, options: RunGradingOptions = {}): Promise<GradingRunResult> {
	const db = warehouse.db;
	const cache = await loadGradeCache(db, grader.name, grader.model);
	const todo: { item: GradingItem; hash: string }[] = [];
	const handoffs: CurrentHandoff[] = [];
	let cached = 0;
	let phaseStart = performance.now();
	for await (const batch of loadGradingItems(db, { since: options.since })) {
		for (const item of batch) {
			const hash = inputHash(item);
			if (item.kind === 'handoff')
				handoffs.push({ source: item.source, conversation_id: item.conversation_id, event_id: item.event_id, input_hash: hash });
			const hit = cache.get(eventKey(item.source, item.conversation_id, item.event_id));
			if (hit && hit.input_hash === hash && hit.rubric_version === RUBRIC_VERSION && hit.error === null) cached++;
			else todo.push({ item, hash });
		}
	}
	const loadSeconds = (performance.now() - phaseStart) / 1000;
	phaseStart = performance.now();
	const limit = options.limit ?? Infinity;
	const queue = todo.slice(0, limit);
	const runId = (await db.one<{ id: number }>(`SELECT nextval('grading_run_ids') AS id`))!.id;
	await db.run(`INSERT INTO grading_runs (id, started_at, grader, model, rubric_version) VALUES (?, now()::TIMESTAMP, ?, ?, ?)`, [
		runId,
		grader.name,
		grader.model,
		RUBRIC_VERSION
	]);

	const items: GradedItemOutput[] = [];
	let buffer: StoredGrade[] = [];
	let writing: Promise<void> = Promise.resolve();
	const flush = () => {
		const rows = buffer;
		buffer = [];
		writing = writing.then(() => storeGrades(db, rows, runId));
		return writing;
	};
	const storeEvery = options.storeEvery ?? 200;
	const progress: GradingProgress = { done: 0, total: queue.length, errors: 0, startedAt: Date.now() };
	let stoppedByBudget = false;
	let fatal: unknown;
	let next = 0;

	const record = (item: GradingItem, hash: string, criteria: Criteria, error: string | null, tokens?: { p?: number; c?: number }) => {
		const score = error ? null : scoreCriteria(criteria);
		buffer.push({
			source: item.source,
			conversation_id: item.conversation_id,
			event_id: item.event_id,
			kind: item.kind,
			grader: grader.name,
			model: grader.model,
			rubric_version: RUBRIC_VERSION,
			input_hash: hash,
			score,
			criteria,
			error,
			graded_at: new Date().toISOString(),
			event_at: item.at,
			prompt_tokens: tokens?.p ?? null,
			completion_tokens: tokens?.c ?? null
		});
		const out: GradedItemOutput = { conversation_id: item.conversation_id, event_id: item.event_id, kind: item.kind, score, criteria };
		if (error) out.error = error;
		items.push(out);
		progress.done++;
		if (error) progress.errors++;
		options.onProgress?.(progress);
		if (buffer.length >= storeEvery) void flush();
	};

	const worker = async () => {
		while (!stoppedByBudget && fatal === undefined && next < queue.length) {
			const { item, hash } = queue[next++];
			try {
				const answer = await grader.grade(item);
				record(item, hash, answer.criteria, null, { p: answer.promptTokens, c: answer.completionTokens });
			} catch (error) {
				if (error instanceof BudgetExceededError) {
					stoppedByBudget = true;
					next--; // this item was not graded
				} else if (isFatal(error)) {
					fatal ??= error;
				} else if (error instanceof GradingError) {
					// Malformed answers, timeouts, exhausted retries: an error record, never a pass.
					record(item, hash, {}, error.message);
				} else {
					fatal ??= error;
				}
			}
		}
	};
	const concurrency = Math.max(1, options.concurrency ?? 1);
	try {
		await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, queue.length)) }, worker));
	} finally {
		await flush();
		const tally = grader.tally?.() ?? null;
		await db.run(
			`UPDATE grading_runs SET finished_at = now()::TIMESTAMP, graded = ?, cached = ?, errors = ?, prompt_tokens = ?, completion_tokens = ?, cost_usd = ?, stopped_by_budget = ? WHERE id = ?`,
			[
				progress.done - progress.errors,
				cached,
				progress.errors,
				tally?.promptTokens ?? 0,
				tally?.completionTokens ?? 0,
				tally?.costUsd ?? 0,
				stoppedByBudget,
				runId
			]
		);
	}
	const gradeSeconds = (performance.now() - phaseStart) / 1000;
	phaseStart = performance.now();
	const qualifiedConversations = await db.transaction(async (tx) => {
		const n = await refreshHandoffsQualified(tx, null, handoffs);
		await refreshKpiRollup(tx);
		return n;
	});
	const refreshSeconds = (performance.now() - phaseStart) / 1000;
	if (fatal !== undefined) throw fatal;
	return {
		runId,
		graded: progress.done - progress.errors,
		cached,
		errors: progress.errors,
		items,
		stoppedByBudget,
		remaining: todo.length - progress.done,
		tally: grader.tally?.() ?? null,
		qualifiedConversations,
		seconds: { load: loadSeconds, grade: gradeSeconds, refresh: refreshSeconds }
	};
}

/** Errors that would fail every item alike: stop the run and say what to fix. */
function isFatal(error: unknown): boolean {
	if (error instanceof LlmTimeoutError) return false;
	return error instanceof LlmConnectionError || error instanceof LlmRequestRejectedError;
}
