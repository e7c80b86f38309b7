// The digest's settings from the environment: where it goes (SMTP, webhook), when (cron and
// time zone), the dashboard's address for links (ORIGIN) and how failed deliveries retry.
import { Cron } from 'croner';
import { UsageError } from '../errors';

export interface DigestConfig {
	/** smtp://user:pass@host:port or smtps://… (nodemailer's URL form); null: no email. */
	smtpUrl: string | null;
	/** A Slack-compatible incoming webhook (POST {"text", "blocks"}); null: none. */
	webhookUrl: string | null;
	/** What the webhook's digest may hold: a channel is a wide audience, so exec (aggregates) by default. */
	webhookRole: 'admin' | 'manager' | 'kb_owner' | 'exec';
	from: string;
	cron: string;
	/** When deliveries that failed are tried again between weekly runs (and at every server start). */
	retryCron: string;
	timezone: string;
	/** The dashboard's public URL, for links (ORIGIN); null leaves links relative. */
	origin: string | null;
	/** Attempts per delivery before it is logged as failed. */
	maxAttempts: number;
	/** First retry after this long; doubles each time. */
	retryBaseMs: number;
}

export const DEFAULT_DIGEST_CRON = '0 8 * * 1'; // Mondays 08:00
export const DEFAULT_DIGEST_RETRY_CRON = '17 * * * *'; // hourly

function checkCron(name: string, cron: string, timezone: string): void {
	try {
		const probe = new Cron(cron, { timezone, paused: true });
		probe.nextRun(); // an unknown time zone only fails here
		probe.stop();
	} catch (error) {
		throw new UsageError(
			`${name} "${cron}" with SUPPORTLENS_TIMEZONE "${timezone}" is not a valid schedule: ${error instanceof Error ? error.message : String(error)}`
		);
	}
}

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
	if (raw === undefined || raw === '') return fallback;
	if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new UsageError(`${name} must be a whole number ≥ 1, got "${raw}"`);
	return Number(raw);
}

function url(name: string, raw: string | undefined, protocols: string[]): string | null {
	if (!raw) return null;
	let parsed: URL;
	try {
		parsed = new URL(raw);
	} catch {
		throw new UsageError(`${name} is not a URL: "${raw.replace(/\/\/[^@/]*@/, '//…@')}"`);
	}
	if (!protocols.includes(parsed.protocol))
		throw new UsageError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got ${parsed.protocol}//`);
	return raw;
}

/** Reads and checks the settings; throws a one-line UsageError naming the bad variable. */
export function digestConfig(env: NodeJS.ProcessEnv = process.env): DigestConfig {
	const timezone = env.SUPPORTLENS_TIMEZONE || 'UTC';
	const cron = env.SUPPORTLENS_DIGEST_CRON || DEFAULT_DIGEST_CRON;
	checkCron('SUPPORTLENS_DIGEST_CRON', cron, timezone);
	const retryCron = env.SUPPORTLENS_DIGEST_RETRY_CRON || DEFAULT_DIGEST_RETRY_CRON;
	checkCron('SUPPORTLENS_DIGEST_RETRY_CRON', retryCron, timezone);
	const webhookRole = env.SUPPORTLENS_DIGEST_WEBHOOK_ROLE || 'exec';
	if (!['admin', 'manager', 'kb_owner', 'exec'].includes(webhookRole))
		throw new UsageError(`SUPPORTLENS_DIGEST_WEBHOOK_ROLE must be admin, manager, kb_owner or exec, got "${webhookRole}"`);
	return {
		smtpUrl: url('SUPPORTLENS_SMTP_URL', env.SUPPORTLENS_SMTP_URL, ['smtp:', 'smtps:']),
		webhookUrl: url('SUPPORTLENS_DIGEST_WEBHOOK', env.SUPPORTLENS_DIGEST_WEBHOOK, ['http:', 'https:']),
		webhookRole: webhookRole as DigestConfig['webhookRole'],
		from: env.SUPPORTLENS_DIGEST_FROM || 'SupportLens <supportlens@localhost>',
		cron,
		retryCron,
		timezone,
		origin: env.ORIGIN ? env.ORIGIN.replace(/\/+$/, '') : null,
		maxAttempts: positiveInt('SUPPORTLENS_DIGEST_MAX_ATTEMPTS', env.SUPPORTLENS_DIGEST_MAX_ATTEMPTS, 4),
		retryBaseMs: positiveInt('SUPPORTLENS_DIGEST_RETRY_BASE_MS', env.SUPPORTLENS_DIGEST_RETRY_BASE_MS, 30_000)
	};
}
