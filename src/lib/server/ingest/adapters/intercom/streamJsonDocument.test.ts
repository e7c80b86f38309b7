import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { streamJsonDocument, type DocumentElement } from './streamJsonDocument';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);

async function all(file: string, keys: string[], maxElementBytes?: number, chunkBytes?: number) {
	const out: DocumentElement[] = [];
	let bytes = 0;
	for await (const e of streamJsonDocument(file, keys, (n) => (bytes += n), maxElementBytes, chunkBytes)) out.push(e);
	return { out, bytes };
}

const summary = (out: DocumentElement[]) =>
	out.map((e) =>
		e.ok
			? `${e.location.record}@${e.location.line} ${(e.value as { id: string }).id}`
			: `${e.location.record}@${e.location.line} ! ${e.reason}`
	);

describe('streamJsonDocument', () => {
	it('yields each element of a listed array with its index and starting line, whatever the chunk size', async () => {
		const big = await all(fixture('conversation_list.json'), ['conversations']);
		expect(summary(big.out)).toEqual(['conversations[0]@11 2001', 'conversations[1]@83 2002']);
		expect(big.bytes).toBe(3659);
		// Tiny chunks split every token, string and escape across reads: same result.
		const tiny = await all(fixture('conversation_list.json'), ['conversations'], undefined, 7);
		expect(tiny.out).toEqual(big.out);
		const teams = await all(fixture('teams.json'), ['teams'], undefined, 5);
		expect(teams.out.map((e) => e.ok && e.key)).toEqual(['teams', 'teams', 'teams']);
	});

	it('yields a top-level object with no listed array whole', async () => {
		const { out } = await all(fixture('conversation_list.json'), ['teams']);
		expect(out).toHaveLength(1);
		expect(out[0]).toMatchObject({ ok: true, key: null, location: { record: 'document', line: 1 } });
		expect((out[0] as { value: { conversations: unknown[] } }).value.conversations).toHaveLength(2);
	});

	it('quarantines one element with bad syntax and keeps reading the others', async () => {
		const { out } = await all(fixture('bad_list.json'), ['conversations'], undefined, 11);
		expect(summary(out)).toEqual([
			'conversations[0]@4 4001',
			expect.stringMatching(/^conversations\[1\]@92 ! bad JSON: Unexpected token/),
			'conversations[2]@98 4003'
		]);
		expect(out[1].ok || out[1].reason).not.toMatch(/\n/);
	});

	it('refuses an element over the size cap without holding it, and reads the next', async () => {
		const { out } = await all(fixture('conversation_list.json'), ['conversations'], 1700);
		expect(out.map((e) => e.ok)).toEqual([false, true]);
		expect(out[0]).toMatchObject({ location: { record: 'conversations[0]' }, reason: 'a record larger than 1700 bytes is not read' });
	});

	it('splits concatenated top-level values (JSON Lines) into records too', async () => {
		const { out } = await all(fixture('conversations.jsonl'), ['conversations']);
		// JSON Lines read as concatenated documents still split into records.
		expect(out.map((e) => e.ok && (e.value as { id: string }).id)).toEqual(['1001', '1002', '1003', '1004']);
	});
});

describe('streamJsonDocument on a cut-short file', () => {
	it('yields the complete elements, then says where the file ends', async () => {
		const { out } = await all(fixture('truncated_list.json'), ['conversations']);
		expect(summary(out)).toEqual([
			'conversations[0]@4 4001',
			'conversations[1]@92 ! bad JSON: Unexpected token \',\', ..."ated_at": , "sou"... is not valid JSON',
			'conversations[2]@98 ! the file ends inside conversations[2] (an unterminated string or unbalanced brackets)'
		]);
	});
});
