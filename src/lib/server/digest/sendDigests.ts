// Delivers one week's digest to its targets (email recipients over SMTP with nodemailer, and a
// Slack-compatible webhook): each target at most once per week (the delivery log), each failed
// attempt retried with exponential backoff up to maxAttempts, every attempt logged.
import crypto from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Role } from '../auth/roles';
import type { IsoWeek } from '../review';
import type { WarehouseConnection } from '../warehouse';
import type { DigestConfig } from './digestConfig';
import { claimDelivery, finishDelivery, logAttempt, type DeliveryChannel, type DeliveryKey } from './deliveryLog';
import { loadDigest, type DigestData } from './loadDigest';
import { digestSubject, renderDigestHtml, renderDigestSlack, renderDigestText } from './renderDigest';

export interface DigestTarget {
	channel: DeliveryChannel;
	/** The log's name for it: the email address, or "webhook <host> <hash>" (the URL may hold a secret). */
	recipient: string;
	/** The email address or webhook URL. */
	address: string;
	role: Role;
}

export interface DeliveryOutcome {
	channel: DeliveryChannel;
	recipient: string;
	role: Role;
	/** already_sent: the log says it went out; in_doubt: an earlier run died mid-send, so not resent. */
	status: 'sent' | 'failed' | 'already_sent' | 'in_doubt';
	attempts: number;
	error: string | null;
}

export interface SendOptions {
	/** Waits between retries (tests pass a quick one). */
	sleep?: (ms: number) => Promise<void>;
	log?: (line: string) => void;
}

export function webhookTarget(url: string, role: Role): DigestTarget {
	const hash = crypto.createHash('sha256').update(url).digest('hex').slice(0, 8);
	return { channel: 'webhook', recipient: `webhook ${new URL(url).host} ${hash}`, address: url, role };
}

const errorLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 500);

async function postWebhook(url: string, body: object): Promise<void> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(15_000)
	});
	if (!response.ok) throw new Error(`webhook answered HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
}

export async function sendDigests(
	db: WarehouseConnection,
	week: IsoWeek,
	targets: DigestTarget[],
	config: DigestConfig,
	options: SendOptions = {}
): Promise<DeliveryOutcome[]> {
	const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
	const log = options.log ?? ((line: string) => console.error(line));
	const mailer = targets.some((t) => t.channel === 'email') && config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
	const digests = new Map<Role, Promise<DigestData>>();
	const digestFor = (role: Role) => {
		if (!digests.has(role)) digests.set(role, loadDigest(db, week, role));
		return digests.get(role)!;
	};
	const outcomes: DeliveryOutcome[] = [];
	try {
		for (const target of targets) {
			const key: DeliveryKey = { week: week.week, channel: target.channel, recipient: target.recipient };
			const previous = await claimDelivery(db, key, target.role);
			if (previous) {
				const status = previous.status === 'sent' ? 'already_sent' : 'in_doubt';
				if (status === 'in_doubt')
					log(`digest ${week.week} to ${target.recipient}: an earlier run stopped while sending; not resent, to avoid a duplicate`);
				outcomes.push({
					channel: target.channel,
					recipient: target.recipient,
					role: target.role,
					status,
					attempts: previous.attempts,
					error: previous.last_error
				});
				continue;
			}
			const digest = await digestFor(target.role);
			const send = async () => {
				if (target.channel === 'webhook') return postWebhook(target.address, renderDigestSlack(digest, config.origin));
				if (!mailer) throw new Error('SUPPORTLENS_SMTP_URL is not set');
				await mailer.sendMail({
					from: config.from,
					to: target.address,
					subject: digestSubject(digest),
					html: renderDigestHtml(digest, config.origin),
					text: renderDigestText(digest, config.origin),
					// The same id for the same week and recipient lets mail systems drop a duplicate too.
					messageId: `<digest-${week.week}-${crypto.createHash('sha256').update(target.address).digest('hex').slice(0, 16)}@supportlens>`,
					headers: { 'X-SupportLens-Digest': `${week.week}; role=${target.role}` }
				});
			};
			let attempts = 0;
			let lastError: string | null = null;
			for (;;) {
				attempts++;
				try {
					await send();
					await logAttempt(db, key, null);
					await finishDelivery(db, key, 'sent');
					outcomes.push({ channel: target.channel, recipient: target.recipient, role: target.role, status: 'sent', attempts, error: null });
					break;
				} catch (error) {
					lastError = errorLine(error);
					await logAttempt(db, key, lastError);
					if (attempts >= config.maxAttempts) {
						await finishDelivery(db, key, 'failed');
						log(`digest ${week.week} to ${target.recipient} failed after ${attempts} attempt(s): ${lastError}`);
						outcomes.push({
							channel: target.channel,
							recipient: target.recipient,
							role: target.role,
							status: 'failed',
							attempts,
							error: lastError
						});
						break;
					}
					const wait = config.retryBaseMs * 2 ** (attempts - 1);
					log(
						`digest ${week.week} to ${target.recipient}: attempt ${attempts} failed (${lastError}); retrying in ${Math.round(wait / 1000)}s`
					);
					await sleep(wait);
				}
			}
		}
	} finally {
		mailer?.close();
	}
	return outcomes;
}
