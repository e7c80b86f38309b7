// The seeded sample generator: customers with stories of one to four conversations, spread
// over the weeks before a fixed export instant, written to canonical JSON Lines and the vendor
// formats, with a manifest of planted truths and the KPI values an import must reproduce.
// Streams: one story at a time in memory, whatever the number of conversations.
import fs from 'node:fs';
import path from 'node:path';
import { canonicalFormat } from './canonicalFormat';
import type { Source } from './ConversationPlan';
import { csvFormat } from './csvFormat';
import { ensureFolder } from './ensureFolder';
import { freshdeskFormat } from './freshdeskFormat';
import { helpscoutFormat } from './helpscoutFormat';
import { intercomFormat } from './intercomFormat';
import { kbArticles } from './kbArticles';
import type { KpiValues } from './KpiTally';
import { makeAgents } from './makeAgents';
import { ManifestWriter } from './ManifestWriter';
import { OutputFolderError } from './OutputFolderError';
import { Rng } from './Rng';
import { DAY_MS, DEFAULT_END, INCIDENT_TOPIC, SampleCalendar } from './sampleCalendar';
import type { SampleFormat } from './SampleFormat';
import { SampleTruths } from './SampleTruths';
import { writeStory, type StoryContext } from './writeStory';
import { zendeskFormat } from './zendeskFormat';

export interface GenerateOptions {
	out: string;
	conversations?: number;
	weeks?: number;
	seed?: number;
	/** The export instant (ISO, UTC); defaults to a fixed Monday so output is reproducible. */
	end?: string;
	/** Share of customers per output format; formats not listed get none. */
	formatShares?: Partial<Record<Source, number>>;
	/** Called after every story with conversations written so far. */
	onProgress?: (written: number, total: number) => void;
}

export const GENERATE_DEFAULTS = { conversations: 4000, weeks: 14, seed: 7 } as const;

export const DEFAULT_FORMAT_SHARES: Partial<Record<Source, number>> = {
	canonical: 0.3,
	zendesk: 0.15,
	intercom: 0.15,
	freshdesk: 0.125,
	helpscout: 0.125,
	csv: 0.15
};

export interface GenerateResult {
	outDir: string;
	conversations: number;
	bySource: Record<string, number>;
	events: number;
	kbArticles: number;
	expectedKpis: KpiValues;
	files: string[];
}

const FORMAT_FACTORIES: Record<Source, (outDir: string) => SampleFormat> = {
	canonical: canonicalFormat,
	zendesk: zendeskFormat,
	intercom: intercomFormat,
	freshdesk: freshdeskFormat,
	helpscout: helpscoutFormat,
	csv: csvFormat
};

/** Opens a writer per format with a share; a folder that cannot be written is named in the error. */
function openFormats(outDir: string, out: string, shares: Partial<Record<Source, number>>): { formats: SampleFormat[]; weights: number[] } {
	const formats: SampleFormat[] = [];
	const weights: number[] = [];
	for (const [source, share] of Object.entries(shares) as [Source, number][]) {
		if (!share) continue;
		try {
			formats.push(FORMAT_FACTORIES[source](outDir));
		} catch (error) {
			throw error instanceof OutputFolderError ? error : OutputFolderError.from(path.join(out, source), error);
		}
		weights.push(share);
	}
	if (formats.length === 0) throw new Error('generateSample: no output format has a share');
	return { formats, weights };
}

export async function generateSample(options: GenerateOptions): Promise<GenerateResult> {
	const total = options.conversations ?? GENERATE_DEFAULTS.conversations;
	const weeks = options.weeks ?? GENERATE_DEFAULTS.weeks;
	const seed = options.seed ?? GENERATE_DEFAULTS.seed;
	const endIso = options.end ?? DEFAULT_END;
	const outDir = path.resolve(options.out);
	ensureFolder(outDir, options.out);

	const rng = new Rng(seed);
	const calendar = new SampleCalendar(weeks, endIso, rng);
	const agents = makeAgents(rng);
	const { formats, weights } = openFormats(outDir, options.out, options.formatShares ?? DEFAULT_FORMAT_SHARES);
	const ctx: StoryContext = {
		calendar,
		agents,
		formats,
		formatWeights: weights,
		customerCounters: new Map(),
		conversationCounter: { n: 0 }
	};

	const manifest = new ManifestWriter(outDir, ['questions', 'drafts', 'handoffs']);
	const truths = new SampleTruths(manifest, calendar);
	let written = 0;
	try {
		while (written < total) {
			const story = await writeStory(new Rng(rng.int(0, 0x7fffffff)), ctx, total - written);
			truths.addCustomer(story.known, story.vip, story.conversations.length);
			for (const c of story.conversations) await truths.record(c);
			written += story.conversations.length;
			options.onProgress?.(written, total);
		}
		for (const f of formats) await f.close();

		const articles = kbArticles(endIso);
		ensureFolder(path.join(outDir, 'canonical'));
		fs.writeFileSync(path.join(outDir, 'canonical', 'kb_articles.jsonl'), articles.map((a) => JSON.stringify(a)).join('\n') + '\n');

		await manifest.finish({
			generator: 'supportlens generate',
			seed,
			weeks,
			start: new Date(calendar.start).toISOString(),
			incident_week:
				calendar.incidentWeek >= 0
					? { week: SampleCalendar.weekOf(calendar.start + calendar.incidentWeek * 7 * DAY_MS), topic: INCIDENT_TOPIC }
					: null,
			end: new Date(calendar.end).toISOString(),
			...truths.manifestFields(written, articles.length)
		});
	} catch (error) {
		await manifest.abort();
		throw error;
	}
	return {
		outDir,
		conversations: written,
		bySource: truths.bySource,
		events: truths.events,
		kbArticles: kbArticles(endIso).length,
		expectedKpis: { ...truths.tally.values(), qualified_handoff_rate: null },
		files: listFiles(outDir)
	};
}

function listFiles(dir: string): string[] {
	const out: string[] = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (entry.isFile() && !entry.name.startsWith('.')) out.push(path.relative(dir, path.join(entry.parentPath, entry.name)));
	}
	return out.sort();
}
