// False positives of the personal-data finder on the committed sample: every ordinary text
// (messages, drafts, final bodies, notes, hand-off fields, subjects, plans, KB titles and bodies)
// must come through untouched, and every sentence the generator planted as personal data must
// be found.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PERSONAL_DATA } from '../../pipelines/generate/language';
import { findPersonalData } from '../../src/lib/server/grading/personalData';
import { ROOT } from '../helpers/runCli';

const readJsonl = (file: string) =>
	fs
		.readFileSync(path.join(ROOT, 'data/samples/canonical', file), 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line));

function sampleTexts(): string[] {
	const texts: string[] = [];
	for (const a of readJsonl('kb_articles.jsonl')) texts.push(a.title, a.body);
	for (const c of readJsonl('conversations.jsonl')) {
		texts.push(c.subject, c.customer?.plan, c.customer?.tier, c.csat?.comment);
		for (const e of c.events) texts.push(e.body, e.final_body, e.note, e.reason, e.customer_message);
	}
	return texts.filter((t): t is string => typeof t === 'string' && t.length > 0);
}

describe('personal-data finder on the committed sample', () => {
	const planted = Object.values(PERSONAL_DATA).flat();
	const texts = sampleTexts();
	const isPlanted = (t: string) => planted.some((p) => t.includes(p));

	it('finds nothing in ordinary text but the help centre’s own no-reply address', () => {
		const ordinary = texts.filter((t) => !isPlanted(t));
		expect(ordinary.length).toBeGreaterThan(5_000);
		const found = ordinary.flatMap((t) => findPersonalData(t)).map((f) => `${f.kind}: ${f.text}`);
		expect([...new Set(found)]).toEqual(['email: no-reply@supportlens.example']);
	});

	it('finds every planted card, IBAN and password', () => {
		const withData = texts.filter(isPlanted);
		expect(withData.length).toBeGreaterThan(0);
		expect(withData.filter((t) => findPersonalData(t).length === 0)).toEqual([]);
	});
});
