// A CSAT rating for a solved conversation: happier when it went smoothly (no reopen, no
// fallback, no hand-off); one in five as a good/bad rating instead of a 1-5 score.
import { CSAT_COMMENTS, type Lang } from './language';
import type { Rng } from './Rng';

export function plantCsat(rng: Rng, lang: Lang, events: Record<string, unknown>[]): Record<string, unknown> {
	const reopened = events.some(
		(e, i) =>
			e.type === 'status' && (e.status === 'open' || e.status === 'pending') && events.slice(0, i).some((p) => p.status === 'solved')
	);
	const fallback = events.some((e) => e.answer_type === 'fallback');
	const handedOff = events.some((e) => e.type === 'handoff');
	const mood = reopened ? 0.25 : fallback ? 0.4 : handedOff ? 0.72 : 0.88;
	const happy = rng.chance(mood);
	const score = happy ? rng.weighted({ '4': 0.35, '5': 0.65 }) : rng.weighted({ '1': 0.35, '2': 0.35, '3': 0.3 });
	const withComment = rng.chance(0.3);
	if (rng.chance(0.2)) {
		const out: Record<string, unknown> = { rating: happy ? 'good' : 'bad' };
		if (withComment) out.comment = rng.pick(CSAT_COMMENTS[happy ? 'good' : 'bad'][lang]);
		return out;
	}
	const out: Record<string, unknown> = { score: Number(score), scale: 5 };
	if (withComment) out.comment = rng.pick(CSAT_COMMENTS[happy ? 'good' : 'bad'][lang]);
	return out;
}
