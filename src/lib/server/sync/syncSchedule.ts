// SUPPORTLENS_SYNC_EVERY: while the dashboard runs, sync every configured source on a fixed
// interval ("15m", "1h", "90s"; off when unset). A tick skips a source whose sync is still going.
import { SyncConfigError } from '../errors';
import type { SyncSource } from './VendorSync';
import { configuredSources } from './vendors';

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** Polling faster than this would only spend the vendors' rate limits. */
const MIN_INTERVAL_MS = 60_000;

/** "15m" → 900000; undefined or "" or "off" → null. */
export function parseSyncEvery(value: string | undefined): number | null {
	const v = value?.trim().toLowerCase();
	if (!v || v === 'off' || v === '0') return null;
	const m = /^(\d+)\s*([smhd])$/.exec(v);
	if (!m) throw new SyncConfigError(`SUPPORTLENS_SYNC_EVERY must be a duration like 15m, 1h or 1d, got "${value}"`);
	const ms = Number(m[1]) * UNITS[m[2]];
	if (ms < MIN_INTERVAL_MS) throw new SyncConfigError(`SUPPORTLENS_SYNC_EVERY must be at least 1m, got "${value}"`);
	return ms;
}

/** Starts the schedule; returns a stop function (or null when the schedule is off). */
export function startSyncSchedule(env: NodeJS.ProcessEnv, start: (source: SyncSource) => void): (() => void) | null {
	const every = parseSyncEvery(env.SUPPORTLENS_SYNC_EVERY);
	if (every === null) return null;
	const timer = setInterval(() => {
		for (const source of configuredSources(env)) start(source);
	}, every);
	timer.unref(); // never keeps a stopping server alive
	return () => clearInterval(timer);
}
