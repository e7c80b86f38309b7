// The mining run's vectors with each language's mean direction removed (see centerByLanguage),
// for the texts whose language the run knows: questions and openings by their conversation's
// language, article chunks by their article's locale.
import { centerByLanguage } from './centerByLanguage';

export function languageCentredVectors(
	vectorOf: Map<string, Float32Array>,
	texts: { text: string; language?: string | null; locale?: string | null }[]
): Map<string, Float32Array> {
	const languageOf = new Map<string, string | null>();
	for (const t of texts) if (!languageOf.has(t.text)) languageOf.set(t.text, t.language ?? t.locale ?? null);
	const keys = [...vectorOf.keys()];
	const centred = centerByLanguage(
		keys.map((k) => vectorOf.get(k)!),
		keys.map((k) => languageOf.get(k) ?? null)
	);
	return new Map(keys.map((k, i) => [k, centred[i]]));
}
