// One digest run: the week (by default the last complete ISO week), its targets (every
// recipient by email when SMTP is set up, plus the webhook), delivered and logged.
import { isoWeekOf, previousIsoWeek, type IsoWeek } from '../review';
import type { WarehouseConnection } from '../warehouse';
import type { DigestConfig } from './digestConfig';
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
