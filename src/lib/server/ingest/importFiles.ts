// Imports help-desk export files into the warehouse: resolves paths, picks an adapter per
// file (auto-detected or forced), streams every record through validation, and merges.
import path from 'node:path';
import { UnknownFormatError, UsageError } from '../errors';
import type { Warehouse } from '../warehouse';
import { ADAPTERS, adapterFor } from './adapters';
import { canonicalAdapter } from './adapters/canonical';
import type { FastFile } from './fast/stageCanonicalFiles';
import { sliceBytesForMemory } from './fast/sliceBytesForMemory';
import { importInSlices } from './importInSlices';
import { detectFormat } from './detectFormat';
import type { ImportProgress } from './ImportProgress';
import { importRecords, type ImportOrigin, type ImportSummary, type RecordImportOptions } from './importRecords';
import { resolveInputFiles } from './resolveInputFiles';
import { FORMATS, type AdapterRecord, type CsvMapping, type FormatAdapter, type FormatName } from './types';

export interface ImportOptions {
	format?: FormatName | 'auto';
	aiAuthors?: string[];
	csvMapping?: CsvMapping;
	origin?: ImportOrigin;
	onProgress?: (progress: ImportProgress) => void;
	/** Names shown in quarantine reports instead of the on-disk path (uploads). */
	displayNames?: Record<string, string>;
	tmpDir?: string;
	/** A run already recorded as 'running' for this import (uploads record theirs before reading). */
	runId?: number;
	/**
	 * Worker threads for validation when the input is large (command line and bench; the
	 * dashboard imports in its own thread). 0 or absent: none.
	 */
	workers?: number;
	/** Runs inside the import's transaction after the merge (a sync stores its cursor there). */
	afterMerge?: RecordImportOptions['afterMerge'];
	recordEmptyRun?: boolean;
	/**
	 * False: files in our own format are read line by line and checked by zod in JS, as
	 * vendor formats are, instead of parsed and checked in bulk by DuckDB (the default). Both
	 * load and quarantine the same records; tests compare them.
	 */
	fastPath?: boolean;
	/**
	 * Files in our own format larger than this are imported in slices of whole lines, one
	 * transaction each (see importInSlices). Default: from DuckDB's memory limit (sliceBytesForMemory).
	 */
	sliceBytes?: number;
}

/**
 * DuckDB's memory limit for command-line imports unless SUPPORTLENS_DUCKDB_MEMORY says
 * otherwise: with DuckDB's default (80% of RAM) a 1 GB export's merge grows past 4 GB RSS;
 * capped, the parsed lines and the merge spill to the warehouse's temp folder instead.
 * DuckDB's threads stay at one per core, and insertion order is kept (the fast path numbers
 * lines by it). The process peaks some 400 MB above this (DuckDB's allocations outside its
 * buffers, Node and the language model): 448MB kept a 1M-line import near 850 MB where 512MB
 * reached 900-1,000 MB, for the same CPU time; 384MB ran out of memory.
 */
export const IMPORT_DUCKDB_MEMORY_LIMIT = '448MB';

/** Below this, starting workers costs more than it saves. */
const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;

