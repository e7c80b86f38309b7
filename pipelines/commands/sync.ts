// `sync`: pulls what changed from a help desk's API into the warehouse, through the vendor's
// file adapter and the regular import; progress (records, rate, ETA, rate-limit waits) on stderr.
import { UsageError } from '../../src/lib/server/errors';
import { IMPORT_DUCKDB_MEMORY_LIMIT } from '../../src/lib/server/ingest';
import {
	checkSyncConfig,
	describeSyncProgress,
	parseSyncSource,
	runSync,
	SYNC_SOURCES,
	type SyncProgress
} from '../../src/lib/server/sync';
import { resolveDbPath, withWarehouse } from '../../src/lib/server/warehouse';
import { parseFlags, type Command } from '../command';
import { progressReporter } from '../progressReporter';
import { formatSummary } from './ingest';

const usage = `sync ${SYNC_SOURCES.join('|')} [--db PATH] [--since YYYY-MM-DD] [--ai-author ID_OR_EMAIL …] [--json]`;

function parseSince(value: string | undefined): Date | undefined {
	if (value === undefined) return undefined;
	const date = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(value)
		? new Date(value.length === 10 ? `${value}T00:00:00Z` : value)
		: new Date(NaN);
	if (Number.isNaN(date.getTime())) throw new UsageError(`--since must be a date like 2026-01-31 (UTC), got "${value}"`);
	return date;
}

export const syncCommand: Command = {
	name: 'sync',
	summary: "pull what changed from a help desk's API (credentials from the environment) into the warehouse",
	usage,
	async run(argv) {
		const { values, positionals } = parseFlags(
			argv,
			{ db: { type: 'string' }, since: { type: 'string' }, json: { type: 'boolean' }, 'ai-author': { type: 'string', multiple: true } },
			usage
		);
		if (positionals.length > 1) throw new UsageError(`sync one source at a time\nusage: ${usage}`);
		const source = parseSyncSource(positionals[0]);
		const since = parseSince(values.since);
		checkSyncConfig(source);
		let latest: SyncProgress | undefined;
		let lastWait: string | null = null;
		const progress = progressReporter(() => (latest ? describeSyncProgress(latest) : `${source}: starting…`));
		const result = await withWarehouse(
			resolveDbPath(values.db),
			(warehouse) =>
				runSync(warehouse, source, {
					since,
					aiAuthors: values['ai-author'] ?? [],
					onNote: (message) => process.stderr.write(`${message}\n`),
					onProgress: (p) => {
						latest = p;
						// A new wait (rate limit, retry) is said at once; the rest at the reporter's pace.
						if (p.phase !== 'done') progress.update(!!p.waiting && p.waiting !== lastWait);
						lastWait = p.waiting;
					}
				}),
			{ memoryLimit: process.env.SUPPORTLENS_DUCKDB_MEMORY ?? IMPORT_DUCKDB_MEMORY_LIMIT }
		);
		if (latest) progress.done();
		if (values.json) console.log(JSON.stringify(result));
		else if (result.summary)
			console.log(`${source}: ${result.fetched.toLocaleString('en')} records fetched\n${formatSummary(result.summary)}`);
		else
			console.log(
				`${source}: nothing changed${result.previousSync ? ` since ${result.previousSync.toISOString()}` : ''}; nothing imported`
			);
		return 0;
	}
};
