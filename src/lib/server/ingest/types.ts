// The contract between the import pipeline and the per-format adapters. An adapter turns a
// vendor export into canonical-shaped plain objects; the pipeline validates them with the
// zod schema, quarantines what fails, and loads the rest.

export const FORMATS = ['canonical', 'zendesk', 'intercom', 'freshdesk', 'helpscout', 'csv'] as const;
export type FormatName = (typeof FORMATS)[number];

/** Where a record came from, for quarantine reports: "file.jsonl:17" or "file.json ticket 123". */
export interface RecordLocation {
	file: string;
	/** 1-based line number, when the format is line-oriented. */
	line?: number;
	/** Record index or vendor id, when there is no useful line (one big JSON document). */
	record?: string;
}

export type AdapterRecord =
	| { kind: 'conversation'; location: RecordLocation; value: unknown }
	| { kind: 'kb_article'; location: RecordLocation; value: unknown }
	/**
	 * A satisfaction rating met apart from its conversation (a ratings page whose ticket is not
	 * in the files): kept in the warehouse and applied to the conversation whenever it is there.
	 */
	| { kind: 'rating'; location: RecordLocation; source: string; conversation_id: string; rated_at?: string; csat: unknown }
	| { kind: 'invalid'; location: RecordLocation; reason: string; raw?: string }
	/** A line of our own JSON Lines format, parsed where it is staged (possibly in a worker). */
	| { kind: 'canonical_line'; location: RecordLocation; text: string };

/** Column mapping for the CSV adapter: canonical field → CSV header. */
export type CsvMapping = Record<string, string>;

export interface AdapterOptions {
	/** Zendesk/Intercom user ids or emails whose comments are the AI's. */
	aiAuthors: string[];
	/** CSV column mapping given on the command line; merged over the adapter's defaults. */
	csvMapping?: CsvMapping;
	/** Called with the number of bytes consumed since the last call, for progress and ETA. */
	onBytes: (bytes: number) => void;
}

/** The first bytes of a file, for format detection. */
export interface FileSample {
	path: string;
	/** Up to the first 64 KiB, decoded as UTF-8 (lossy). */
	head: string;
}

export interface FormatAdapter {
	readonly format: FormatName;
	/** True when the sample looks like this format. Must be cheap and never throw. */
	detect(sample: FileSample): boolean;
	/**
	 * Streams records from all files of this format in one import. Files come together
	 * because some formats split one conversation over several files (Zendesk tickets and
	 * audits). Must not read a whole large file into memory when the format allows streaming.
	 */
	read(files: string[], options: AdapterOptions): AsyncIterable<AdapterRecord>;
}
