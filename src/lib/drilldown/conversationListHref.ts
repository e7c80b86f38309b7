// The drill-down link format of the conversation list (browser-safe, no server imports):
//   /conversations?kpi=reopen_rate&cond=numerator&week=2026-W42&channel=chat&back=%2F
// Every chart, card and alert builds its links here; the server parses them with
// parseConversationFilter. README ("Drill-down links") documents each parameter.

/** The dimensions a link may filter by; several values of one are OR-ed. */
export const LINK_DIMENSIONS = ['channel', 'queue', 'language', 'intent', 'tier'] as const;
export type LinkDimension = (typeof LINK_DIMENSIONS)[number];
/** The value that stands for "unknown" (a breakdown's "(none)" group). */
export const NONE_VALUE = '(none)';

export interface ConversationListLink extends Partial<Record<LinkDimension, string | null | (string | null)[]>> {
	/** A KPI key of `kpis --json`, e.g. reopen_rate. */
	kpi?: string;
	/** numerator (default), denominator, or rest (in the denominator but not the numerator). */
	cond?: 'numerator' | 'denominator' | 'rest';
	/** An ISO week YYYY-Www or any day of it (YYYY-MM-DD). */
	week?: string | null;
	/** Inclusive UTC days, YYYY-MM-DD. */
	from?: string | null;
	to?: string | null;
	/** Conversations reassigned from this queue straight to movedTo (a reroute flow). */
	movedFrom?: string;
	movedTo?: string;
	/** Sort key, e.g. -created_at (newest first, the default) or resolution_s. */
	sort?: string;
	/** Where the list's "back" link returns to: a path on this site. */
	back?: string;
}

/** The list URL for a drill-down; parameters in a stable order, empty ones left out. */
export function conversationListHref(link: ConversationListLink, base = '/conversations'): string {
	const p = new URLSearchParams();
	if (link.kpi) {
		p.set('kpi', link.kpi);
		p.set('cond', link.cond ?? 'numerator');
	}
	if (link.week) p.set('week', link.week);
	if (link.from) p.set('from', link.from);
	if (link.to) p.set('to', link.to);
	for (const dim of LINK_DIMENSIONS) {
		const value = link[dim];
		if (value === undefined) continue;
		for (const v of Array.isArray(value) ? value : [value]) p.append(dim, v ?? NONE_VALUE);
	}
	if (link.movedFrom) p.set('moved_from', link.movedFrom);
	if (link.movedTo) p.set('moved_to', link.movedTo);
	if (link.sort) p.set('sort', link.sort);
	if (link.back) p.set('back', link.back);
	const query = p.toString();
	return query ? `${base}?${query}` : base;
}
