// Smooth inverse frequency sentence vector (Arora, Liang & Ma 2017): the average of a text's
// word vectors, each weighted a / (a + p(w)), so frequent words count little and rare, topical
// ones much. Without corpus counts p(w) comes from the word's frequency rank (Zipf's law:
// p(rank r) ≈ 1 / (r · H) over a vocabulary whose harmonic number is H).
import type { WordVectors } from './WordVectors';

/** SIF's smoothing constant; the paper finds 1e-4..1e-3 work alike. */
export const SIF_A = 1e-4;

/** The text's weighted average word vector (not normalised; zero when no word is known). */
export function sifVector(tokens: string[], table: WordVectors, a = SIF_A): Float32Array {
	const out = new Float32Array(table.dim);
	const harmonic = Math.log(table.vocabularySize) + 0.5772;
	let n = 0;
	for (const token of tokens) {
		const row = table.row.get(token);
		if (row === undefined) continue;
		const p = 1 / ((table.rank[row] + 1) * harmonic);
		const w = a / (a + p);
		const base = row * table.dim;
		for (let j = 0; j < table.dim; j++) out[j] += w * table.vectors[base + j];
		n++;
	}
	if (n > 0) for (let j = 0; j < table.dim; j++) out[j] /= n;
	return out;
}
