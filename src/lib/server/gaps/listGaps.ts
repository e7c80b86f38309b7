// Reads the gap list for the CLI and the dashboard: active gaps by impact, with filters.
import type { WarehouseConnection } from '../warehouse';

export const GAP_STATUSES = ['new', 'triaged', 'in_progress', 'resolved', 'dismissed'] as const;
export type GapStatus = (typeof GAP_STATUSES)[number];
export const COVERAGES = ['missing', 'weak', 'covered'] as const;

export interface GapFilters {
	coverage?: string;
	status?: string;
	channel?: string;
	language?: string;
	/** ISO week start (YYYY-MM-DD): only gaps with questions that week. */
	week?: string;
}

export interface GapListItem {
	id: number;
	/** Found by the latest mining run. */
	active: boolean;
	title: string;
	terms: string[];
	coverage: 'missing' | 'weak' | 'covered';
	status: GapStatus;
	owner: string | null;
	note: string | null;
	size: number;
	conversations: number;
	share: number;
	impact: number;
	weekly: { week: string; questions: number }[];
	channels: Record<string, number>;
	languages: Record<string, number>;
	reasons: Record<string, number>;
	examples: { source: string; conversation_id: string; event_id: string; text: string; similarity: number }[];
	nearest_article_id: string | null;
	nearest_article_title: string | null;
	article_similarity: number | null;
	ai_answered_share: number | null;
	/** Why this coverage verdict, in one line. */
	coverage_reason: string | null;
	answered_citing: number | null;
	/** The nearest article's translation group: gaps sharing one are the same topic in other languages. */
	translation_group: string | null;
	reopen_rate: number;
	escalation_rate: number;
	low_csat_rate: number;
	x: number | null;
	y: number | null;
	status_changed_at: string | null;
	resolved_at: string | null;
}

type Raw = Omit<GapListItem, 'weekly' | 'channels' | 'languages' | 'reasons' | 'examples'> &
	Record<'weekly' | 'channels' | 'languages' | 'reasons' | 'examples', string>;

const COLUMNS = `id, active, title, terms, coverage, status, owner, note, size, conversations, share, impact, weekly, channels, languages, reasons,
	examples, nearest_article_id, nearest_article_title, article_similarity, ai_answered_share, coverage_reason, answered_citing, translation_group, reopen_rate, escalation_rate,
	low_csat_rate, x, y, strftime(status_changed_at, '%Y-%m-%dT%H:%M:%SZ') AS status_changed_at, strftime(resolved_at, '%Y-%m-%dT%H:%M:%SZ') AS resolved_at`;

function parse(r: Raw): GapListItem {
	return {
		...r,
		weekly: JSON.parse(r.weekly),
		channels: JSON.parse(r.channels),
		languages: JSON.parse(r.languages),
		reasons: JSON.parse(r.reasons),
		examples: JSON.parse(r.examples)
	};
}

export async function listGaps(db: WarehouseConnection, filters: GapFilters = {}): Promise<GapListItem[]> {
	// Gaps the latest run no longer finds stay listed once someone worked on them: a resolved
	// gap whose questions stopped is the proof the fix worked.
	const where = ["(active OR status <> 'new')"];
	const params: string[] = [];
	if (filters.coverage) {
		where.push('coverage = ?');
		params.push(filters.coverage);
	}
	if (filters.status) {
		where.push('status = ?');
		params.push(filters.status);
	}
	// Channel, language and week filter through the questions of the latest run.
	const q: string[] = [];
	if (filters.channel) {
		q.push('channel = ?');
		params.push(filters.channel);
	}
	if (filters.language) {
		q.push('language = ?');
		params.push(filters.language);
	}
	if (filters.week) {
		q.push(`week = ?::DATE`);
		params.push(filters.week);
	}
	if (q.length) where.push(`id IN (SELECT gap_id FROM gap_questions WHERE gap_id IS NOT NULL AND ${q.join(' AND ')})`);
	// Gaps whose nearest articles translate one another (the same topic asked in several
	// languages) are listed together, at the place of the most impactful of them.
	const topic = `coalesce(translation_group, 'gap:' || id)`;
	const rows = await db.all<Raw>(
		`SELECT ${COLUMNS} FROM gaps WHERE ${where.join(' AND ')} ORDER BY max(impact) OVER (PARTITION BY ${topic}) DESC, ${topic}, impact DESC, id`,
		params
	);
	return rows.map(parse);
}

export async function getGap(db: WarehouseConnection, id: number): Promise<GapListItem | undefined> {
	const row = await db.one<Raw>(`SELECT ${COLUMNS} FROM gaps WHERE id = ?`, [id]);
	return row && parse(row);
}
