// A warehouse holding N unanswered questions for the gap-mining bench, built straight from SQL
// (the import pipeline would take minutes at 100,000): each conversation is a customer question
// written from the generator's topic phrasings (template × slots × language × greeting) and an
// AI fallback; KB articles are the generator's. conversation_facts is then rebuilt.
import fs from 'node:fs';
import path from 'node:path';
import { Rng } from '../generate/Rng';
import { LANGUAGES } from '../generate/language';
import { fill } from '../generate/text';
import { TOPICS, kbArticleId } from '../generate/topics';
import { DERIVED_REFRESHERS } from '../../src/lib/server/derivedTables';
import type { WarehouseConnection } from '../../src/lib/server/warehouse';

const GREET = ['', 'Hi, ', 'Hello team, ', 'Hallo, ', 'Hola, ', 'Bonjour, '];
const CLOSE = ['', ' Thanks!', ' Please help asap.', ' Danke.', ' Gracias.', ' Merci.'];

/** Writes `n` questions as conversations q0..q{n-1}; returns each question's planted topic and text. */
export async function buildGapsBenchWarehouse(
	db: WarehouseConnection,
	n: number,
	tmpDir: string,
	seed = 3
): Promise<{ topic: string; text: string }[]> {
	const rng = new Rng(seed);
	const rows: { topic: string; text: string }[] = [];
	const csv = path.join(tmpDir, `gap-questions-${n}.jsonl`);
	const out = fs.createWriteStream(csv);
	for (let i = 0; i < n; i++) {
		const topic = rng.pick(TOPICS);
		const lang = rng.pick(LANGUAGES);
		const text = `${rng.pick(GREET)}${fill(rng.pick(topic.phrasing[lang]), lang, rng)}${rng.pick(CLOSE)}`;
		rows.push({ topic: topic.id, text });
		const minute = Math.floor((i / n) * 12 * 7 * 24 * 60);
		out.write(JSON.stringify({ i, text, lang, minute }) + '\n');
	}
	await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
	await db.run(
		`CREATE OR REPLACE TEMP TABLE bench_q AS
		SELECT i, text, lang, TIMESTAMP '2026-08-31 00:00:00' + to_minutes(minute) AS asked FROM read_json(?, columns = {i: 'BIGINT', text: 'VARCHAR', lang: 'VARCHAR', minute: 'BIGINT'})`,
		[csv]
	);
	await db.run(`INSERT INTO conversations (source, id, channel, created_at, language, content_hash)
		SELECT 'bench', 'q' || i, 'chat', asked, lang, 'h' || i FROM bench_q`);
	await db.run(`INSERT INTO events (source, conversation_id, seq, id, occurred_at, type, author, body, answer_type, confidence)
		SELECT 'bench', 'q' || i, 0, 'e1', asked + INTERVAL 1 MINUTE, 'message', 'customer', text, NULL, NULL FROM bench_q
		UNION ALL
		SELECT 'bench', 'q' || i, 1, 'e2', asked + INTERVAL 2 MINUTE, 'message', 'ai', 'Sorry, I cannot help with that.', 'fallback', 0.1 FROM bench_q`);
	for (const topic of TOPICS) {
		if (!topic.kb) continue;
		for (const lang of LANGUAGES) {
			await db.run(`INSERT INTO kb_articles (id, title, body, content_hash) VALUES (?, ?, ?, ?)`, [
				kbArticleId(topic, lang),
				topic.kb.title[lang],
				topic.kb.body[lang],
				`kb-${topic.id}-${lang}`
			]);
		}
	}
	for (const r of DERIVED_REFRESHERS) await r.refresh(db, null);
	fs.rmSync(csv, { force: true });
	return rows;
}
