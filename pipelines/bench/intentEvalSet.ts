// A labelled set of short English customer utterances in the style of Banking77 / CLINC150
// (public intent sets we cannot download here): 60 intents, many paraphrases each, with
// synonyms, typos, greetings and overlapping vocabulary between related intents. Seeded.
import { seededRandom } from '../../src/lib/server/gaps/seededRandom';
import { INTENT_TEMPLATES, PREFIXES, SUFFIXES } from './intentTemplates';

export interface IntentUtterance {
	text: string;
	intent: string;
}

function expand(template: string, rand: () => number): string {
	return template.replace(/\{([^}]*)\}/g, (_, body: string) => {
		const options = body.split('|');
		return options[Math.floor(rand() * options.length)];
	});
}

/** One random typo in a word of four or more letters: swap, drop or double a letter. */
function typo(text: string, rand: () => number): string {
	const words = text.split(' ');
	const candidates = words.map((w, i) => (/^[a-z]{4,}$/.test(w) ? i : -1)).filter((i) => i >= 0);
	if (candidates.length === 0) return text;
	const i = candidates[Math.floor(rand() * candidates.length)];
	const w = words[i];
	const p = 1 + Math.floor(rand() * (w.length - 2));
	const kind = Math.floor(rand() * 3);
	words[i] =
		kind === 0
			? w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2)
			: kind === 1
				? w.slice(0, p) + w.slice(p + 1)
				: w.slice(0, p) + w[p] + w.slice(p);
	return words.join(' ');
}

/** `perIntent` utterances for each intent (at most `intents` intents), deduplicated within an intent. */
export function intentEvalSet(options: { perIntent?: number; intents?: number; seed?: number } = {}): IntentUtterance[] {
	const perIntent = options.perIntent ?? 40;
	const rand = seededRandom(options.seed ?? 77);
	const out: IntentUtterance[] = [];
	for (const [intent, templates] of Object.entries(INTENT_TEMPLATES).slice(0, options.intents ?? Infinity)) {
		const seen = new Set<string>();
		for (let tries = 0; seen.size < perIntent && tries < perIntent * 20; tries++) {
			let text = expand(templates[Math.floor(rand() * templates.length)], rand)
				.replace(/\s+/g, ' ')
				.trim();
			if (rand() < 0.2) text = typo(text, rand);
			text = PREFIXES[Math.floor(rand() * PREFIXES.length)] + text + SUFFIXES[Math.floor(rand() * SUFFIXES.length)];
			if (rand() < 0.4) text = text[0].toUpperCase() + text.slice(1);
			if (seen.has(text)) continue;
			seen.add(text);
			out.push({ text, intent });
		}
	}
	return out;
}
