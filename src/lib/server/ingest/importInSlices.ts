// An import with a file in our own format too large to parse and merge at once in DuckDB's
// memory: such a file goes in slices of whole lines (sliceCanonicalFile), each staged by the
// fast path and merged in its own transaction, in file order; smaller files of our format go
// together, and vendor formats last, as in a one-transaction import. Each transaction records
// its own import run (the slice's lines in its file list). Each conversation's winning copy
// among the files is picked first (supersededLines), as one transaction's merge picks it; the
// others are left out and counted as skipped, so the warehouse and the counts are what one
// transaction would have left, and a re-import changes nothing. A crash leaves the slices committed
// before it (and their runs) in place and the running one rolled back; importing the same
// files again skips what is already there and loads the rest. The KPI rollup is rebuilt once,
// after the last transaction: until then its weeks stay marked dirty, so KPI queries read
// conversation_facts (exact, slower), also after a crash, until the next import rebuilds it.
import type { ImportSummary } from '../../imports/types';
import { DERIVED_REFRESHERS } from '../derivedTables';
import type { Warehouse } from '../warehouse';
import { sliceCanonicalFile } from './fast/sliceCanonicalFile';
import { supersededLines } from './fast/supersededLines';
import type { FastFile } from './fast/stageCanonicalFiles';
import type { ImportProgress } from './ImportProgress';
import { importRecords, type RecordImportOptions } from './importRecords';
import { makeOwnedTempDir } from './ownedTempDirs';
import type { RecordStager } from './RecordStager';
import type { AdapterRecord } from './types';
import fs from 'node:fs';
import os from 'node:os';

export interface SlicedImport {
	/** Files in our own format, in the import's order. */
	fastFiles: FastFile[];
	/** Files larger than this are sliced; smaller ones next to each other go in one transaction. */
	sliceBytes: number;
	totalBytes: number;
	/** Reads files DuckDB cannot read as lines of UTF-8 line by line (their records named by path). */
	readLineByLine: (files: FastFile[]) => AsyncIterable<AdapterRecord>;
	/** Records of the other formats, imported last in one transaction. */
	others?: {
		files: string[];
		formats: string[];
		records: AsyncIterable<AdapterRecord>;
		bytesRead: () => number;
		startStager: () => Promise<RecordStager | undefined>;
	};
	options: Pick<RecordImportOptions, 'origin' | 'onProgress' | 'tmpDir' | 'runId' | 'recordEmptyRun'>;
}

const COUNTS = [
	'loaded',
	'updated',
	'unchanged',
	'skipped_older',
	'kb_loaded',
	'kb_updated',
	'kb_unchanged',
	'ratings_read',
	'ratings_applied',
	'quarantined'
] as const;

async function* noRecords(): AsyncGenerator<AdapterRecord> {}

