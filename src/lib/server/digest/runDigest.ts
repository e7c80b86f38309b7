// One digest run: the week (by default the last complete ISO week), its targets (every
// recipient by email when SMTP is set up, plus the webhook), delivered and logged; and the
// retry of deliveries an earlier run could not make (the SMTP server or webhook was down).
import { isoWeekOf, parseIsoWeek, previousIsoWeek, type IsoWeek } from '../review';
import type { WarehouseConnection } from '../warehouse';
import type { DigestConfig } from './digestConfig';
import { failedDeliveries } from './deliveryLog';
import { listRecipients } from './digestRecipients';
import { sendDigests, webhookTarget, type DeliveryOutcome, type DigestTarget, type SendOptions } from './sendDigests';

/**
 * The week a digest sent at `now` reports on: the last one that has ended by the calendar of
 * `timezone` (Monday 08:00 in Tokyo is still Sunday in UTC).
 */
export function digestWeekAt(now: Date, timezone = 'UTC'): IsoWeek {
	const localDay = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
	return previousIsoWeek(isoWeekOf(`${localDay}T12:00:00Z`));
}

export async function digestTargets(db: WarehouseConnection, config: DigestConfig): Promise<DigestTarget[]> {
	const targets: DigestTarget[] = [];
	if (config.smtpUrl)
		for (const r of await listRecipients(db)) targets.push({ channel: 'email', recipient: r.email, address: r.email, role: r.role });
	if (config.webhookUrl) targets.push(webhookTarget(config.webhookUrl, config.webhookRole));
	return targets;
}

export async function runWeeklyDigest(
	db: WarehouseConnection,
	config: DigestConfig,
	week: IsoWeek,
	options: SendOptions = {}
): Promise<DeliveryOutcome[]> {
	return sendDigests(db, week, await digestTargets(db, config), config, options);
}

/** A failed delivery is retried while its week is one of this many latest digest weeks; after that it is stale. */
export const RETRY_WEEKS = 4;

/**
 * Delivers again what earlier runs logged as failed, for the RETRY_WEEKS weeks that end with
 * `upTo` (usually the week due now): to the same recipient, with the digest its role gets now. The
 * delivery log claims each again, so a retry still happens at most once per week and
 * recipient. A failed delivery whose recipient is no longer listed (or whose webhook changed)
 * is left failed and said in the log.
 */
export async function retryFailedDigests(
	db: WarehouseConnection,
	config: DigestConfig,
	upTo: IsoWeek,
	options: SendOptions = {}
): Promise<DeliveryOutcome[]> {
	const log = options.log ?? ((line: string) => console.error(line));
	let oldest = upTo;
	for (let i = 1; i < RETRY_WEEKS; i++) oldest = previousIsoWeek(oldest);
	const failed = await failedDeliveries(db, oldest.week, upTo.week);
	if (!failed.length) return [];
	const targets = await digestTargets(db, config);
	const outcomes: DeliveryOutcome[] = [];
	for (const row of failed) {
		const target = targets.find((t) => t.channel === row.channel && t.recipient === row.recipient);
		if (!target) {
			log(`digest ${row.week} to ${row.recipient}: failed earlier and is no longer a digest target; not retried`);
			continue;
		}
		log(`digest ${row.week} to ${row.recipient}: retrying a delivery that failed earlier (${row.attempts} attempt(s): ${row.last_error})`);
		outcomes.push(...(await sendDigests(db, parseIsoWeek(row.week), [target], config, options)));
	}
	return outcomes;
}

/**
 * One scheduled run at `now`: first what earlier weeks failed to deliver, then the week due
 * (which also retries its own failed deliveries, by the delivery log).
 */
export async function digestTick(
	db: WarehouseConnection,
	config: DigestConfig,
	now: Date,
	options: SendOptions = {}
): Promise<DeliveryOutcome[]> {
	const week = digestWeekAt(now, config.timezone);
	const retried = await retryFailedDigests(db, config, previousIsoWeek(week), options);
	return [...retried, ...(await runWeeklyDigest(db, config, week, options))];
}
