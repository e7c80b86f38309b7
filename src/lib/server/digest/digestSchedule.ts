// Sends the weekly digest on SUPPORTLENS_DIGEST_CRON (default Mondays 08:00) in
// SUPPORTLENS_TIMEZONE while the dashboard runs. croner's `protect` skips a tick while the
// previous run is still going, and the delivery log makes a repeated tick send nothing new.
// Unreferenced, so the schedule never keeps a stopping server alive.
import { Cron } from 'croner';
import type { WarehouseConnection } from '../warehouse';
import { digestConfig, type DigestConfig } from './digestConfig';
import { digestWeekAt, runWeeklyDigest } from './runDigest';

let job: Cron | null = null;

/** Starts the schedule once; does nothing when neither SMTP nor a webhook is configured. */
export function startDigestSchedule(
	withDb: <T>(fn: (db: WarehouseConnection) => Promise<T>) => Promise<T>,
	config: DigestConfig = digestConfig()
): Cron | null {
	if (job || (!config.smtpUrl && !config.webhookUrl)) return job;
	job = new Cron(config.cron, { timezone: config.timezone, protect: true, unref: true, name: 'supportlens-digest' }, async () => {
		const week = digestWeekAt(new Date(), config.timezone);
		try {
			const outcomes = await withDb((db) => runWeeklyDigest(db, config, week));
			const sent = outcomes.filter((o) => o.status === 'sent').length;
			const failed = outcomes.filter((o) => o.status === 'failed').length;
			if (sent || failed) console.error(`supportlens: digest ${week.week}: ${sent} sent, ${failed} failed (see digest_deliveries)`);
		} catch (error) {
			console.error(`supportlens: digest ${week.week} could not run: ${error instanceof Error ? error.message : String(error)}`);
		}
	});
	console.error(`supportlens: weekly digest scheduled "${config.cron}" (${config.timezone}), next ${job.nextRun()?.toISOString()}`);
	return job;
}

export function stopDigestSchedule(): void {
	job?.stop();
	job = null;
}
