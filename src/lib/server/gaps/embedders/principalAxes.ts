// Principal axes of a set of vectors, uncentered (the directions of the second-moment matrix,
// as a truncated SVD of the raw vectors would give), strongest first: what orders a word-vector
// space like LSA's components and what SIF removes as the common component.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

export interface PrincipalAxes {
	/** Unit axes, strongest first. */
	axes: Float32Array[];
	/** Energy (sum of squared projections) along each axis. */
	energy: number[];
}

export function principalAxes(vectors: Float32Array[], dim = vectors[0]?.length ?? 0): PrincipalAxes {
	const gram = new Float64Array(dim * dim);
	for (const v of vectors) {
		for (let i = 0; i < dim; i++) {
			const vi = v[i];
			if (vi === 0) continue;
			for (let j = i; j < dim; j++) gram[i * dim + j] += vi * v[j];
		}
	}
	const m = new Matrix(dim, dim);
	for (let i = 0; i < dim; i++) for (let j = i; j < dim; j++) m.set(i, j, gram[i * dim + j]).set(j, i, gram[i * dim + j]);
	const eig = new EigenvalueDecomposition(m, { assumeSymmetric: true });
	const values = eig.realEigenvalues;
	const vecs = eig.eigenvectorMatrix;
	// Ties broken by index so the same vectors always give the same order.
	const order = values.map((_, i) => i).sort((a, b) => values[b] - values[a] || a - b);
	return {
		axes: order.map((c) => {
			const axis = Float32Array.from({ length: dim }, (_, i) => vecs.get(i, c));
			// Fix the sign (an eigenvector's sign is arbitrary): its largest coordinate is positive.
			let big = 0;
			for (let i = 1; i < dim; i++) if (Math.abs(axis[i]) > Math.abs(axis[big])) big = i;
			if (axis[big] < 0) for (let i = 0; i < dim; i++) axis[i] = -axis[i];
			return axis;
		}),
		energy: order.map((c) => Math.max(0, values[c]))
	};
}
