// The hash that keys the grade cache: everything a grader looks at, nothing it doesn't (the
// human review of a draft is not an input, so reviewing it later keeps the grade).
import { createHash } from 'node:crypto';
import type { GradingItem } from './GradingItem';

export function inputHash(item: GradingItem): string {
	const input = {
		kind: item.kind,
		text: item.text,
		channel: item.channel,
		language: item.language,
		tier: item.tier,
		plan: item.plan,
		customerEmails: item.customerEmails,
		answerType: item.answerType,
		kb: item.kbArticles.map((a) => [a.id, a.title, a.body]),
		context: item.context.map((m) => [m.author, m.body]),
		handoff: item.handoff,
		// Only when there are any, so conversations without secrets keep their cached grades.
		...(item.secrets.length ? { secrets: item.secrets } : {})
	};
	return createHash('sha256').update(JSON.stringify(input)).digest('hex').slice(0, 32);
}
