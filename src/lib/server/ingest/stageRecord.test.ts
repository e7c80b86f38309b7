import { describe, expect, it } from 'vitest';
import { stageRecord } from './stageRecord';

const line = (subject: string) => JSON.stringify({ id: 'c-1', created_at: '2026-10-05T21:00:00Z', language: 'en', subject, events: [] });
const stage = (text: string) => stageRecord({ kind: 'canonical_line', location: { file: 'x.jsonl', line: 3 }, text }, 0);

describe('stageRecord', () => {
	it('quarantines a lone surrogate, which would fail the whole staging file in DuckDB', () => {
		const staged = stage(line('broken \ud83c half'));
		expect(staged.conversation).toBeUndefined();
		expect(JSON.parse(staged.quarantine!)).toMatchObject({ line: 3, reason: expect.stringContaining('lone UTF-16 surrogate (\\ud83c)') });
	});

	it('keeps paired surrogates and an escaped backslash before "u"', () => {
		expect(stage(line('party 🎉')).conversation).toBeDefined();
		expect(stage(line('C:\\ud83c is a folder')).conversation).toBeDefined();
	});
});
