// Small dense-vector helpers shared by embedders, clustering and coverage. Vectors are
// Float32Array; "similarity" always means the dot product of unit vectors (cosine).

export function dot(a: Float32Array, b: Float32Array): number {
	// Four running sums: the hot loop of clustering, noticeably faster than one accumulator.
	let s0 = 0;
	let s1 = 0;
	let s2 = 0;
	let s3 = 0;
	const n = a.length;
	const m = n - (n % 4);
	let i = 0;
	for (; i < m; i += 4) {
		s0 += a[i] * b[i];
		s1 += a[i + 1] * b[i + 1];
		s2 += a[i + 2] * b[i + 2];
		s3 += a[i + 3] * b[i + 3];
	}
	for (; i < n; i++) s0 += a[i] * b[i];
	return s0 + s1 + s2 + s3;
}

/** Scales `v` to unit length in place (a zero vector stays zero). */
export function normalize(v: Float32Array): Float32Array {
	let s = 0;
	for (let i = 0; i < v.length; i++) s += v[i] * v[i];
	if (s > 0) {
		const inv = 1 / Math.sqrt(s);
		for (let i = 0; i < v.length; i++) v[i] *= inv;
	}
	return v;
}

/** Unit-length mean of the given vectors. */
export function centroid(vectors: Float32Array[], dim = vectors[0]?.length ?? 0): Float32Array {
	const c = new Float32Array(dim);
	for (const v of vectors) for (let i = 0; i < dim; i++) c[i] += v[i];
	return normalize(c);
}

/** 32-bit FNV-1a of a string, seedable: the hash behind feature hashing and projections. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
	let h = seed >>> 0;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** Integer hash mixer (murmur3 finaliser): spreads a feature id into independent projection slots. */
export function mix32(x: number): number {
	x ^= x >>> 16;
	x = Math.imul(x, 0x85ebca6b);
	x ^= x >>> 13;
	x = Math.imul(x, 0xc2b2ae35);
	x ^= x >>> 16;
	return x >>> 0;
}
