// Word-level diff between an AI draft and what was finally sent, for the conversation view,
// plus the draft's edit magnitude exactly as DESIGN.md defines the KPI (Levenshtein distance
// in characters over the longer text's length).
import { diffWords } from 'diff';
import { distance } from 'fastest-levenshtein';
import type { DiffPart, WordDiff } from '../../conversations/types';

export type { DiffPart, WordDiff };

export function editMagnitude(before: string, after: string): number {
	const longer = Math.max(before.length, after.length);
	return longer === 0 ? 0 : distance(before, after) / longer;
}

export function wordDiff(before: string, after: string): WordDiff {
	const parts: DiffPart[] = [];
	let wordsAdded = 0;
	let wordsRemoved = 0;
	for (const change of diffWords(before, after)) {
		const op = change.added ? 'added' : change.removed ? 'removed' : 'same';
		const words = change.value.split(/\s+/).filter(Boolean).length;
		if (op === 'added') wordsAdded += words;
		if (op === 'removed') wordsRemoved += words;
		const last = parts[parts.length - 1];
		if (last && last.op === op) last.text += change.value;
		else parts.push({ text: change.value, op });
	}
	return { parts, wordsAdded, wordsRemoved, editMagnitude: editMagnitude(before, after) };
}
