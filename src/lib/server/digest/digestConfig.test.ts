import { describe, expect, it } from 'vitest';
import { digestConfig } from './digestConfig';
import { digestWeekAt } from './runDigest';

describe('digestConfig', () => {
	it('defaults: Mondays 08:00 UTC, failed deliveries retried hourly, no delivery configured, 4 attempts from 30 s', () => {
		expect(digestConfig({})).toMatchObject({
			cron: '0 8 * * 1',
			retryCron: '17 * * * *',
			timezone: 'UTC',
			smtpUrl: null,
			webhookUrl: null,
			webhookRole: 'exec',
			maxAttempts: 4,
			retryBaseMs: 30_000,
			origin: null
		});
	});

	it('reads the environment and trims a trailing slash off ORIGIN', () => {
		const c = digestConfig({
			SUPPORTLENS_SMTP_URL: 'smtps://u:p@mail.example.com:465',
			SUPPORTLENS_DIGEST_WEBHOOK: 'https://hooks.example.com/x',
			ORIGIN: 'https://sl.example.com/',
			SUPPORTLENS_TIMEZONE: 'Europe/Berlin'
		});
		expect(c).toMatchObject({
			smtpUrl: 'smtps://u:p@mail.example.com:465',
			webhookUrl: 'https://hooks.example.com/x',
			origin: 'https://sl.example.com',
			timezone: 'Europe/Berlin'
		});
	});

	it('names the variable that is wrong, without echoing a password', () => {
		expect(() => digestConfig({ SUPPORTLENS_DIGEST_CRON: '0 8 * *' })).toThrow(/SUPPORTLENS_DIGEST_CRON "0 8 \* \*"/);
		expect(() => digestConfig({ SUPPORTLENS_DIGEST_RETRY_CRON: 'hourly' })).toThrow(/SUPPORTLENS_DIGEST_RETRY_CRON "hourly"/);
		expect(() => digestConfig({ SUPPORTLENS_TIMEZONE: 'Mars/Base' })).toThrow(/SUPPORTLENS_TIMEZONE "Mars\/Base"/);
		expect(() => digestConfig({ SUPPORTLENS_SMTP_URL: 'http://mail' })).toThrow(
			/SUPPORTLENS_SMTP_URL must start with smtp:\/\/ or smtps:\/\//
		);
		expect(() => digestConfig({ SUPPORTLENS_SMTP_URL: 'smtp://user:hunter2@' + ' bad' })).toThrow(/not a URL/);
		expect(() => digestConfig({ SUPPORTLENS_SMTP_URL: 'smtp://user:hunter2@' + ' bad' })).not.toThrow(/hunter2/);
		expect(() => digestConfig({ SUPPORTLENS_DIGEST_MAX_ATTEMPTS: '0' })).toThrow(/SUPPORTLENS_DIGEST_MAX_ATTEMPTS/);
		expect(() => digestConfig({ SUPPORTLENS_DIGEST_WEBHOOK_ROLE: 'boss' })).toThrow(/SUPPORTLENS_DIGEST_WEBHOOK_ROLE/);
	});
});

describe('digestWeekAt', () => {
	it('is the last ISO week that has ended in the schedule’s time zone', () => {
		// Monday 2026-11-23 08:00 in Berlin is 07:00 UTC: the week before is 2026-W47.
		expect(digestWeekAt(new Date('2026-11-23T07:00:00Z'), 'Europe/Berlin').week).toBe('2026-W47');
		// Monday 08:00 in Tokyo is still Sunday 23:00 UTC; by Tokyo's calendar W47 has ended.
		expect(digestWeekAt(new Date('2026-11-22T23:00:00Z'), 'Asia/Tokyo').week).toBe('2026-W47');
		expect(digestWeekAt(new Date('2026-11-22T23:00:00Z'), 'UTC').week).toBe('2026-W46');
	});
});
