// Progress of one sync: while fetching, the API objects fetched, their rate and, when the
// vendor tells a total, an ETA; then the import pipeline's own progress.
import { describeProgress, formatDuration, type ImportProgress } from '../ingest/ImportProgress';

export interface SyncProgress {
	source: string;
	phase: 'fetching' | 'importing' | 'done';
	/** API objects fetched (tickets, conversations, audits pages' items…), including before a resume. */
	fetched: number;
	/** Objects the vendor said there are to fetch, when it says (0: unknown). */
	expected: number;
	elapsedMs: number;
	/** Set while waiting out a rate limit or a retry. */
	waiting: string | null;
	import: ImportProgress | null;
}

export function describeSyncProgress(p: SyncProgress): string {
	if (p.phase !== 'fetching' && p.import) return `${p.source}: importing ${describeProgress(p.import)}`;
	const seconds = p.elapsedMs / 1000;
	const rate = seconds > 0 ? p.fetched / seconds : 0;
	let text = `${p.source}: ${p.fetched.toLocaleString('en')} fetched · ${Math.round(rate).toLocaleString('en')}/s`;
	if (p.expected > 0 && rate > 0) {
		const left = Math.max(0, p.expected - p.fetched);
		text += ` · ${Math.min(100, Math.floor((p.fetched / p.expected) * 100))}% · ETA ${formatDuration(left / rate)}`;
	} else text += ' · ETA …';
	return p.waiting ? `${text} · ${p.waiting}` : text;
}
