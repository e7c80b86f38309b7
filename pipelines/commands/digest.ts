// `digest`: the weekly digest on demand — rendered to a file (--dry-run --out), or delivered
// to one address (--to) or to every recipient and the webhook, through the same delivery log
// as the schedule (so a week already sent to someone is not sent again).
import fs from 'node:fs';
import path from 'node:path';
import { checkRole } from '../../src/lib/server/auth/users';
import type { Role } from '../../src/lib/server/auth/roles';
import {
	checkEmail,
	digestConfig,
	digestTargets,
	digestWeekAt,
	findRecipient,
	loadDigest,
	renderDigestHtml,
	sendDigests,
	type DeliveryOutcome,
	type DigestTarget
} from '../../src/lib/server/digest';
import { UsageError } from '../../src/lib/server/errors';
import { parseIsoWeek } from '../../src/lib/server/review';
import { resolveDbPath, withWarehouse } from '../../src/lib/server/warehouse';
import { parseFlags, type Command } from '../command';

const usage = 'digest [--db PATH] [--week YYYY-Www] [--to EMAIL [--role admin|manager|kb_owner|exec]] [--dry-run --out FILE.html] [--json]';

function formatOutcomes(week: string, outcomes: DeliveryOutcome[]): string {
	if (!outcomes.length) return `digest ${week}: nothing to deliver`;
	return [
		`digest ${week}:`,
		...outcomes.map(
			(o) =>
				`  ${o.status.padEnd(12)} ${o.channel.padEnd(7)} ${o.recipient} (${o.role})${o.attempts ? `, ${o.attempts} attempt(s)` : ''}${o.error && o.status !== 'sent' ? `: ${o.error}` : ''}`
		)
	].join('\n');
}

export const digestCommand: Command = {
	name: 'digest',
	summary:
		'the weekly review as an email digest: render it (--dry-run --out) or deliver it now (SMTP, webhook), once per week and recipient',
	usage,
	async run(argv) {
		const { values, positionals } = parseFlags(
			argv,
			{
				db: { type: 'string' },
				week: { type: 'string' },
				to: { type: 'string' },
				role: { type: 'string' },
				'dry-run': { type: 'boolean' },
				out: { type: 'string' },
				json: { type: 'boolean' }
			},
			usage
		);
		if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"\nusage: ${usage}`);
		if (values['dry-run'] && !values.out) throw new UsageError(`--dry-run needs --out FILE.html\nusage: ${usage}`);
		const to = values.to === undefined ? null : checkEmail(values.to);
		const askedRole = values.role === undefined ? null : checkRole(values.role);
		if (askedRole && !to && !values['dry-run'])
			throw new UsageError('--role goes with --to (the recipients on the Users page have their own roles)');
		const config = digestConfig();
		const week = values.week === undefined ? digestWeekAt(new Date(), config.timezone) : parseIsoWeek(values.week);
		const out = values.out ? path.resolve(values.out) : null;
		if (out && !fs.existsSync(path.dirname(out)))
			throw new UsageError(`cannot write ${values.out}: folder ${path.dirname(out)} does not exist`);

		return withWarehouse(
			resolveDbPath(values.db),
			async (w) => {
				let role: Role | null = askedRole;
				if (to && !role) {
					role = (await findRecipient(w.db, to))?.role ?? null;
					if (!role)
						throw new UsageError(`${to} is not a digest recipient: add it on the Users page, or say which digest it gets with --role`);
				}
				if (out) {
					fs.writeFileSync(out, renderDigestHtml(await loadDigest(w.db, week, role ?? 'manager'), config.origin));
					if (values['dry-run']) {
						console.error(`digest ${week.week} (${role ?? 'manager'}) written to ${values.out}; nothing sent`);
						return 0;
					}
				}
				let targets: DigestTarget[];
				if (to) {
					if (!config.smtpUrl)
						throw new UsageError('SUPPORTLENS_SMTP_URL is not set: set it (smtp://user:password@host:port) to send email');
					targets = [{ channel: 'email', recipient: to, address: to, role: role! }];
				} else {
					targets = await digestTargets(w.db, config);
					if (!targets.length)
						throw new UsageError(
							'nothing to deliver to: set SUPPORTLENS_SMTP_URL and add recipients on the Users page, set SUPPORTLENS_DIGEST_WEBHOOK, or pass --to'
						);
				}
				const outcomes = await sendDigests(w.db, week, targets, config);
				console.log(values.json ? JSON.stringify({ week: week.week, deliveries: outcomes }) : formatOutcomes(week.week, outcomes));
				return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
			},
			{ mustExist: true }
		);
	}
};
