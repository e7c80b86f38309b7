// Truncated SVD of a sparse matrix by randomized range finding (Halko, Martinsson & Tropp
// 2011): a seeded Gaussian sketch, a few power iterations, then the exact SVD of the small
// projected matrix. This is LSA's step: documents × terms → a few dense "topic" directions
// that keep which words occur together, so paraphrases with different words still meet.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { seededRandom } from './seededRandom';

/** One sparse row: column indices and their values. */
export interface SparseRow {
	cols: Int32Array;
	vals: Float32Array;
}

export interface SvdResult {
	/** Right singular vectors, row-major: columns × components (row c is term c's direction). */
	components: Float32Array;
	singularValues: number[];
	rank: number;
}

/** Orthonormalizes the columns of a row-major rows × cols matrix in place (Gram-Schmidt, twice for stability). */
function orthonormalize(a: Float64Array, rows: number, cols: number): void {
	for (let pass = 0; pass < 2; pass++) {
		for (let j = 0; j < cols; j++) {
			for (let i = 0; i < j; i++) {
				let p = 0;
				for (let r = 0; r < rows; r++) p += a[r * cols + i] * a[r * cols + j];
				for (let r = 0; r < rows; r++) a[r * cols + j] -= p * a[r * cols + i];
			}
			let norm = 0;
			for (let r = 0; r < rows; r++) norm += a[r * cols + j] ** 2;
			norm = Math.sqrt(norm);
			for (let r = 0; r < rows; r++) a[r * cols + j] = norm > 1e-12 ? a[r * cols + j] / norm : 0;
		}
	}
}

/** X · B for sparse X (m rows) and row-major B (columns × l): m × l. */
function times(x: SparseRow[], b: Float64Array, l: number): Float64Array {
	const out = new Float64Array(x.length * l);
	x.forEach((row, i) => {
		for (let k = 0; k < row.cols.length; k++) {
			const v = row.vals[k];
			const base = row.cols[k] * l;
			for (let j = 0; j < l; j++) out[i * l + j] += v * b[base + j];
		}
	});
	return out;
}

/** Xᵀ · Q for sparse X (m rows over `columns`) and row-major Q (m × l): columns × l. */
function transposeTimes(x: SparseRow[], q: Float64Array, l: number, columns: number): Float64Array {
	const out = new Float64Array(columns * l);
	x.forEach((row, i) => {
		for (let k = 0; k < row.cols.length; k++) {
			const v = row.vals[k];
			const base = row.cols[k] * l;
			for (let j = 0; j < l; j++) out[base + j] += v * q[i * l + j];
		}
	});
	return out;
}

/**
 * The top `k` right singular vectors of the sparse m × `columns` matrix `x`. Deterministic for
 * the same input and seed; `powerIterations` sharpens the spectrum of slowly decaying text data.
 */
export function truncatedSvd(
	x: SparseRow[],
	columns: number,
	k: number,
	options: { seed?: number; oversample?: number; powerIterations?: number } = {}
): SvdResult {
	const l = Math.max(1, Math.min(k + (options.oversample ?? 10), x.length, columns));
	const random = seededRandom(options.seed ?? 7);
	// Box-Muller Gaussian sketch Ω (columns × l).
	const omega = new Float64Array(columns * l);
	for (let i = 0; i < omega.length; i++) omega[i] = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
	let q = times(x, omega, l);
	orthonormalize(q, x.length, l);
	for (let it = 0; it < (options.powerIterations ?? 2); it++) {
		const z = transposeTimes(x, q, l, columns);
		orthonormalize(z, columns, l);
		q = times(x, z, l);
		orthonormalize(q, x.length, l);
	}
	// B = Qᵀ X (l × columns); Z = Bᵀ. The eigenvectors W of B Bᵀ = Zᵀ Z give V = Z W / σ.
	const z = transposeTimes(x, q, l, columns);
	const gram = Matrix.zeros(l, l);
	for (let a = 0; a < l; a++) {
		for (let b = a; b < l; b++) {
			let s = 0;
			for (let r = 0; r < columns; r++) s += z[r * l + a] * z[r * l + b];
			gram.set(a, b, s);
			gram.set(b, a, s);
		}
	}
	const eig = new EigenvalueDecomposition(gram, { assumeSymmetric: true });
	const order = eig.realEigenvalues.map((v, i) => [v, i] as const).sort((p, r) => r[0] - p[0] || p[1] - r[1]);
	const kept = order.filter(([v]) => v > 1e-10).slice(0, k);
	const rank = kept.length;
	const w = eig.eigenvectorMatrix;
	const components = new Float32Array(columns * rank);
	kept.forEach(([value, idx], c) => {
		const sigma = Math.sqrt(value);
		// Fix the sign (largest-magnitude coefficient positive) so results do not flip between runs.
		let sign = 1;
		let biggest = 0;
		for (let r = 0; r < columns; r++) {
			let s = 0;
			for (let j = 0; j < l; j++) s += z[r * l + j] * w.get(j, idx);
			components[r * rank + c] = s / sigma;
			if (Math.abs(s) > biggest) [biggest, sign] = [Math.abs(s), Math.sign(s)];
		}
		if (sign < 0) for (let r = 0; r < columns; r++) components[r * rank + c] *= -1;
	});
	return { components, singularValues: kept.map(([v]) => Math.sqrt(v)), rank };
}
