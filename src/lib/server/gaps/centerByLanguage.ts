// Removes each language's own mean direction from the lexical vectors of a multilingual run.
// In one LSA space fitted on several languages, every text of a language shares that language's
// function words and character n-grams, so two unrelated German texts are closer than two
// unrelated English ones, and a mixed German cluster's centroid (its topics averaged away)
// still sits close to any German article. Centring each language on its own mean, as done to
// remove the language component of multilingual sentence embeddings, leaves what the texts are
// about.
import { normalize } from './vectorMath';

/** The base language code a text is grouped under ("de-AT" → "de"; unknown → "?"). */
export const languageKey = (language: string | null | undefined) => (language ?? '?').toLowerCase().split(/[-_]/)[0] || '?';

/** Fewer texts than this give a mean that is mostly their own topics, not their language's. */
const MIN_TEXTS_PER_LANGUAGE = 20;

/**
 * Each vector minus the mean of its language's vectors, at unit length (new arrays; the inputs
 * are left alone). A run with fewer than two languages is returned as it is: there is no
 * language component to remove, only the topics all texts share. Texts of an unknown language,
 * and of a language with too few texts for a mean, keep their vectors.
 */
export function centerByLanguage(vectors: Float32Array[], languages: (string | null | undefined)[]): Float32Array[] {
	const keys = languages.map(languageKey);
	const known = new Set(keys.filter((k) => k !== '?'));
	if (known.size < 2) return vectors;
	const dim = vectors[0]?.length ?? 0;
	const all = new Float64Array(dim);
	const sums = new Map<string, { sum: Float64Array; n: number }>();
	vectors.forEach((v, i) => {
		const s = sums.get(keys[i]) ?? { sum: new Float64Array(dim), n: 0 };
		for (let d = 0; d < dim; d++) {
			s.sum[d] += v[d];
			all[d] += v[d];
		}
		s.n++;
		sums.set(keys[i], s);
	});
	return vectors.map((v, i) => {
		const { sum, n } = sums.get(keys[i])!;
		if (keys[i] === '?' || n < MIN_TEXTS_PER_LANGUAGE) return v;
		const out = new Float32Array(dim);
		for (let d = 0; d < dim; d++) out[d] = v[d] - sum[d] / n + all[d] / vectors.length;
		return normalize(out);
	});
}
