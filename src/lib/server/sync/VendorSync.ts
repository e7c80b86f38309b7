// What a vendor's sync is: how it reads its configuration from the environment, and how it
// walks the vendor's API into staging streams. The runner (runSync) owns the rest: resuming,
// importing through the vendor's file adapter, storing the cursors.
import type { SyncHttp } from './SyncHttp';
import type { SyncSettings } from './syncSettings';
import type { SyncStream } from './SyncStaging';
import { SYNC_SOURCES, type SyncSource } from '../../imports/types';

export { SYNC_SOURCES, type SyncSource };

export interface SyncContext {
	http: SyncHttp;
	/** Where the last successful sync left each stream (undefined on a first sync or with --since). */
	previous: Record<string, unknown> | undefined;
	/** --since: fetch what changed from this time on, whatever was stored. */
	since: Date | undefined;
	/** When this sync began (kept across a resume): the next sync's "changed since" where the API has no cursor. */
	startedAt: Date;
	/** Opens a staging stream; `primary` streams hold records the warehouse stores. */
	stream(name: string, options?: { primary?: boolean }): SyncStream;
	/** How many requests may run at once for per-item fetches (audits, threads…). */
	concurrency: number;
	/** Counts fetched API objects; `expect` adds to the known total when the API tells one. */
	progress: { add(records: number): void; expect(total: number): void };
	/** Says something worth a line on stderr (e.g. a skipped stream). */
	note(message: string): void;
}

export interface VendorSync<Config = unknown> {
	source: SyncSource;
	/** The file adapter (import format) that reads what this sync stages. */
	format: string;
	/** The environment variables it needs, for messages and the README. */
	requiredEnv: string[];
	/** Reads and checks the configuration; throws SyncConfigError naming what is missing. */
	configFromEnv(env: NodeJS.ProcessEnv): Config;
	/** True when the environment names this source (the dashboard shows "Sync now" for it). */
	isConfigured(env: NodeJS.ProcessEnv): boolean;
	/** Builds the authenticated client for this configuration. */
	client(config: Config, options: { onWait: (ms: number, why: string) => void; settings: SyncSettings }): SyncHttp;
	/** Fetches everything changed into staging streams, resuming each from its saved cursor. */
	fetch(ctx: SyncContext, config: Config): Promise<void>;
}