/** Runs the slices' and groups' transactions one after another; returns their summed counts (runId: the first run's). */
export async function importInSlices(warehouse: Warehouse, plan: SlicedImport): Promise<ImportSummary> {
	const { options } = plan;
	const started = performance.now();
	let doneRecords = 0;
	let doneBytes = 0;
	let partRecords = 0;
	let partBytes = 0;
	let doneQuarantined = 0;
	// One progress for the whole import: each transaction's counts continue the previous ones'.
	const onProgress = (p: ImportProgress) => {
		partRecords = p.records;
		partBytes = p.bytesRead;
		options.onProgress?.({
			...p,
			phase: p.phase === 'done' ? 'reading' : p.phase,
			records: doneRecords + p.records,
			quarantined: doneQuarantined + p.quarantined,
			bytesRead: doneBytes + p.bytesRead,
			totalBytes: plan.totalBytes,
			elapsedMs: performance.now() - started
		});
	};
	const total = Object.fromEntries(COUNTS.map((k) => [k, 0])) as Record<(typeof COUNTS)[number], number>;
	const formats = new Set<string>();
	let runId: number | undefined;
	const run = async (
		records: AsyncIterable<AdapterRecord>,
		part: Pick<RecordImportOptions, 'files' | 'formats' | 'fast' | 'bytesRead' | 'stager' | 'superseded'>
	) => {
		partRecords = 0;
		partBytes = 0;
		const summary = await importRecords(warehouse, records, {
			...part,
			origin: options.origin,
			tmpDir: options.tmpDir,
			recordEmptyRun: options.recordEmptyRun,
			// Derived tables readers can see are stale (the KPI rollup) are refreshed once, after the last transaction.
			deferRefresh: true,
			// An upload recorded its run before reading: the first transaction completes it.
			runId: runId === undefined ? options.runId : undefined,
			onProgress
		});
		runId ??= summary.runId;
		for (const k of COUNTS) total[k] += summary[k];
		for (const f of summary.formats) formats.add(f);
		doneRecords += partRecords;
		doneBytes += partBytes;
		doneQuarantined += summary.quarantined;
	};

	let group: FastFile[] = [];
	const flushGroup = async () => {
		if (!group.length) return;
		const files = group;
		group = [];
		await run(noRecords(), {
			files: files.map((f) => f.display),
			formats: ['canonical'],
			fast: { files, readLineByLine: plan.readLineByLine }
		});
	};
	const sliceDir = makeOwnedTempDir('slices', options.tmpDir ?? os.tmpdir());
	try {
		// Each key's winning copy among the files is known before the first transaction: the others are
		// left out (written as blank lines), conversations counted as skipped, as one transaction's merge does.
		const supersededPerFile = await warehouse.withConnection((db) =>
			supersededLines(
				db,
				plan.fastFiles.map((f) => f.path)
			)
		);
		for (const [index, file] of plan.fastFiles.entries()) {
			const superseded = supersededPerFile.lines[index];
			const skipped = supersededPerFile.conversations[index];
			// A small file with lines left out goes through the slicer too (as one slice).
			if (file.bytes <= plan.sliceBytes && superseded.length === 0) {
				group.push(file);
				continue;
			}
			await flushGroup();
			let next = 0;
			// Slices of equal size: no small last slice paying a whole transaction's fixed costs.
			const sliceBytes = Math.ceil(file.bytes / Math.ceil(file.bytes / plan.sliceBytes));
			for await (const slice of sliceCanonicalFile(file.path, sliceDir, sliceBytes, superseded)) {
				const part: FastFile = { path: slice.path, display: file.display, bytes: slice.bytes, firstLine: slice.firstLine };
				const lines = `lines ${(slice.firstLine + 1).toLocaleString('en')}–${(slice.firstLine + slice.lines).toLocaleString('en')}`;
				const first = next;
				while (next < skipped.length && skipped[next] <= slice.firstLine + slice.lines) next++;
				await run(noRecords(), {
					files: [`${file.display} (${lines})`],
					formats: ['canonical'],
					fast: { files: [part], readLineByLine: (fallback) => renumbered(plan.readLineByLine(fallback), part) },
					superseded: next - first
				});
			}
		}
		await flushGroup();
		if (plan.others) {
			const { records, files, formats: otherFormats, bytesRead, startStager } = plan.others;
			await run(records, { files, formats: otherFormats, bytesRead, stager: await startStager() });
		}
		await warehouse.withConnection((db) =>
			db.transaction(async (tx) => {
				for (const refresher of DERIVED_REFRESHERS) if (refresher.deferrable) await refresher.refresh(tx, null);
			})
		);
	} finally {
		fs.rmSync(sliceDir, { recursive: true, force: true });
	}
	options.onProgress?.({
		phase: 'done',
		records: doneRecords,
		quarantined: total.quarantined,
		bytesRead: doneBytes,
		totalBytes: plan.totalBytes,
		elapsedMs: performance.now() - started
	});
	return { ...total, runId: runId!, files: [], formats: [...formats], skipped_files: [] };
}

/** A slice read line by line: its records named by the whole file and their line there. */
async function* renumbered(records: AsyncIterable<AdapterRecord>, slice: FastFile): AsyncGenerator<AdapterRecord> {
	const firstLine = slice.firstLine ?? 0;
	for await (const record of records) {
		const { line } = record.location;
		yield {
			...record,
			location: { ...record.location, file: slice.display, line: line === undefined ? undefined : firstLine + line }
		} as AdapterRecord;
	}
}
