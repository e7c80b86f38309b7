// Where a sync stream starts: after its last saved page when resuming, else where the last
// successful sync left it, else from --since (or the beginning of time on a first sync).
import type { SyncContext } from './VendorSync';
import type { SyncStream } from './SyncStaging';

export function streamStart<T>(ctx: SyncContext, stream: SyncStream, fromSince: (since: Date) => T): T {
	if (stream.cursor !== undefined) return stream.cursor as T;
	const previous = ctx.previous?.[stream.name];
	if (previous !== undefined) return previous as T;
	return fromSince(ctx.since ?? new Date(0));
}

/** Streams without a server cursor start next time a little before this sync began (clock skew, slow writes). */
export const OVERLAP_MS = 5 * 60_000;

export function nextSince(ctx: SyncContext): Date {
	return new Date(ctx.startedAt.getTime() - OVERLAP_MS);
}

export const unixSeconds = (d: Date) => Math.max(0, Math.floor(d.getTime() / 1000));
