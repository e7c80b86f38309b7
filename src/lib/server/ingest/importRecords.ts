// The import pipeline after the adapters: validates each record with the canonical zod
// schema, quarantines what fails (with file, line and reason), stages the rest on disk and
// merges it into the warehouse in one transaction.
import type { Warehouse, WarehouseConnection } from '../warehouse';
import { beginImportRun, failImportRun } from './importRunLog';
import type { ImportProgress } from './ImportProgress';
import type { ImportSummary } from '../../imports/types';
import { mergeStaged } from './mergeStaged';
import { publicErrorMessage } from './publicErrorMessage';
import { inlineStager, type RecordStager } from './RecordStager';
import type { StagedRecord } from './stageRecord';
import { StagingFiles } from './StagingFiles';
import type { AdapterRecord } from './types';
import { FastStaging, type FastFile } from './fast/stageCanonicalFiles';

const BATCH_SIZE = 256;
const PROGRESS_EVERY_MS = 250;

export type { ImportSummary };

export type ImportOrigin = 'cli' | 'upload' | 'demo' | 'test' | 'bench' | 'sync';

export interface RecordImportOptions {
	origin?: ImportOrigin;
	files?: string[];
	formats?: string[];
	totalBytes?: number;
	/** Bytes consumed so far, read by progress reports (adapters advance it). */
	bytesRead?: () => number;
	onProgress?: (progress: ImportProgress) => void;
	/** Folder for the staging files; the OS temp folder by default. */
	tmpDir?: string;
	/** Where records are validated and flattened; in this thread by default. Closed when staging ends. */
	stager?: RecordStager;
	/** A run already recorded as 'running' (an upload records its own first); else one is recorded here. */
	runId?: number;
	/** Runs inside the import's transaction after the merge (a sync stores its cursor there); runId null when no run was recorded. */
	afterMerge?: (tx: WarehouseConnection, runId: number | null) => Promise<void>;
	/** False: an import that changed nothing records no import run (repeated syncs). */
	recordEmptyRun?: boolean;
	/**
	 * Files in our own JSON Lines format that DuckDB stages in bulk (the fast path), and how to
	 * read one line by line instead when DuckDB cannot read it as lines of UTF-8.
	 */
	fast?: { files: FastFile[]; readLineByLine: (files: FastFile[]) => AsyncIterable<AdapterRecord> };
	/** One transaction of several (importInSlices): deferrable derived tables are refreshed after the last. */
	deferRefresh?: boolean;
	/** Copies of conversations left out of the records because a later slice's copy supersedes them (counted as skipped). */
	superseded?: number;
}

export async function importRecords(
	warehouse: Warehouse,
	records: AsyncIterable<AdapterRecord> | Iterable<AdapterRecord>,
	options: RecordImportOptions = {}
): Promise<ImportSummary> {
	const started = performance.now();
	const runId =
		options.runId ??
		(await beginImportRun(warehouse, { origin: options.origin ?? 'cli', files: options.files ?? [], formats: options.formats }));
	let staging: StagingFiles;
	try {
		staging = StagingFiles.create(options.tmpDir);
	} catch (error) {
		await failImportRun(warehouse, runId, publicErrorMessage(error));
		throw error;
	}
	let count = 0;
	let ord = 0;
	let lastReport = 0;
	let fastBytes = 0;
	const report = (phase: ImportProgress['phase']) =>
		options.onProgress?.({
			phase,
			records: count,
			quarantined: staging.counts.quarantine,
			bytesRead: fastBytes + (options.bytesRead?.() ?? 0),
			totalBytes: options.totalBytes ?? 0,
			elapsedMs: performance.now() - started
		});
	const stager = options.stager ?? inlineStager;
	const inFlight: Promise<StagedRecord[]>[] = [];
	let batch: AdapterRecord[] = [];
	const write = async (staged: StagedRecord[]) => {
		for (const r of staged) {
			if (r.quarantine) staging.addLine('quarantine', r.quarantine);
			if (r.conversation) staging.addLine('conversations', r.conversation);
			if (r.events) for (const line of r.events) staging.addLine('events', line);
			if (r.kb_article) staging.addLine('kb_articles', r.kb_article);
			if (r.rating) staging.addLine('ratings', r.rating);
		}
		await staging.flushIfFull();
		const now = performance.now();
		if (now - lastReport > PROGRESS_EVERY_MS) {
			lastReport = now;
			report('reading');
		}
	};
	const submit = async () => {
		// Validating in this thread: let waiting I/O (the dashboard's requests) in between batches.
		if (!options.stager) await new Promise((resolve) => setImmediate(resolve));
		inFlight.push(stager.stage(batch, ord));
		ord += batch.length;
		batch = [];
		while (inFlight.length > stager.maxInFlight) await write(await inFlight.shift()!);
	};
	const take = async (record: AdapterRecord) => {
		count++;
		batch.push(record);
		if (batch.length === BATCH_SIZE) await submit();
	};
	const fast = options.fast;
	try {
		// One connection throughout: the fast path's temp tables live on it until the merge.
		const counts = await warehouse.withConnection(async (db) => {
			const lineByLine: FastFile[] = [];
			const fastStaging = new FastStaging();
			if (fast) {
				for (const file of fast.files) {
					const lines = await fastStaging.stageFile(db, file, ord, write);
					if (lines === null) {
						lineByLine.push(file);
						continue;
					}
					ord += lines + 1;
					count += lines;
					fastBytes += file.bytes;
					report('reading');
				}
			}
			for await (const record of records) await take(record);
			if (lineByLine.length) for await (const record of fast!.readLineByLine(lineByLine)) await take(record);
			if (batch.length) await submit();
			while (inFlight.length) await write(await inFlight.shift()!);
			// Workers' heaps are freed before DuckDB's merge needs its memory.
			await stager.close();
			await staging.finish();
			report('loading');
			return mergeStaged(db, staging, {
				runId,
				files: options.files ?? [],
				formats: options.formats ?? [],
				afterMerge: options.afterMerge,
				recordEmptyRun: options.recordEmptyRun,
				fast: fastStaging,
				deferRefresh: options.deferRefresh,
				superseded: options.superseded
			});
		});
		report('done');
		return { ...counts, files: options.files ?? [], formats: options.formats ?? [], skipped_files: [] };
	} catch (error) {
		await failImportRun(warehouse, runId, publicErrorMessage(error)).catch(() => {});
		throw error;
	} finally {
		await Promise.allSettled(inFlight);
		await stager.close();
		staging.remove();
	}
}
