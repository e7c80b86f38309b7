// Edit magnitude of one edited draft (docs/kpis.md): Levenshtein distance between the draft and
// what was sent, in characters (Unicode code points), divided by the longer text's length.
import { distance } from 'fastest-levenshtein';

/** Maps astral code points (emoji…) to single private-use units so that distance counts characters. */
function toUnits(a: string, b: string): [string, string] {
	if (!/[\uD800-\uDFFF]/.test(a + b)) return [a, b];
	const codes = new Map<number, string>();
	let next = 0xe000;
	const map = (s: string) =>
		Array.from(s, (ch) => {
			const cp = ch.codePointAt(0)!;
			if (cp <= 0xffff) return ch;
			let unit = codes.get(cp);
			if (unit === undefined) codes.set(cp, (unit = String.fromCharCode(next++)));
			return unit;
		}).join('');
	return [map(a), map(b)];
}

/** 0 when identical, 1 when nothing is shared; 0 for two empty texts. */
export function editMagnitude(body: string, finalBody: string): number {
	const [a, b] = toUnits(body, finalBody);
	const longer = Math.max(a.length, b.length);
	return longer === 0 ? 0 : distance(a, b) / longer;
}
