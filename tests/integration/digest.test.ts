// The weekly digest end to end against real endpoints on 127.0.0.1: an SMTP server (npm
// smtp-server) and a Slack-style webhook receiver. Delivered once per recipient with the
// right content per role (the exec's holds no transcript text), a second run sends nothing,
// a refusing SMTP server is retried with backoff and logged, a delivery that failed because
// the SMTP server was down is retried at the next start and delivered exactly once, and the
// CLI renders a dry run.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../pipelines/generate/generateSample';
import {
	digestConfig,
	digestStartup,
	digestTick,
	listAttempts,
	listDeliveries,
	runWeeklyDigest,
	saveRecipient,
	sendDigests,
	startDigestSchedule,
	stopDigestSchedule
} from '../../src/lib/server/digest';
import { mineGaps } from '../../src/lib/server/gaps';
import { runGrading } from '../../src/lib/server/grading/runGrading';
import { rulesGrader } from '../../src/lib/server/grading/rules/rulesGrader';
import { importFiles } from '../../src/lib/server/ingest';
import { parseIsoWeek } from '../../src/lib/server/review';
import { withWarehouse } from '../../src/lib/server/warehouse';
import { startSmtp, startWebhook, type TestSmtp, type TestWebhook } from '../helpers/mailServers';
import { runCli, spawnCli } from '../helpers/runCli';
import { makeTempDir } from '../helpers/tempDir';

const { dir, cleanup } = makeTempDir('supportlens-digest-');
const db = path.join(dir, 'digest.duckdb');
const week = parseIsoWeek('2026-W45');
const ORIGIN = 'https://supportlens.example.com';
let smtp: TestSmtp;
let webhook: TestWebhook;
/** Every piece of transcript-derived text of the warehouse: bodies, notes, gap titles and examples, grade reasons. */
let transcriptTexts: string[];

const config = (env: Record<string, string>) => digestConfig({ ORIGIN, SUPPORTLENS_DIGEST_RETRY_BASE_MS: '1', ...env });
const noWait = { sleep: async () => {}, log: () => {} };

beforeAll(async () => {
	const out = path.join(dir, 'sample');
	await generateSample({ out, conversations: 1500, weeks: 12, seed: 5 });
	await withWarehouse(db, async (w) => {
		await importFiles(w, [out]);
		await mineGaps(w.db, { embedder: 'lexical' });
		await runGrading(w, rulesGrader);
		await saveRecipient(w.db, 'Manager@Example.com', 'manager', 'test');
		await saveRecipient(w.db, 'boss@example.com', 'exec', 'test');
		const texts = await w.db.all<{ t: string }>(
			`SELECT DISTINCT t FROM (
				SELECT body AS t FROM events UNION ALL SELECT note FROM events UNION ALL SELECT final_body FROM events
				UNION ALL SELECT title FROM gaps UNION ALL SELECT customer_message FROM events
			) WHERE t IS NOT NULL AND length(t) >= 12`
		);
		const reasons = await w.db.all<{ t: string }>(`SELECT DISTINCT json_extract_string(criteria, '$.*.reason') AS t FROM grades`);
		transcriptTexts = [
			...texts.map((r) => r.t),
			...reasons.flatMap((r) => (Array.isArray(r.t) ? r.t : [r.t])).filter((t): t is string => !!t && t.length >= 12)
		];
	});
	smtp = await startSmtp();
	webhook = await startWebhook();
}, 240_000);

afterAll(async () => {
	await smtp?.close();
	await webhook?.close();
	cleanup();
});

