// The AI's track record next to each question: of the k most similar conversation openings
// (other conversations only), the share the AI answered confidently. A question the AI never
// answers anything like (share near 0) belongs to a topic with no usable article; one whose
// neighbours are mostly answered belongs to a topic the AI handles, and failed for another reason.
// Neighbours are searched among a seeded sample of openings so 100,000 questions stay fast.
import { seededSample } from './seededRandom';
import { dot } from './vectorMath';
import { pacer } from './yieldToEventLoop';

export interface Neighbour {
	vector: Float32Array;
	answered: boolean;
	/** Conversation key: a question never counts its own conversation's opening. */
	conversation: string;
}

/** Per question: answered share among its `k` nearest openings, or null when there are none. */
export async function answeredNeighbourShare(
	questions: { vector: Float32Array; conversation: string }[],
	openings: Neighbour[],
	options: { k?: number; sampleSize?: number; seed?: number } = {}
): Promise<(number | null)[]> {
	const k = options.k ?? 7;
	const limit = options.sampleSize ?? 3000;
	const pool = seededSample(openings, limit, options.seed ?? 11);
	const pace = pacer();
	const out: (number | null)[] = [];
	const bestSim = new Float64Array(k);
	const bestAnswered = new Uint8Array(k);
	for (const q of questions) {
		await pace();
		let filled = 0;
		for (const o of pool) {
			if (o.conversation === q.conversation) continue;
			const s = dot(q.vector, o.vector);
			if (filled < k) {
				bestSim[filled] = s;
				bestAnswered[filled++] = o.answered ? 1 : 0;
				continue;
			}
			let worst = 0;
			for (let j = 1; j < k; j++) if (bestSim[j] < bestSim[worst]) worst = j;
			if (s > bestSim[worst]) [bestSim[worst], bestAnswered[worst]] = [s, o.answered ? 1 : 0];
		}
		let answered = 0;
		for (let j = 0; j < filled; j++) answered += bestAnswered[j];
		out.push(filled ? answered / filled : null);
	}
	return out;
}
