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
	questions: { vector: Float32Array; conversation: string; text?: string }[],
	openings: Neighbour[],
	options: { k?: number; sampleSize?: number; seed?: number } = {}
): Promise<(number | null)[]> {
	const k = options.k ?? 7;
	const pool = seededSample(openings, options.sampleSize ?? 3000, options.seed ?? 11);
	const pace = pacer();
	// Questions with the same text share one search: its k + 1 nearest openings, from which each
	// question drops its own conversation's (a conversation has one opening, so k remain).
	const nearest = new Map<string, { sim: number; answered: boolean; conversation: string }[]>();
	const search = (vector: Float32Array) => {
		const best: { sim: number; answered: boolean; conversation: string }[] = [];
		for (const o of pool) {
			const sim = dot(vector, o.vector);
			if (best.length > k && sim <= best[best.length - 1].sim) continue;
			let at = best.length;
			while (at > 0 && best[at - 1].sim < sim) at--;
			best.splice(at, 0, { sim, answered: o.answered, conversation: o.conversation });
			if (best.length > k + 1) best.pop();
		}
		return best;
	};
	const out: (number | null)[] = [];
	for (const q of questions) {
		await pace();
		const key = q.text ?? '';
		let best = q.text === undefined ? undefined : nearest.get(key);
		if (!best) {
			best = search(q.vector);
			if (q.text !== undefined) nearest.set(key, best);
		}
		const own = best.filter((b) => b.conversation !== q.conversation).slice(0, k);
		out.push(own.length ? own.filter((b) => b.answered).length / own.length : null);
	}
	return out;
}
