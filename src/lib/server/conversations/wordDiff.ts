// Word-level diff between an AI draft and what was finally sent, for the conversation view,
// plus the draft's edit magnitude computed by the KPI's own function (docs/kpis.md), so the
// page shows the figure the KPI averages.
import { diffWords } from 'diff';
import { editMagnitude } from '../kpi/editMagnitude';
import type { DiffPart, WordDiff } from '../../conversations/types';

export type { DiffPart, WordDiff };

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
