// The import pipeline after the adapters: validates each record with the canonical zod
// schema, quarantines what fails (with file, line and reason), stages the rest on disk and
// merges it into the warehouse in one transaction.
import { createHash } from 'node:crypto';
import { conversationSchema, formatIssues, kbArticleSchema } from '../../schema';
import type { Warehouse } from '../warehouse';
import type { ImportProgress } from './ImportProgress';
import { flattenConversation, flattenKbArticle } from './flattenConversation';
import { mergeStaged, type MergeCounts } from './mergeStaged';
import { StagingFiles } from './StagingFiles';
import type { AdapterRecord, RecordLocation } from './types';

const RAW_LIMIT = 2000;
const PROGRESS_EVERY_MS = 250;

export interface ImportSummary extends MergeCounts {
	runId: number;
	files: string[];
	formats: string[];
	/** Files inside a given folder that no adapter recognised, passed over. */
	skipped_files: string[];
}

export interface RecordImportOptions {
	origin?: 'cli' | 'upload' | 'demo' | 'test' | 'bench';
	files?: string[];
	formats?: string[];
	totalBytes?: number;
	/** Bytes consumed so far, read by progress reports (adapters advance it). */
	bytesRead?: () => number;
	onProgress?: (progress: ImportProgress) => void;
	/** Folder for the staging files; the OS temp folder by default. */
	tmpDir?: string;
}

function rawText(record: AdapterRecord): string {
	if (record.kind === 'invalid') return record.raw ?? '';
	try {
		return JSON.stringify(record.value) ?? '';
	} catch {
		return String(record.value);
	}
}

function quarantineRow(location: RecordLocation, reason: string, raw: string) {
	return {
		file: location.file,
		line: location.line ?? null,
		record: location.record ?? null,
		reason,
		raw: raw.slice(0, RAW_LIMIT),
		raw_hash: createHash('sha1').update(raw).digest('hex')
	};
}

export async function importRecords(
	warehouse: Warehouse,
	records: AsyncIterable<AdapterRecord> | Iterable<AdapterRecord>,
	options: RecordImportOptions = {}
): Promise<ImportSummary> {
	const startedAt = new Date();
	const started = performance.now();
	const staging = StagingFiles.create(options.tmpDir);
	let count = 0;
	let ord = 0;
	let lastReport = 0;
	const report = (phase: ImportProgress['phase']) =>
		options.onProgress?.({
			phase,
			records: count,
			quarantined: staging.counts.quarantine,
			bytesRead: options.bytesRead?.() ?? 0,
			totalBytes: options.totalBytes ?? 0,
			elapsedMs: performance.now() - started
		});
	try {
		for await (const record of records) {
			count++;
			if (record.kind === 'invalid') {
				staging.add('quarantine', quarantineRow(record.location, record.reason, rawText(record)));
			} else if (record.kind === 'conversation') {
				const parsed = conversationSchema.safeParse(record.value);
				if (parsed.success) {
					const { row, events } = flattenConversation(parsed.data, ord++);
					staging.add('conversations', row);
					for (const event of events) staging.add('events', event);
				} else {
					staging.add('quarantine', quarantineRow(record.location, formatIssues(parsed.error), rawText(record)));
				}
			} else {
				const parsed = kbArticleSchema.safeParse(record.value);
				if (parsed.success) staging.add('kb_articles', flattenKbArticle(parsed.data, ord++));
				else staging.add('quarantine', quarantineRow(record.location, formatIssues(parsed.error), rawText(record)));
			}
			if ((count & 511) === 0) {
				await staging.flushIfFull();
				const now = performance.now();
				if (now - lastReport > PROGRESS_EVERY_MS) {
					lastReport = now;
					report('reading');
				}
			}
		}
		await staging.finish();
		report('loading');
		const counts = await warehouse.withConnection((db) =>
			mergeStaged(db, staging, {
				origin: options.origin ?? 'cli',
				files: options.files ?? [],
				formats: options.formats ?? [],
				startedAt
			})
		);
		report('done');
		return { ...counts, files: options.files ?? [], formats: options.formats ?? [], skipped_files: [] };
	} finally {
		staging.remove();
	}
}
