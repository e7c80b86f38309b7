// Sends the weekly digest on SUPPORTLENS_DIGEST_CRON (default Mondays 08:00) in
// SUPPORTLENS_TIMEZONE while the dashboard runs, and tries deliveries that failed again: when
// the server starts, on SUPPORTLENS_DIGEST_RETRY_CRON (default hourly) and before each weekly
// run. croner's `protect` skips a tick while the previous run is still going, and the delivery
// log makes a repeated tick send nothing new. Unreferenced, so the schedule never keeps a
// stopping server alive.
import { Cron } from 'croner';
import type { WarehouseConnection } from '../warehouse';
import { digestConfig, type DigestConfig } from './digestConfig';
import type { DeliveryOutcome } from './sendDigests';
import { digestTick, digestWeekAt, retryFailedDigests } from './runDigest';

let jobs: Cron[] = [];
let startup: Promise<void> | null = null;

type WithDb = <T>(fn: (db: WarehouseConnection) => Promise<T>) => Promise<T>;

/** Runs one scheduled job, saying what it delivered; never throws (a failed run is logged and the schedule goes on). */
async function run(what: string, withDb: WithDb, job: (db: WarehouseConnection) => Promise<DeliveryOutcome[]>): Promise<void> {
	try {
		const outcomes = await withDb(job);
		const sent = outcomes.filter((o) => o.status === 'sent').length;
		const failed = outcomes.filter((o) => o.status === 'failed').length;
		if (sent || failed) console.error(`supportlens: ${what}: ${sent} sent, ${failed} failed (see digest_deliveries)`);
	} catch (error) {
		console.error(`supportlens: ${what} could not run: ${error instanceof Error ? error.message : String(error)}`);
	}
}

/** Starts the schedule once; does nothing when neither SMTP nor a webhook is configured. */
export function startDigestSchedule(
	withDb: WithDb,
	config: DigestConfig = digestConfig(),
	/** The clock (tests pass a fixed one). */
	now: () => Date = () => new Date()
): Cron | null {
	if (jobs.length || (!config.smtpUrl && !config.webhookUrl)) return jobs[0] ?? null;
	const options = { timezone: config.timezone, protect: true, unref: true };
	const retry = () => run('digest retry', withDb, (db) => retryFailedDigests(db, config, digestWeekAt(now(), config.timezone)));
	const weekly = new Cron(config.cron, { ...options, name: 'supportlens-digest' }, () => {
		const at = now();
		return run(`digest ${digestWeekAt(at, config.timezone).week}`, withDb, (db) => digestTick(db, config, at));
	});
	jobs = [weekly, new Cron(config.retryCron, { ...options, name: 'supportlens-digest-retry' }, retry)];
	startup = retry();
	console.error(`supportlens: weekly digest scheduled "${config.cron}" (${config.timezone}), next ${weekly.nextRun()?.toISOString()}`);
	return weekly;
}

/** The retry the schedule started with (tests wait for it). */
export function digestStartup(): Promise<void> | null {
	return startup;
}

export function stopDigestSchedule(): void {
	for (const job of jobs) job.stop();
	jobs = [];
	startup = null;
}
