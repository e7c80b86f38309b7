// Bench worker for `generate`: writes a sample of N conversations in all formats in this
// process, or (baseline) copies the bytes of such a sample, and prints its figures as JSON.
//   tsx pipelines/bench/generateWorker.ts generate OUT N
//   tsx pipelines/bench/generateWorker.ts copy FROM TO
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { generateSample } from '../generate/generateSample';

async function copyTree(from: string, to: string): Promise<number> {
	let bytes = 0;
	fs.mkdirSync(to, { recursive: true });
	for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
		const a = path.join(from, entry.name);
		const b = path.join(to, entry.name);
		if (entry.isDirectory()) bytes += await copyTree(a, b);
		else {
			await pipeline(fs.createReadStream(a), fs.createWriteStream(b));
			bytes += fs.statSync(b).size;
		}
	}
	return bytes;
}

const [mode, a, b] = process.argv.slice(2);
const started = performance.now();
let extra: Record<string, number>;
if (mode === 'generate') {
	const result = await generateSample({ out: a, conversations: Number(b) });
	extra = { conversations: result.conversations, events: result.events };
} else {
	extra = { bytes: await copyTree(a, b) };
}
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ seconds: +seconds.toFixed(2), peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), ...extra }));
