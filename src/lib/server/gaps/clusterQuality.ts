// External clustering quality against known labels: normalised mutual information (arithmetic
// mean normalisation, as scikit-learn's default) and the adjusted Rand index.

function contingency(truth: readonly (string | number)[], predicted: readonly (string | number)[]) {
	const table = new Map<string, number>();
	const a = new Map<string, number>();
	const b = new Map<string, number>();
	for (let i = 0; i < truth.length; i++) {
		const t = String(truth[i]);
		const p = String(predicted[i]);
		const key = `${t}\u0000${p}`;
		table.set(key, (table.get(key) ?? 0) + 1);
		a.set(t, (a.get(t) ?? 0) + 1);
		b.set(p, (b.get(p) ?? 0) + 1);
	}
	return { table, a, b, n: truth.length };
}

export function normalizedMutualInformation(truth: readonly (string | number)[], predicted: readonly (string | number)[]): number {
	const { table, a, b, n } = contingency(truth, predicted);
	if (n === 0) return 0;
	const entropy = (m: Map<string, number>) => [...m.values()].reduce((h, c) => h - (c / n) * Math.log(c / n), 0);
	const ha = entropy(a);
	const hb = entropy(b);
	let mi = 0;
	for (const [key, nij] of table) {
		const [t, p] = key.split('\u0000');
		const ai = a.get(t)!;
		const bj = b.get(p)!;
		mi += (nij / n) * Math.log((n * nij) / (ai * bj));
	}
	if (ha === 0 && hb === 0) return 1;
	const denom = (ha + hb) / 2;
	return denom === 0 ? 0 : mi / denom;
}

export function adjustedRandIndex(truth: readonly (string | number)[], predicted: readonly (string | number)[]): number {
	const { table, a, b, n } = contingency(truth, predicted);
	const c2 = (x: number) => (x * (x - 1)) / 2;
	let index = 0;
	for (const v of table.values()) index += c2(v);
	let sa = 0;
	for (const v of a.values()) sa += c2(v);
	let sb = 0;
	for (const v of b.values()) sb += c2(v);
	const expected = (sa * sb) / c2(n);
	const max = (sa + sb) / 2;
	return max === expected ? 1 : (index - expected) / (max - expected);
}
