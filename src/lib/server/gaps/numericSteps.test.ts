// Pure numeric parts of the miner: the truncated SVD behind LSA, seeded sampling, how many LSA
// components the clustering tree uses, and the AI track record next to each question.
import { describe, expect, it } from 'vitest';
import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { leadingDims } from './clusterVectors';
import { seededRandom, seededSample } from './seededRandom';
import { truncatedSvd, type SparseRow } from './truncatedSvd';
import { answeredNeighbourShare } from './answeredNeighbourShare';

describe('truncatedSvd', () => {
	// A 30 × 12 sparse matrix: three blocks of co-occurring columns plus seeded noise.
	const random = seededRandom(3);
	const dense = Array.from({ length: 30 }, (_, i) =>
		Array.from({ length: 12 }, (_, j) => (Math.floor(j / 4) === i % 3 ? 1 + random() : random() < 0.1 ? random() * 0.3 : 0))
	);
	const rows: SparseRow[] = dense.map((r) => {
		const cols = r.flatMap((v, j) => (v ? [j] : []));
		return { cols: Int32Array.from(cols), vals: Float32Array.from(cols, (j) => r[j]) };
	});

	it('finds the leading singular values of an exact SVD', () => {
		const exact = new SingularValueDecomposition(new Matrix(dense)).diagonal;
		const r = truncatedSvd(rows, 12, 3, { seed: 1 });
		expect(r.rank).toBe(3);
		r.singularValues.forEach((s, i) => expect(s).toBeCloseTo(exact[i], 3));
	});

	it('gives orthonormal components and the same ones for the same seed', () => {
		const a = truncatedSvd(rows, 12, 3, { seed: 1 });
		const b = truncatedSvd(rows, 12, 3, { seed: 1 });
		expect(Array.from(a.components)).toEqual(Array.from(b.components));
		for (let p = 0; p < 3; p++) {
			for (let q = 0; q < 3; q++) {
				let d = 0;
				for (let c = 0; c < 12; c++) d += a.components[c * 3 + p] * a.components[c * 3 + q];
				expect(d).toBeCloseTo(p === q ? 1 : 0, 4);
			}
		}
	});
});

describe('truncatedSvd on a slowly decaying spectrum', () => {
	// 80 × 60 with noise everywhere: the spectrum falls slowly, as text's does, and the sketch
	// (5 + 10 columns) is far narrower than the matrix, so unconverged directions differ by seed.
	const random = seededRandom(9);
	const dense = Array.from({ length: 80 }, (_, i) =>
		Array.from({ length: 60 }, (_, j) => (Math.floor(j / 6) === i % 10 ? 1 + random() : random() < 0.3 ? random() : 0))
	);
	const rows: SparseRow[] = dense.map((r) => {
		const cols = r.flatMap((v, j) => (v ? [j] : []));
		return { cols: Int32Array.from(cols), vals: Float32Array.from(cols, (j) => r[j]) };
	});
	const exact = new SingularValueDecomposition(new Matrix(dense)).diagonal;

	it('iterates until the singular values settle, and then the seed no longer matters', () => {
		const a = truncatedSvd(rows, 60, 5, { seed: 1 });
		const b = truncatedSvd(rows, 60, 5, { seed: 2 });
		expect(a.converged && b.converged).toBe(true);
		a.singularValues.forEach((s, i) => expect(s).toBeCloseTo(exact[i], 6));
		for (let c = 0; c < 5; c++) {
			let d = 0;
			for (let r = 0; r < 60; r++) d += a.components[r * 5 + c] * b.components[r * 5 + c];
			expect(d).toBeCloseTo(1, 5);
		}
	});

	it('runs exactly the asked power iterations when given a count, unconverged', () => {
		const r = truncatedSvd(rows, 60, 5, { seed: 1, powerIterations: 1 });
		expect(r.iterations).toBe(1);
		expect(r.converged).toBe(false);
	});
});

describe('seededSample and leadingDims', () => {
	it('samples deterministically, in the original order, all items when there are few', () => {
		const items = Array.from({ length: 100 }, (_, i) => i);
		const s = seededSample(items, 10, 5);
		expect(s).toEqual(seededSample(items, 10, 5));
		expect(s).toEqual([...s].sort((a, b) => a - b));
		expect(new Set(s).size).toBe(10);
		expect(seededSample(items, 200, 5)).toBe(items);
	});

	it('counts the leading dimensions holding a share of the energy, never fewer than 10', () => {
		const v = Array.from({ length: 4 }, () => Float32Array.from({ length: 40 }, (_, j) => (j < 20 ? 1 : 0.1)));
		expect(leadingDims(v, 0.4)).toBe(10); // 9 hold 40%, but 10 is the floor
		expect(leadingDims(v, 0.9)).toBe(19);
		expect(leadingDims([Float32Array.from([1, 0, 0])], 0.5)).toBe(3);
	});
});

describe('answeredNeighbourShare', () => {
	const u = (...x: number[]) => {
		const v = Float32Array.from(x);
		const n = Math.hypot(...x);
		return v.map((y) => y / n);
	};
	it('shares the answered openings among the k nearest, never counting the question’s own conversation', async () => {
		const openings = [
			{ vector: u(1, 0), answered: false, conversation: 'c1' },
			{ vector: u(1, 0.1), answered: true, conversation: 'c2' },
			{ vector: u(1, 0.2), answered: true, conversation: 'c3' },
			{ vector: u(0, 1), answered: false, conversation: 'c4' }
		];
		const shares = await answeredNeighbourShare(
			[
				{ vector: u(1, 0), conversation: 'c1', text: 'same' },
				{ vector: u(1, 0), conversation: 'c9', text: 'same' },
				{ vector: u(0, 1), conversation: 'c8' }
			],
			openings,
			{ k: 2 }
		);
		expect(shares).toEqual([1, 0.5, 0.5]);
		expect(await answeredNeighbourShare([{ vector: u(1, 0), conversation: 'c1' }], [openings[0]])).toEqual([null]);
	});
});
