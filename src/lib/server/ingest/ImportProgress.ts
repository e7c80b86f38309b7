// Progress of one import, reported as it goes: the CLI draws a counter with rate and ETA on
// stderr, the dashboard a progress bar.
import type { ImportProgress } from '../../imports/types';

export type { ImportProgress };

/** "45,000 records · 12,345/s · 38% · ETA 12s" — rate over the whole run, ETA from bytes. */
export function describeProgress(p: ImportProgress): string {
	const seconds = p.elapsedMs / 1000;
	const rate = seconds > 0 ? Math.round(p.records / seconds) : 0;
	const head = `${p.records.toLocaleString('en')} records · ${rate.toLocaleString('en')}/s`;
	if (p.phase === 'loading') return `${head} · writing to the warehouse…`;
	if (p.phase === 'done') return `${head} · done in ${seconds.toFixed(1)}s`;
	const fraction = p.totalBytes > 0 ? Math.min(1, p.bytesRead / p.totalBytes) : 0;
	const eta = fraction > 0 ? (seconds / fraction) * (1 - fraction) : NaN;
	const etaText = Number.isFinite(eta) ? `ETA ${formatDuration(eta)}` : 'ETA …';
	return `${head} · ${Math.floor(fraction * 100)}% · ${etaText}`;
}

export function formatDuration(seconds: number): string {
	if (seconds < 60) return `${Math.ceil(seconds)}s`;
	const m = Math.floor(seconds / 60);
	return m < 60
		? `${m}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`
		: `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
