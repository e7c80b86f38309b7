// Browser-safe shapes of the conversation view's data (timeline, draft diffs, cited KB
// articles): built by the server's conversation modules, typed into the Svelte components.
import type { ConversationEvent } from '../schema';

export interface DiffPart {
	text: string;
	op: 'same' | 'added' | 'removed';
}

export interface WordDiff {
	parts: DiffPart[];
	wordsAdded: number;
	wordsRemoved: number;
	/** 0 (identical) .. 1 (nothing in common), the "Edit magnitude" KPI's measure for one draft (docs/kpis.md). */
	editMagnitude: number;
}

export interface KbRef {
	title: string;
	/** Only http(s) links; anything else (javascript:, data:) is dropped. */
	url: string | null;
}

export type TimelineItem = ConversationEvent & { diff?: WordDiff };
