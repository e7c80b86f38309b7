// Gaps across languages with the lexical embedder: articles are compared within their own
// locale, gaps whose nearest articles translate one another are listed together, the
// translation group is stored from the KB article shape, and `gaps --json --members` lists
// every question of every gap.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gapMembers, listGaps, mineGaps } from '../../src/lib/server/gaps';
import { importConversations } from '../../src/lib/server/ingest';
import { withWarehouse } from '../../src/lib/server/warehouse';
import { runCli } from '../helpers/runCli';
import { makeTempDir } from '../helpers/tempDir';

const { dir, cleanup } = makeTempDir('gaps-languages');
const db = path.join(dir, 'w.duckdb');

const QUESTIONS: Record<string, string[]> = {
	en: [
		'how do I get a refund for my order',
		'refund for a damaged order please',
		'I want a refund, the order never came',
		'where is my refund for the order',
		'refund status of my order',
		'can I get my order refunded'
	],
	de: [
		'wie bekomme ich eine Rückerstattung für meine Bestellung',
		'Rückerstattung für beschädigte Bestellung bitte',
		'ich möchte eine Rückerstattung, die Bestellung kam nie',
		'wo bleibt meine Rückerstattung für die Bestellung',
		'Status meiner Rückerstattung zur Bestellung',
		'kann ich meine Bestellung rückerstattet bekommen'
	]
};

function conversation(id: string, language: string, text: string, day: number) {
	const at = new Date(Date.UTC(2026, 9, 5 + day, 9)).toISOString();
	return {
		id,
		source: 'canonical',
		channel: 'chat',
		created_at: at,
		language,
		events: [
			{ id: 'e1', at, type: 'message', author: 'customer', body: text },
			{ id: 'e2', at, type: 'message', author: 'ai', body: 'Sorry, I cannot help with that.', answer_type: 'fallback' }
		]
	};
}

const ARTICLES = [
	{
		id: 'kb-refund-en',
		title: 'Refunds for orders',
		body: 'How a refund for an order works and how long it takes.',
		locale: 'en',
		translation_group: 'refunds'
	},
	{
		id: 'kb-refund-de',
		title: 'Rückerstattung für Bestellungen',
		body: 'Wie eine Rückerstattung für eine Bestellung funktioniert und wie lange sie dauert.',
		locale: 'de',
		translation_group: 'refunds'
	},
	{ id: 'kb-api-en', title: 'API overview', body: 'Keys, rate limits and endpoints of the API.', locale: 'en', translation_group: 'api' }
];

beforeAll(async () => {
	const rows = Object.entries(QUESTIONS).flatMap(([lang, texts]) => texts.map((t, i) => conversation(`${lang}-${i}`, lang, t, i)));
	await withWarehouse(db, async (w) => {
		await importConversations(w, rows, { kbArticles: ARTICLES });
		await importConversations(w, [], { kbArticles: ARTICLES }); // the same again changes nothing
	});
}, 120_000);
afterAll(cleanup);

describe('gaps in two languages, lexical embedder', () => {
	it('stores the translation group of each article', async () => {
		const rows = await withWarehouse(db, (w) =>
			w.db.all<{ id: string; translation_group: string | null }>('SELECT id, translation_group FROM kb_articles ORDER BY id')
		);
		expect(rows).toEqual([
			{ id: 'kb-api-en', translation_group: 'api' },
			{ id: 'kb-refund-de', translation_group: 'refunds' },
			{ id: 'kb-refund-en', translation_group: 'refunds' }
		]);
	});

	it('one gap per language, each judged against its own locale, listed together by translation group', async () => {
		const { gaps, members } = await withWarehouse(db, async (w) => {
			await mineGaps(w.db, { embedder: 'lexical' });
			return { gaps: (await listGaps(w.db)).filter((g) => g.active), members: await gapMembers(w.db) };
		});
		expect(gaps.length).toBe(2);
		const byLanguage = Object.fromEntries(gaps.map((g) => [Object.keys(g.languages)[0], g]));
		expect(byLanguage.en.nearest_article_id).toBe('kb-refund-en');
		expect(byLanguage.de.nearest_article_id).toBe('kb-refund-de');
		expect(gaps.map((g) => g.translation_group)).toEqual(['refunds', 'refunds']);
		for (const g of gaps) {
			expect(g.coverage_reason).toMatch(new RegExp(`^${g.coverage}: .*nearest article: “${g.nearest_article_title}”, \\d\\.\\d\\d`));
			expect(members.get(g.id)!.length).toBe(g.size);
		}
	}, 120_000);

	it('gaps --json --members adds every question of every gap', () => {
		const r = runCli(['gaps', '--db', db, '--embedder', 'lexical', '--json', '--members']);
		expect(r.code, r.stderr).toBe(0);
		const out = JSON.parse(r.stdout) as {
			gaps: { active: boolean; size: number; members: { source: string; conversation_id: string; event_id: string }[] }[];
		};
		const active = out.gaps.filter((g) => g.active);
		expect(active.reduce((s, g) => s + g.members.length, 0)).toBe(12);
		for (const g of active) {
			expect(g.members.length).toBe(g.size);
			expect(Object.keys(g.members[0])).toEqual(['source', 'conversation_id', 'event_id']);
			expect(g.members.every((m) => m.event_id === 'e1')).toBe(true);
		}
		const plain = runCli(['gaps', '--db', db, '--embedder', 'lexical', '--members']);
		expect(plain.code).toBe(1);
		expect(plain.stderr).toMatch(/^supportlens: --members needs --json/);
	}, 120_000);
});