/** The HTML as a reader sees it: entities decoded, so escaped transcript text would still be found. */
const visibleText = (html: string) =>
	html
		.replace(/<[^>]+>/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'");

describe('weekly digest delivery', () => {
	it('delivers once to each recipient by SMTP and once to the webhook', async () => {
		const outcomes = await withWarehouse(db, (w) =>
			runWeeklyDigest(w.db, config({ SUPPORTLENS_SMTP_URL: smtp.url, SUPPORTLENS_DIGEST_WEBHOOK: webhook.url }), week, noWait)
		);
		expect(outcomes.map((o) => [o.channel, o.recipient, o.status])).toEqual([
			['email', 'boss@example.com', 'sent'],
			['email', 'manager@example.com', 'sent'],
			['webhook', expect.stringMatching(/^webhook 127\.0\.0\.1:\d+ [0-9a-f]{8}$/), 'sent']
		]);
		expect(smtp.recipients.sort()).toEqual(['boss@example.com', 'manager@example.com']);
		expect(webhook.bodies).toHaveLength(1);
		for (const m of smtp.messages) expect(m.subject).toMatch(/^SupportLens weekly review 2026-W45/);
		// the webhook's secret path is never logged
		const log = await withWarehouse(db, (w) => listDeliveries(w.db, week.week));
		expect(JSON.stringify(log)).not.toContain('secret');
		expect(log.every((d) => d.status === 'sent' && d.attempts === 1)).toBe(true);
	});

	it("the manager's digest has gaps, worst-graded items and conversation links; the exec's has aggregates only", () => {
		const mail = (to: string) => smtp.messages.find((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.text.includes(to)))!;
		const manager = String(mail('manager@example.com').html);
		const exec = String(mail('boss@example.com').html);
		expect(manager).toContain('Top knowledge gaps');
		expect(manager).toContain('Worst-graded this week');
		expect(manager).toContain(`${ORIGIN}/review?week=2026-W45`);
		expect(manager).toMatch(new RegExp(`href="${ORIGIN}/conversations/`));
		// The manager's digest does carry transcript-derived text (gap titles), so the check below can fail.
		const managerText = visibleText(manager);
		expect(transcriptTexts.some((t) => managerText.includes(t))).toBe(true);

		const execText = visibleText(exec);
		expect(exec).toContain('Key figures');
		expect(exec).not.toContain('/conversations');
		expect(exec).not.toContain('Top knowledge gaps');
		const leaked = transcriptTexts.filter((t) => execText.includes(t));
		expect(leaked).toEqual([]);
		// the plain-text alternative too
		expect(transcriptTexts.filter((t) => String(mail('boss@example.com').text).includes(t))).toEqual([]);
	});

	it('the webhook gets Slack-compatible JSON with aggregates only', () => {
		const body = webhook.bodies[0] as { text: string; blocks: { type: string; text: { text: string } }[] };
		expect(body.text).toMatch(/^SupportLens weekly review 2026-W45/);
		expect(body.blocks[0].type).toBe('header');
		expect(body.blocks.map((b) => b.text.text).join('\n')).toContain('Key figures');
		expect(transcriptTexts.filter((t) => JSON.stringify(body).includes(t))).toEqual([]);
	});

	it('a second run sends nothing', async () => {
		const before = { mails: smtp.messages.length, hooks: webhook.bodies.length };
		const outcomes = await withWarehouse(db, (w) =>
			runWeeklyDigest(w.db, config({ SUPPORTLENS_SMTP_URL: smtp.url, SUPPORTLENS_DIGEST_WEBHOOK: webhook.url }), week, noWait)
		);
		expect(outcomes.map((o) => o.status)).toEqual(['already_sent', 'already_sent', 'already_sent']);
		expect(smtp.messages.length).toBe(before.mails);
		expect(webhook.bodies.length).toBe(before.hooks);
	});

	it('a refusing SMTP server is retried with backoff up to the limit and logged; a later run delivers it once', async () => {
		const refusing = await startSmtp({ refuse: true });
		const waits: number[] = [];
		const lines: string[] = [];
		const target = [{ channel: 'email' as const, recipient: 'late@example.com', address: 'late@example.com', role: 'manager' as const }];
		try {
			const [failed] = await withWarehouse(db, (w) =>
				sendDigests(
					w.db,
					week,
					target,
					config({ SUPPORTLENS_SMTP_URL: refusing.url, SUPPORTLENS_DIGEST_MAX_ATTEMPTS: '3', SUPPORTLENS_DIGEST_RETRY_BASE_MS: '1000' }),
					{
						sleep: async (ms) => void waits.push(ms),
						log: (line) => lines.push(line)
					}
				)
			);
			expect(failed).toMatchObject({ status: 'failed', attempts: 3 });
			expect(failed.error).toMatch(/451/);
			expect(refusing.refused).toBe(3);
			expect(waits).toEqual([1000, 2000]);
			expect(lines.at(-1)).toMatch(/digest 2026-W45 to late@example.com failed after 3 attempt\(s\): .*451/);
			await withWarehouse(db, async (w) => {
				const [row] = (await listDeliveries(w.db, week.week)).filter((d) => d.recipient === 'late@example.com');
				expect(row).toMatchObject({ status: 'failed', attempts: 3 });
				const attempts = await listAttempts(w.db, { week: week.week, channel: 'email', recipient: 'late@example.com' });
				expect(attempts.map((a) => [a.attempt, a.ok])).toEqual([
					[1, false],
					[2, false],
					[3, false]
				]);
				expect(attempts.every((a) => /451/.test(a.error ?? ''))).toBe(true);
			});
		} finally {
			await refusing.close();
		}
		const sentBefore = smtp.recipients.length;
		const [retried] = await withWarehouse(db, (w) => sendDigests(w.db, week, target, config({ SUPPORTLENS_SMTP_URL: smtp.url }), noWait));
		expect(retried).toMatchObject({ status: 'sent', attempts: 1 });
		expect(smtp.recipients.slice(sentBefore)).toEqual(['late@example.com']);
		const [again] = await withWarehouse(db, (w) => sendDigests(w.db, week, target, config({ SUPPORTLENS_SMTP_URL: smtp.url }), noWait));
		expect(again.status).toBe('already_sent');
		expect(smtp.recipients.slice(sentBefore)).toEqual(['late@example.com']);
	});

	it('a scheduled run while the SMTP server is down logs the failures; the next start delivers each exactly once', async () => {
		// Take a server down, keeping its port: the run finds nothing listening there.
		const probe = await startSmtp();
		const port = Number(new URL(probe.url).port);
		await probe.close();
		const cfg = config({ SUPPORTLENS_SMTP_URL: probe.url, SUPPORTLENS_DIGEST_MAX_ATTEMPTS: '2' });
		const monday = new Date('2026-10-26T08:00:00Z'); // the run due then reports on 2026-W43
		const lines: string[] = [];
		const log = { sleep: async () => {}, log: (line: string) => lines.push(line) };
		const failed = await withWarehouse(db, (w) => digestTick(w.db, cfg, monday, log));
		expect(failed.map((o) => [o.recipient, o.status, o.attempts])).toEqual([
			['boss@example.com', 'failed', 2],
			['manager@example.com', 'failed', 2]
		]);
		expect(failed[0].error).toMatch(/ECONNREFUSED/);
		expect(lines.filter((l) => /digest 2026-W43 to .* failed after 2 attempt\(s\): .*ECONNREFUSED/.test(l))).toHaveLength(2);

		// The server is back; the dashboard restarts and its schedule retries at start.
		const back = await startSmtp({ port });
		try {
			startDigestSchedule(
				(fn) => withWarehouse(db, (w) => fn(w.db)),
				cfg,
				() => monday
			);
			await digestStartup();
			expect(back.recipients.sort()).toEqual(['boss@example.com', 'manager@example.com']);
			for (const m of back.messages) expect(m.subject).toMatch(/^SupportLens weekly review 2026-W43/);
			await withWarehouse(db, async (w) => {
				const rows = await listDeliveries(w.db, '2026-W43');
				expect(rows.map((r) => [r.recipient, r.status, r.attempts])).toEqual([
					['boss@example.com', 'sent', 3],
					['manager@example.com', 'sent', 3]
				]);
				const attempts = await listAttempts(w.db, { week: '2026-W43', channel: 'email', recipient: 'boss@example.com' });
				expect(attempts.map((a) => [a.attempt, a.ok])).toEqual([
					[1, false],
					[2, false],
					[3, true]
				]);
			});
			// The weekly run and a later start send nothing more for that week.
			const again = await withWarehouse(db, (w) => digestTick(w.db, cfg, monday, log));
			expect(again.map((o) => o.status)).toEqual(['already_sent', 'already_sent']);
			stopDigestSchedule();
			startDigestSchedule(
				(fn) => withWarehouse(db, (w) => fn(w.db)),
				cfg,
				() => monday
			);
			await digestStartup();
			expect(back.recipients).toHaveLength(2);
		} finally {
			stopDigestSchedule();
			await back.close();
		}
	});

	it('cli digest --dry-run --out writes the HTML and sends nothing; --to sends one, once', async () => {
		const file = path.join(dir, 'digest.html');
		const before = smtp.messages.length;
		const dry = runCli(['digest', '--db', db, '--week', '2026-W44', '--to', 'boss@example.com', '--dry-run', '--out', file], {
			SUPPORTLENS_SMTP_URL: smtp.url,
			ORIGIN
		});
		expect(dry.code).toBe(0);
		expect(dry.stderr).toContain('nothing sent');
		expect(fs.readFileSync(file, 'utf8')).toContain('SupportLens weekly review · 2026-W44');
		expect(smtp.messages.length).toBe(before);

		// Async: the SMTP server runs in this process and must keep answering.
		const sent = await spawnCli(
			['digest', '--db', db, '--week', '2026-W44', '--to', 'someone@example.com', '--role', 'kb_owner', '--json'],
			{ SUPPORTLENS_SMTP_URL: smtp.url, ORIGIN }
		).done;
		expect(sent.code).toBe(0);
		expect(JSON.parse(sent.stdout).deliveries).toMatchObject([{ recipient: 'someone@example.com', role: 'kb_owner', status: 'sent' }]);
		const twice = await spawnCli(
			['digest', '--db', db, '--week', '2026-W44', '--to', 'someone@example.com', '--role', 'kb_owner', '--json'],
			{ SUPPORTLENS_SMTP_URL: smtp.url, ORIGIN }
		).done;
		expect(JSON.parse(twice.stdout).deliveries[0].status).toBe('already_sent');
		expect(smtp.messages.length).toBe(before + 1);

		const unknown = runCli(['digest', '--db', db, '--week', '2026-W44', '--to', 'nobody@example.com'], { SUPPORTLENS_SMTP_URL: smtp.url });
		expect(unknown.code).toBe(1);
		expect(unknown.stderr.trim()).toBe(
			'supportlens: nobody@example.com is not a digest recipient: add it on the Users page, or say which digest it gets with --role'
		);
		const badCron = runCli(['digest', '--db', db, '--dry-run', '--out', file], { SUPPORTLENS_DIGEST_CRON: 'every monday' });
		expect(badCron.code).toBe(1);
		expect(badCron.stderr).toMatch(/SUPPORTLENS_DIGEST_CRON "every monday"/);
	});
});