export async function importFiles(warehouse: Warehouse, paths: string[], options: ImportOptions = {}): Promise<ImportSummary> {
	const format = options.format ?? 'auto';
	if (format !== 'auto' && !FORMATS.includes(format)) {
		throw new UsageError(`unknown format "${format}"; use one of auto, ${FORMATS.join(', ')}`);
	}
	const files = resolveInputFiles(paths);
	const groups = new Map<FormatAdapter, string[]>();
	const skipped: string[] = [];
	for (const file of files) {
		const adapter = format === 'auto' ? detectFormat(file.path) : adapterFor(format);
		if (!adapter) {
			if (file.named) {
				throw new UnknownFormatError(
					`cannot tell the format of ${file.path}: not ${FORMATS.join(', ')} as far as its first lines show; pass --format`
				);
			}
			skipped.push(file.path);
			continue;
		}
		groups.set(adapter, [...(groups.get(adapter) ?? []), file.path]);
	}
	if (groups.size === 0) {
		throw new UnknownFormatError(`no importable file in ${paths.join(', ')}: none is ${FORMATS.join(', ')}`);
	}

	let bytesRead = 0;
	const display = (file: string) => {
		if (options.displayNames?.[file]) return options.displayNames[file];
		const relative = path.relative(process.cwd(), file);
		return relative.startsWith('..') ? file : relative;
	};
	const readFiles = (adapter: FormatAdapter, adapterFiles: string[]) =>
		adapter.read(adapterFiles, {
			aiAuthors: options.aiAuthors ?? [],
			csvMapping: options.csvMapping,
			onBytes: (n) => {
				bytesRead += n;
			}
		});
	const bytesOf = new Map(files.map((f) => [f.path, f.bytes]));
	const fastFiles: FastFile[] =
		options.fastPath === false
			? []
			: (groups.get(canonicalAdapter) ?? []).map((p) => ({ path: p, display: display(p), bytes: bytesOf.get(p) ?? 0 }));
	async function* withDisplayNames(records: AsyncIterable<AdapterRecord>): AsyncGenerator<AdapterRecord> {
		for await (const record of records) {
			yield { ...record, location: { ...record.location, file: display(record.location.file) } } as AdapterRecord;
		}
	}
	async function* allRecords(): AsyncGenerator<AdapterRecord> {
		for (const [adapter, adapterFiles] of groups) {
			if (adapter === canonicalAdapter && fastFiles.length) continue;
			yield* withDisplayNames(readFiles(adapter, adapterFiles));
		}
	}

	const used = [...groups.entries()];
	const totalBytes = files.reduce((sum, f) => sum + f.bytes, 0);
	const lineByLineBytes = totalBytes - fastFiles.reduce((sum, f) => sum + f.bytes, 0);
	const startStager = async () =>
		options.workers && lineByLineBytes >= PARALLEL_MIN_BYTES
			? (await import('./parallel/WorkerStager')).WorkerStager.start(options.workers)
			: undefined;
	const readLineByLine = (fallback: FastFile[]) =>
		withDisplayNames(
			readFiles(
				canonicalAdapter,
				fallback.map((f) => f.path)
			)
		);

	// A sync's cursor must commit with its one transaction: it is never sliced (nor that large).
	const sliceBytes =
		options.afterMerge || fastFiles.length === 0
			? Infinity
			: (options.sliceBytes ?? (await warehouse.withConnection((db) => sliceBytesForMemory(db))));
	if (fastFiles.some((f) => f.bytes > sliceBytes)) {
		const otherFormats = used.filter(([adapter]) => adapter !== canonicalAdapter);
		const summary = await importInSlices(warehouse, {
			fastFiles,
			sliceBytes,
			totalBytes,
			readLineByLine,
			others: otherFormats.length
				? {
						files: otherFormats.flatMap(([, f]) => f.map(display)),
						formats: otherFormats.map(([a]) => a.format),
						records: allRecords(),
						bytesRead: () => bytesRead,
						startStager
					}
				: undefined,
			options: {
				origin: options.origin,
				onProgress: options.onProgress,
				tmpDir: options.tmpDir,
				runId: options.runId,
				recordEmptyRun: options.recordEmptyRun
			}
		});
		return { ...summary, files: used.flatMap(([, f]) => f.map(display)), skipped_files: skipped.map(display) };
	}

	const summary = await importRecords(warehouse, allRecords(), {
		origin: options.origin,
		files: used.flatMap(([, f]) => f.map(display)),
		formats: [...new Set(used.map(([a]) => a.format))],
		totalBytes,
		bytesRead: () => bytesRead,
		onProgress: options.onProgress,
		tmpDir: options.tmpDir,
		runId: options.runId,
		stager: await startStager(),
		afterMerge: options.afterMerge,
		recordEmptyRun: options.recordEmptyRun,
		fast: fastFiles.length ? { files: fastFiles, readLineByLine } : undefined
	});
	return { ...summary, skipped_files: skipped.map(display) };
}

export { ADAPTERS };
