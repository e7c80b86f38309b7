// Fills conversation_facts.handoffs_qualified (KPI qualified_handoff_rate) from stored
// hand-off grades: the number of a conversation's hand-offs whose latest valid grade passes
// all five note elements. A grade counts only while its input hash still matches the
// hand-off as stored now, and a conversation stays NULL until each of its hand-offs has one.
// Registered in DERIVED_REFRESHERS after the KPI facts, so an import never silently drops it.
import type { WarehouseConnection } from '../warehouse/WarehouseConnection';
import { markRollupDirty } from '../kpi/markRollupDirty';
import { eventKey } from './storeGrades';
import { inputHash } from './inputHash';
import { loadGradingItems } from './loadGradingItems';
import { HANDOFF_ELEMENTS } from './rubric';

interface GradeRow {
	source: string;
	conversation_id: string;
	event_id: string;
	input_hash: string;
	criteria: string;
}

/** A hand-off as it is stored now, with the hash of its grading input. */
export interface CurrentHandoff {
	source: string;
	conversation_id: string;
	event_id: string;
	input_hash: string;
}

/**
 * Recomputes the counts for the conversations in `affectedTable` (null: all). A grading run
 * that already holds the current hand-offs passes them as `current` (then only their
 * conversations are touched) instead of having them read again.
 */
export async function refreshHandoffsQualified(
	db: WarehouseConnection,
	affectedTable: string | null,
	current?: CurrentHandoff[]
): Promise<number> {
	if (current) return applyCounts(db, current, await loadQualifiedGrades(db, null), true);
	const grades = await loadQualifiedGrades(db, affectedTable);
	const handoffs: CurrentHandoff[] = [];
	if (grades.size > 0) {
		for await (const batch of loadGradingItems(db, { scopeTable: affectedTable ?? undefined })) {
			for (const item of batch)
				if (item.kind === 'handoff')
					handoffs.push({
						source: item.source,
						conversation_id: item.conversation_id,
						event_id: item.event_id,
						input_hash: inputHash(item)
					});
		}
	}
	const scope = affectedTable
		? `AND EXISTS (SELECT 1 FROM ${safeIdentifier(affectedTable)} a WHERE a.source = conversation_facts.source AND a.id = conversation_facts.id)`
		: '';
	await markRollupDirty(db, `handoffs_qualified IS NOT NULL ${scope}`);
	await db.run(`UPDATE conversation_facts SET handoffs_qualified = NULL WHERE handoffs_qualified IS NOT NULL ${scope}`);
	return applyCounts(db, handoffs, grades, false);
}

/** Latest error-free hand-off grade per (event, input hash), whichever grader made it: qualified or not. */
async function loadQualifiedGrades(db: WarehouseConnection, affectedTable: string | null): Promise<Map<string, boolean>> {
	const inScope = affectedTable
		? `AND EXISTS (SELECT 1 FROM ${safeIdentifier(affectedTable)} a WHERE a.source = grades.source AND a.id = grades.conversation_id)`
		: '';
	const rows = await db.all<GradeRow>(
		`SELECT source, conversation_id, event_id, input_hash, CAST(criteria AS VARCHAR) AS criteria FROM grades
		 WHERE kind = 'handoff' AND error IS NULL ${inScope}
		 QUALIFY row_number() OVER (PARTITION BY source, conversation_id, event_id, input_hash ORDER BY graded_at DESC, grader) = 1`
	);
	const grades = new Map<string, boolean>();
	for (const r of rows) {
		const criteria = JSON.parse(r.criteria) as Record<string, { verdict: string }>;
		grades.set(
			`${eventKey(r.source, r.conversation_id, r.event_id)}\u0000${r.input_hash}`,
			HANDOFF_ELEMENTS.every((e) => criteria[e]?.verdict === 'pass')
		);
	}
	return grades;
}

/** Counts per conversation (NULL while any of its hand-offs lacks a current grade) and writes them. */
async function applyCounts(
	db: WarehouseConnection,
	handoffs: CurrentHandoff[],
	grades: Map<string, boolean>,
	overwrite: boolean
): Promise<number> {
	const perConversation = new Map<string, { source: string; id: string; n: number | null }>();
	for (const h of handoffs) {
		const key = `${h.source}\u0000${h.conversation_id}`;
		let row = perConversation.get(key);
		if (!row) perConversation.set(key, (row = { source: h.source, id: h.conversation_id, n: 0 }));
		const qualified = grades.get(`${eventKey(h.source, h.conversation_id, h.event_id)}\u0000${h.input_hash}`);
		if (qualified === undefined) row.n = null;
		else if (row.n !== null && qualified) row.n++;
	}
	const rows = [...perConversation.values()].filter((r) => overwrite || r.n !== null);
	if (rows.length === 0) return 0;
	await db.run(
		`CREATE OR REPLACE TEMP TABLE grading_qualified AS SELECT unnest(from_json(?, '[{"source":"VARCHAR","id":"VARCHAR","n":"INTEGER"}]'), recursive := true)`,
		[JSON.stringify(rows)]
	);
	await markRollupDirty(
		db,
		'EXISTS (SELECT 1 FROM grading_qualified q WHERE q.source = conversation_facts.source AND q.id = conversation_facts.id)'
	);
	await db.run(`UPDATE conversation_facts SET handoffs_qualified = q.n FROM grading_qualified q
		WHERE conversation_facts.source = q.source AND conversation_facts.id = q.id`);
	await db.run('DROP TABLE IF EXISTS grading_qualified');
	return rows.filter((r) => r.n !== null).length;
}

function safeIdentifier(name: string): string {
	if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`bad affected table name ${name}`);
	return name;
}
