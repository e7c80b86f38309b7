// What the gap pages read: filter choices, the latest run, one gap with its full weekly trend
// (zero weeks included) and before/after volume, and the reroute flows.
import type { WarehouseConnection } from '../warehouse';
import { gapVolumeAroundResolution, type VolumeAroundResolution } from './gapVolumeAroundResolution';
import { getGap, type GapListItem } from './listGaps';

export interface GapRunInfo {
	id: number;
	finished_at: string;
	message: string;
	questions: number;
	clusters: number;
	outliers: number;
}

export async function latestGapRun(db: WarehouseConnection): Promise<GapRunInfo | null> {
	const row = await db.one<GapRunInfo>(
		`SELECT id, strftime(finished_at, '%Y-%m-%d %H:%M UTC') AS finished_at, message, questions, clusters, outliers
		FROM gap_runs ORDER BY id DESC LIMIT 1`
	);
	return row ?? null;
}

export async function gapFilterOptions(db: WarehouseConnection): Promise<{ channels: string[]; languages: string[]; weeks: string[] }> {
	const values = async (column: 'channel' | 'language' | 'week') =>
		(
			await db.all<{ v: string }>(
				`SELECT DISTINCT CAST(${column} AS VARCHAR) AS v FROM gap_questions WHERE ${column} IS NOT NULL ORDER BY v`
			)
		).map((r) => r.v);
	return { channels: await values('channel'), languages: await values('language'), weeks: (await values('week')).reverse() };
}

export interface GapDetail extends GapListItem {
	/** Every week of the mined data, zeros included. */
	trend: { week: string; questions: number }[];
	resolution: VolumeAroundResolution | null;
	/** Active gaps whose nearest article is a translation of this one's: the same topic in other languages. */
	translations: { id: number; title: string; languages: Record<string, number> }[];
}

export async function getGapDetail(db: WarehouseConnection, id: number): Promise<GapDetail | undefined> {
	const gap = await getGap(db, id);
	if (!gap) return undefined;
	const weeks = await db.all<{ week: string }>(
		`SELECT strftime(w, '%Y-%m-%d') AS week FROM (
			SELECT unnest(generate_series(min(week)::TIMESTAMP, max(week)::TIMESTAMP, INTERVAL 7 DAY)) AS w FROM gap_questions
		) WHERE w IS NOT NULL ORDER BY week`
	);
	const counts = new Map(gap.weekly.map((w) => [w.week, w.questions]));
	const trend = weeks.map((w) => ({ week: w.week, questions: counts.get(w.week) ?? 0 }));
	const resolution = gap.status === 'resolved' && gap.resolved_at ? gapVolumeAroundResolution(trend, gap.resolved_at) : null;
	const translations = gap.translation_group
		? (
				await db.all<{ id: number; title: string; languages: string }>(
					'SELECT id, title, languages FROM gaps WHERE active AND translation_group = ? AND id <> ? ORDER BY impact DESC, id',
					[gap.translation_group, id]
				)
			).map((t) => ({ id: Number(t.id), title: t.title, languages: JSON.parse(t.languages) as Record<string, number> }))
		: [];
	return { ...gap, trend, resolution, translations };
}

export interface RerouteFlow {
	from_queue: string;
	to_queue: string;
	conversations: number;
	topics: { label: string; terms: string[]; conversations: number; example: string }[];
}

export async function rerouteFlows(db: WarehouseConnection): Promise<RerouteFlow[]> {
	const rows = await db.all<{ from_queue: string; to_queue: string; conversations: number; topics: string }>(
		'SELECT from_queue, to_queue, conversations, topics FROM reroute_flows ORDER BY conversations DESC, from_queue, to_queue'
	);
	return rows.map((r) => ({ ...r, topics: JSON.parse(r.topics) }));
}
