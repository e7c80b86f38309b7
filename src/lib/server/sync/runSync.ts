// Runs one vendor sync end to end: reads where the last one left off (sync_state), fetches
// what changed into the staging folder (resuming an interrupted fetch), imports the staged
// API responses through the vendor's own file adapter — the same pipeline and transaction as
// a file import — and stores the new cursors inside that transaction. Until that commit the
// warehouse is unchanged and the staging folder is kept, so a killed sync loses nothing.
import { SyncConfigError, UsageError } from '../errors';
import { FORMATS, importFiles, type ImportSummary } from '../ingest';
import type { Warehouse } from '../warehouse';
import { syncSettings } from './syncSettings';
import type { SyncProgress } from './SyncProgress';
import { SyncStaging } from './SyncStaging';
import { readSyncState, writeSyncState } from './syncState';
import { SYNC_SOURCES, type SyncContext, type SyncSource } from './VendorSync';
import { vendorSync } from './vendors';

export interface SyncOptions {
	/** Fetch what changed since this time, ignoring the stored cursors (and any interrupted sync). */
	since?: Date;
	env?: NodeJS.ProcessEnv;
	onProgress?: (progress: SyncProgress) => void;
	/** Said along the way (skipped streams, resumes). */
	onNote?: (message: string) => void;
	/** Defaults to `<warehouse>.sync`. */
	stagingRoot?: string;
	aiAuthors?: string[];
}

export interface SyncResult {
	source: SyncSource;
	resumed: boolean;
	fetched: number;
	/** Null when nothing changed: no import run was made. */
	summary: ImportSummary | null;
	/** When the previous successful sync finished (null on a first sync). */
	previousSync: Date | null;
}

function changedAnything(s: ImportSummary): boolean {
	return s.loaded + s.updated + s.kb_loaded + s.kb_updated + (s.ratings_applied ?? 0) + s.quarantined > 0;
}

export function parseSyncSource(name: string | undefined): SyncSource {
	if (!name || !(SYNC_SOURCES as readonly string[]).includes(name)) {
		throw new UsageError(`name a source to sync: ${SYNC_SOURCES.join(', ')}${name ? ` (not "${name}")` : ''}`);
	}
	return name as SyncSource;
}

/** Checks the source's configuration without touching the warehouse (commands call it first). */
export function checkSyncConfig(source: SyncSource, env: NodeJS.ProcessEnv = process.env): void {
	syncSettings(env);
	vendorSync(source).configFromEnv(env);
}

export async function runSync(warehouse: Warehouse, source: SyncSource, options: SyncOptions = {}): Promise<SyncResult> {
	const env = options.env ?? process.env;
	const vendor = vendorSync(source);
	if (!(FORMATS as readonly string[]).includes(vendor.format)) {
		throw new SyncConfigError(`this build has no ${vendor.format} file adapter to import what a ${source} sync fetches`);
	}
	const config = vendor.configFromEnv(env);
	const settings = syncSettings(env);
	const stored = await readSyncState(warehouse.db, source);
	const staging = SyncStaging.open(
		options.stagingRoot ?? SyncStaging.rootFor(warehouse.path),
		source,
		options.since,
		options.since !== undefined
	);
	if (staging.resumed && !staging.empty)
		options.onNote?.(`${source}: resuming the sync interrupted at ${staging.records.toLocaleString('en')} records fetched`);

	const started = performance.now();
	const progress: SyncProgress = {
		source,
		phase: 'fetching',
		fetched: staging.records,
		expected: 0,
		elapsedMs: 0,
		waiting: null,
		import: null
	};
	let waitingUntil = 0;
	const report = () => {
		progress.elapsedMs = performance.now() - started;
		if (progress.waiting && Date.now() > waitingUntil) progress.waiting = null;
		options.onProgress?.({ ...progress });
	};
	const http = vendor.client(config, {
		settings,
		onWait: (ms, why) => {
			waitingUntil = Date.now() + ms;
			progress.waiting = `waiting ${Math.ceil(ms / 1000)}s (${why})`;
			report();
		}
	});

	if (!staging.complete) {
		const since = staging.since;
		const ctx: SyncContext = {
			http,
			previous: since ? undefined : stored?.cursor,
			since,
			startedAt: staging.startedAt,
			stream: (name, o) => staging.stream(name, { primary: o?.primary ?? true }),
			concurrency: settings.concurrency,
			progress: {
				add(n) {
					progress.fetched += n;
					report();
				},
				expect(n) {
					progress.expected += n;
				}
			},
			note: (message) => options.onNote?.(`${source}: ${message}`)
		};
		try {
			await vendor.fetch(ctx, config);
		} catch (error) {
			// Kept for the next run to resume from, unless nothing was fetched at all.
			if (staging.empty) staging.remove();
			throw error;
		}
		staging.markComplete();
	}

	const next = staging.nextCursors();
	let summary: ImportSummary | null = null;
	if (staging.hasRecords) {
		progress.phase = 'importing';
		progress.waiting = null;
		const files = staging.files();
		summary = await importFiles(
			warehouse,
			files.map((f) => f.file),
			{
				format: vendor.format as (typeof FORMATS)[number],
				origin: 'sync',
				aiAuthors: options.aiAuthors?.length ? options.aiAuthors : settings.aiAuthors,
				displayNames: Object.fromEntries(files.map((f) => [f.file, `${source} API: ${f.stream}`])),
				onProgress: (p) => {
					progress.import = p;
					report();
				},
				afterMerge: (tx, runId) => writeSyncState(tx, source, next, runId),
				recordEmptyRun: false
			}
		);
		if (!changedAnything(summary)) summary = null;
	} else {
		await writeSyncState(warehouse.db, source, next, null);
	}
	staging.remove();
	progress.phase = 'done';
	report();
	return { source, resumed: staging.resumed, fetched: progress.fetched, summary, previousSync: stored?.synced_at ?? null };
}
