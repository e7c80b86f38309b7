// Review table: AI drafts agents rejected, and drafts they edited heavily, with the edit
// magnitude (Levenshtein distance / longer text's length, the KPI's own function: docs/kpis.md).
import { editMagnitude } from '../kpi';
import type { WarehouseConnection } from '../warehouse';
import type { IsoWeek } from './isoWeek';
import {
	limitOf,
	WEEK_CTE,
	WEEK_EVENTS_CTE,
	weekEventParams,
	type ReviewRow,
	type ReviewTable,
	type ReviewTableResult
} from './reviewTable';

/** An edited draft counts as heavily edited from this magnitude on (a third of the text changed). */
export const HEAVY_EDIT_MAGNITUDE = 0.3;
const EXCERPT_CHARS = 160;

export interface FlaggedDraftRow extends ReviewRow {
	event_id: string;
	at: Date;
	channel: string;
	agent_id: string | null;
	review: 'rejected' | 'edited';
	edit_magnitude: number | null;
	draft: string;
}

const excerpt = (text: string) => {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS - 1)}…` : flat;
};

/**
 * Only conversations that can hold a flagged draft are looked up in the week's review_events, from
 * conversation_facts: a rejected draft, or edited drafts whose magnitudes (the same measure,
 * stored per conversation as a sum of non-negative terms) add up to the threshold or more —
 * no single draft reaches it otherwise — or an edited draft the sum left out (no final_body).
 * The margin below the threshold covers rounding in the stored sum.
 */
const SQL = `
WITH ${WEEK_CTE}, ${WEEK_EVENTS_CTE},
c AS (
	SELECT source, id, channel FROM wk
	WHERE drafts_rejected > 0 OR edit_magnitude_sum >= ? OR drafts_edited > edit_magnitude_count
)
SELECT e.source, e.conversation_id AS id, e.id AS event_id, e.occurred_at AS at, c.channel, e.agent_id, e.review,
	coalesce(e.body, '') AS body, e.final_body
FROM wev e JOIN c ON e.source = c.source AND e.conversation_id = c.id
WHERE e.type = 'draft' AND e.review IN ('rejected', 'edited')`;
const SUM_MARGIN = 1e-9;

interface Raw {
	source: string;
	id: string;
	event_id: string;
	at: Date;
	channel: string;
	agent_id: string | null;
	review: 'rejected' | 'edited';
	body: string;
	final_body: string | null;
}

export const flaggedDrafts: ReviewTable<FlaggedDraftRow> = {
	key: 'drafts',
	eventRows: true,
	title: 'Rejected and heavily edited drafts',
	description: `AI drafts an agent threw away, and drafts where at least ${HEAVY_EDIT_MAGNITUDE * 100}% of the text was changed before sending.`,
	empty: 'No AI draft of this week was rejected or heavily edited.',
	columns: [
		{ key: 'at', label: 'Drafted', format: 'datetime' },
		{ key: 'channel', label: 'Channel' },
		{ key: 'agent_id', label: 'Agent' },
		{ key: 'review', label: 'Review' },
		{ key: 'edit_magnitude', label: 'Edit magnitude', format: 'ratio' },
		{ key: 'draft', label: 'Draft', format: 'text' }
	],
	async load(db: WarehouseConnection, week: IsoWeek, limit: number | null): Promise<ReviewTableResult<FlaggedDraftRow>> {
		const raw = await db.all<Raw>(SQL, [...weekEventParams(week), HEAVY_EDIT_MAGNITUDE - SUM_MARGIN]);
		const flagged: FlaggedDraftRow[] = [];
		for (const { body, final_body, ...r } of raw) {
			// The KPI engine's measure; an edited draft without final_body has none and is left out, as in the KPI.
			if (r.review === 'edited' && final_body === null) continue;
			const magnitude = r.review === 'edited' ? editMagnitude(body, final_body!) : null;
			if (magnitude !== null && magnitude < HEAVY_EDIT_MAGNITUDE) continue;
			flagged.push({ ...r, edit_magnitude: magnitude === null ? null : Math.round(magnitude * 1000) / 1000, draft: excerpt(body) });
		}
		// Rejected first, then the heaviest edits; ties in a stable order.
		flagged.sort(
			(a, b) =>
				(b.edit_magnitude ?? 2) - (a.edit_magnitude ?? 2) ||
				a.at.getTime() - b.at.getTime() ||
				a.source.localeCompare(b.source) ||
				a.id.localeCompare(b.id) ||
				a.event_id.localeCompare(b.event_id)
		);
		return { rows: flagged.slice(0, limitOf(limit)), total: flagged.length };
	}
};
