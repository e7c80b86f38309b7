// Truncated SVD of a sparse matrix by randomized range finding (Halko, Martinsson & Tropp
// 2011): a seeded Gaussian sketch, power iterations until the singular values settle, then the
// exact SVD of the small projected matrix. This is LSA's step: documents × terms → a few dense "topic" directions
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
	/** Power iterations run. */
	iterations: number;
	/** Whether the singular values settled to the tolerance (false: stopped at the iteration cap, or a fixed count was asked). */
	converged: boolean;
}

/** Orthonormalizes the columns of a row-major rows × cols matrix in place (Gram-Schmidt, twice for stability). */
function orthonormalize(a: Float64Array, rows: number, cols: number): void {
	// Column-major copy: each column contiguous, so the inner loops run over adjacent memory.
	const t = new Float64Array(rows * cols);
	for (let r = 0; r < rows; r++) for (let j = 0; j < cols; j++) t[j * rows + r] = a[r * cols + j];
	for (let pass = 0; pass < 2; pass++) {
		for (let j = 0; j < cols; j++) {
			const cj = t.subarray(j * rows, (j + 1) * rows);
			for (let i = 0; i < j; i++) {
				const ci = t.subarray(i * rows, (i + 1) * rows);
				let p = 0;
				for (let r = 0; r < rows; r++) p += ci[r] * cj[r];
				for (let r = 0; r < rows; r++) cj[r] -= p * ci[r];
			}
			let norm = 0;
			for (let r = 0; r < rows; r++) norm += cj[r] * cj[r];
			norm = Math.sqrt(norm);
			for (let r = 0; r < rows; r++) cj[r] = norm > 1e-12 ? cj[r] / norm : 0;
		}
	}
	for (let r = 0; r < rows; r++) for (let j = 0; j < cols; j++) a[r * cols + j] = t[j * rows + r];
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

/** Aᵀ B for row-major A and B (both rows × l), symmetrized: the l × l matrix of a symmetric product. */
function crossGram(a: Float64Array, b: Float64Array, rows: number, l: number): Matrix {
	const acc = new Float64Array(l * l);
	// Row by row, so both matrices are read in order.
	for (let r = 0; r < rows; r++) {
		const base = r * l;
		for (let i = 0; i < l; i++) {
			const ai = a[base + i];
			const bi = b[base + i];
			for (let j = i; j < l; j++) acc[i * l + j] += ai * b[base + j] + a[base + j] * bi;
		}
	}
	const gram = Matrix.zeros(l, l);
	for (let i = 0; i < l; i++) {
		for (let j = i; j < l; j++) {
			gram.set(i, j, acc[i * l + j] / 2);
			gram.set(j, i, acc[i * l + j] / 2);
		}
	}
	return gram;
}

export interface SvdOptions {
	seed?: number;
	/** Sketch columns beyond `k`: the wider the sketch, the faster the k-th direction converges. Default k/2, at least 10. */
	oversample?: number;
	/** At most this many power iterations (each one X Xᵀ pass, re-orthonormalized). */
	maxIterations?: number;
	/** Stop iterating once no leading singular value estimate moves by more than this share between iterations. */
	tolerance?: number;
	/** Exactly this many power iterations, no convergence test (what older fits did; for comparisons). */
	powerIterations?: number;
}

/**
 * The top `k` right singular vectors of the sparse m × `columns` matrix `x`. Deterministic for
 * the same input and seed. Text spectra decay slowly, so a fixed couple of power iterations
 * leaves the later components (and with them how the energy spreads) depending on the sketch's
 * seed; instead the power iterations go on until the k Ritz values (the singular values of
 * Qᵀ X) settle to `tolerance`, and the components no longer depend on the seed. The default is
 * tight because a singular value's error is about the square of its vector's: 1e-4 still left
 * HWU64's cluster count moving with the seed, 1e-8 (about 24 rounds on a 4,000-text fit) does not.
 */
export function truncatedSvd(x: SparseRow[], columns: number, k: number, options: SvdOptions = {}): SvdResult {
	const l = Math.max(1, Math.min(k + (options.oversample ?? Math.max(10, Math.ceil(k / 2))), x.length, columns));
	const maxIterations = options.powerIterations ?? options.maxIterations ?? 40;
	const tolerance = options.powerIterations === undefined ? (options.tolerance ?? 1e-8) : -1;
	const random = seededRandom(options.seed ?? 7);
	// Box-Muller Gaussian sketch Ω (columns × l).
	const omega = new Float64Array(columns * l);
	for (let i = 0; i < omega.length; i++) omega[i] = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
	let q = times(x, omega, l);
	orthonormalize(q, x.length, l);
	// Subspace iteration on X Xᵀ: each round Z = Xᵀ Q (so B = Qᵀ X = Zᵀ) and Y = X Z; the
	// eigen-decomposition of B Bᵀ = Qᵀ Y gives the current estimates. Settled: they are the
	// answer; otherwise Q = orth(Y) is one more power iteration. Q has at most as many rows as
	// the fit sample, so re-orthonormalizing it (not the wider Z) keeps each round cheap.
	let iterations = 0;
	let previous: number[] = [];
	for (;;) {
		const z = transposeTimes(x, q, l, columns);
		const y = times(x, z, l);
		const eig = new EigenvalueDecomposition(crossGram(q, y, x.length, l), { assumeSymmetric: true });
		const order = eig.realEigenvalues.map((v, i) => [v, i] as const).sort((p, r) => r[0] - p[0] || p[1] - r[1]);
		const estimates = order.slice(0, k).map(([v]) => Math.sqrt(Math.max(0, v)));
		const settled =
			previous.length === estimates.length && estimates.every((s, i) => Math.abs(s - previous[i]) <= tolerance * Math.max(s, 1e-12));
		if (settled || iterations >= maxIterations) return project(z, eig, order, columns, l, k, iterations, settled);
		previous = estimates;
		orthonormalize(y, x.length, l);
		q = y;
		iterations++;
	}
}

/** V = Z W / σ from the eigenvectors W of Zᵀ Z, the k strongest with a fixed sign. */
function project(
	z: Float64Array,
	eig: EigenvalueDecomposition,
	order: (readonly [number, number])[],
	columns: number,
	l: number,
	k: number,
	iterations: number,
	converged: boolean
): SvdResult {
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
	return { components, singularValues: kept.map(([v]) => Math.sqrt(v)), rank, iterations, converged };
}
