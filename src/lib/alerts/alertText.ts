// How an alert reads in words (browser-safe): its scope, its change, and the breakdowns folded
// under it. The alert list, the digest and `cli alerts` all word alerts this way.
import type { KpiAlert } from './types';

/** "overall", or e.g. "channel chat". */
export function alertScopeName(a: Pick<KpiAlert, 'scope'>): string {
	return a.scope.dimension === 'all' ? 'overall' : `${a.scope.dimension} ${a.scope.value}`;
}

/** Rate points for rates, percent of the baseline otherwise: "+4.2 pp", "−35%". */
export function alertChange(a: Pick<KpiAlert, 'kind' | 'change' | 'relativeChange'>): string {
	if (a.kind === 'rate') return `${a.change >= 0 ? '+' : '−'}${Math.abs(a.change * 100).toFixed(1)} pp`;
	return a.relativeChange === null ? 'new' : `${a.change >= 0 ? '+' : '−'}${Math.abs(a.relativeChange * 100).toFixed(0)}%`;
}

/** "also in channel chat −11.9 pp, language en −9.0 pp", or '' when nothing is folded under it. */
export function foldedText(a: Pick<KpiAlert, 'folded'>): string {
	return a.folded?.length ? `also in ${a.folded.map((b) => `${alertScopeName(b)} ${alertChange(b)}`).join(', ')}` : '';
}
