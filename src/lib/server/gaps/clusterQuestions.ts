// The mining run's clustering stage. Questions the AI never answers anything like, and questions
// whose look-alikes it mostly answers, are clustered apart: a missing article and a weak one are
// different work items, and one gap mixing both would get one verdict for both. With the lexical
// embedder each language is clustered on its own too (its own leading LSA components): it cannot
// match across languages, and one language's topics would otherwise be lumped into one blob.
import { answeredNeighbourShare } from './answeredNeighbourShare';
import { clusterByGroup } from './clusterByGroup';
import type { ClusterOptions, ClusterResult } from './clusterVectors';
import type { Opening, Question } from './extractQuestions';
import { conversationKey } from './miningKeys';
import { languageKey } from './centerByLanguage';

export interface QuestionClusters {
	/** Each question's vector, in question order. */
	vectors: Float32Array[];
	/** Per question: share of its nearest opening conversations the AI answered (null: none near). */
	track: (number | null)[];
	clustering: ClusterResult;
}

export async function clusterQuestions(
	questions: Question[],
	openings: Opening[],
	vectorOf: Map<string, Float32Array>,
	options: ClusterOptions & { byLanguage: boolean; say: (message: string) => void }
): Promise<QuestionClusters> {
	const { byLanguage, say, ...clusterOptions } = options;
	const vectors = questions.map((q) => vectorOf.get(q.text)!);
	say('comparing each question with the AI’s answered conversations…');
	const track = await answeredNeighbourShare(
		questions.map((q, i) => ({ vector: vectors[i], conversation: conversationKey(q.source, q.conversation_id), text: q.text })),
		openings.map((o) => ({
			vector: vectorOf.get(o.text)!,
			answered: o.answered,
			conversation: conversationKey(o.source, o.conversation_id)
		}))
	);
	const groups = track.map(
		(t, i) => `${byLanguage ? languageKey(questions[i].language) : ''}/${t !== null && t >= 0.5 ? 'answered-like' : 'unanswered-like'}`
	);
	const clustering = await clusterByGroup(vectors, groups, { ...clusterOptions, onProgress: say });
	return { vectors, track, clustering };
}
