// What a sync has fetched so far, on disk beside the warehouse (`<db>.sync/<vendor>/`): one
// JSON Lines file per API stream holding the vendor's response bodies exactly as received,
// and `state.json` with each stream's cursor and file length after its last complete page.
// A sync killed mid-fetch resumes from those cursors (anything written after the last state
// save is cut off and fetched again); the files are handed to the vendor's file adapter once
// every stream is done, and removed only after the import committed.
import fs from 'node:fs';
import path from 'node:path';

interface StreamState {
	cursor: unknown;
	done: boolean;
	bytes: number;
	/** API objects written (tickets, conversations…), for progress and "nothing changed". */
	records: number;
	/** False for side-loads (users, groups…) that alone give the import nothing to load. */
	primary: boolean;
	/** Where the next sync should start this stream, set when it finishes. */
	next?: unknown;
}

interface StagingState {
	version: 1;
	vendor: string;
	/** When this sync began fetching: the "changed since" of streams without a server cursor. */
	startedAt: string;
	/** The --since the sync was started with, if any (a resumed sync keeps it). */
	since: string | null;
	complete: boolean;
	streams: Record<string, StreamState>;
}

const STATE_FILE = 'state.json';

export class SyncStaging {
	private constructor(
		readonly dir: string,
		private state: StagingState,
		/** True when this continues a sync that was interrupted. */
		readonly resumed: boolean
	) {}

	/** Where a warehouse keeps its syncs' staging folders. */
	static rootFor(dbPath: string): string {
		return `${dbPath}.sync`;
	}

	/**
	 * Opens the vendor's staging folder: continues an interrupted sync when one is there
	 * (unless `fresh`), else starts an empty one.
	 */
	static open(root: string, vendor: string, since: Date | undefined, fresh = false): SyncStaging {
		const dir = path.join(root, vendor);
		const stateFile = path.join(dir, STATE_FILE);
		if (!fresh && fs.existsSync(stateFile)) {
			try {
				const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as StagingState;
				if (state.version === 1 && state.vendor === vendor) {
					const staging = new SyncStaging(dir, state, true);
					staging.cutToSavedLengths();
					return staging;
				}
			} catch {
				// A state file cut short by a crash: start over (nothing was imported from it).
			}
		}
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		const staging = new SyncStaging(
			dir,
			{ version: 1, vendor, startedAt: new Date().toISOString(), since: since?.toISOString() ?? null, complete: false, streams: {} },
			false
		);
		staging.save();
		return staging;
	}

	get startedAt(): Date {
		return new Date(this.state.startedAt);
	}

	get since(): Date | undefined {
		return this.state.since ? new Date(this.state.since) : undefined;
	}

	get complete(): boolean {
		return this.state.complete;
	}

	stream(name: string, options: { primary: boolean }): SyncStream {
		this.state.streams[name] ??= { cursor: undefined, done: false, bytes: 0, records: 0, primary: options.primary };
		return new SyncStream(this, name);
	}

	/** @internal */
	streamState(name: string): StreamState {
		return this.state.streams[name];
	}

	/** @internal Appends one response body as a line; saved lengths move only on `save`. */
	appendLine(name: string, body: unknown, records: number): void {
		const s = this.state.streams[name];
		const line = JSON.stringify(body) + '\n';
		fs.appendFileSync(this.file(name), line);
		s.bytes += Buffer.byteLength(line);
		s.records += records;
	}

	file(name: string): string {
		return path.join(this.dir, `${name}.jsonl`);
	}

	/** Records fetched so far over every stream (a resumed sync starts from what it had). */
	get records(): number {
		return Object.values(this.state.streams).reduce((n, s) => n + s.records, 0);
	}

	/** True when nothing at all was staged yet (a sync that failed on its first call). */
	get empty(): boolean {
		return Object.values(this.state.streams).every((s) => s.bytes === 0);
	}

	/** True when some primary stream fetched something: otherwise there is nothing to import. */
	get hasRecords(): boolean {
		return Object.values(this.state.streams).some((s) => s.primary && s.records > 0);
	}

	/** Streams' files in the order written, non-empty only. */
	files(): { stream: string; file: string }[] {
		return Object.entries(this.state.streams)
			.filter(([, s]) => s.bytes > 0)
			.map(([name]) => ({ stream: name, file: this.file(name) }));
	}

	/** Where each stream should start next time, to store with the import. */
	nextCursors(): Record<string, unknown> {
		return Object.fromEntries(
			Object.entries(this.state.streams)
				.filter(([, s]) => s.next !== undefined)
				.map(([n, s]) => [n, s.next])
		);
	}

	markComplete(): void {
		this.state.complete = true;
		this.save();
	}

	remove(): void {
		fs.rmSync(this.dir, { recursive: true, force: true });
	}

	/** Writes state.json atomically (a kill leaves the old or the new one, never half). */
	save(): void {
		const file = path.join(this.dir, STATE_FILE);
		fs.writeFileSync(`${file}.tmp`, JSON.stringify(this.state));
		fs.renameSync(`${file}.tmp`, file);
	}

	/** Drops whatever was appended after the last saved state: it is fetched again. */
	private cutToSavedLengths(): void {
		for (const [name, s] of Object.entries(this.state.streams)) {
			const file = this.file(name);
			const size = fs.existsSync(file) ? fs.statSync(file).size : 0;
			if (size > s.bytes) fs.truncateSync(file, s.bytes);
			else if (size < s.bytes) {
				// The file lost bytes the state counted (should not happen): refetch the stream.
				fs.rmSync(file, { force: true });
				this.state.streams[name] = { cursor: undefined, done: false, bytes: 0, records: 0, primary: s.primary };
			}
		}
		this.save();
	}
}

/** One API stream of a sync: its resume cursor, and appending pages with the cursor after them. */
export class SyncStream {
	constructor(
		private readonly staging: SyncStaging,
		readonly name: string
	) {}

	/** Where to continue after the last saved page, or undefined to start afresh. */
	get cursor(): unknown {
		return this.staging.streamState(this.name).cursor;
	}

	get done(): boolean {
		return this.staging.streamState(this.name).done;
	}

	/**
	 * Appends a page and saves the state with `cursor` (what to fetch next): the page and
	 * everything appended before it (e.g. the audits of its tickets) are then kept on a resume.
	 */
	page(body: unknown, records: number, cursor: unknown): void {
		this.staging.appendLine(this.name, body, records);
		this.staging.streamState(this.name).cursor = cursor;
		this.staging.save();
	}

	/**
	 * Appends a body without saving: it is kept once this or another stream saves (`page` or
	 * `checkpoint`), and cut off on a resume if the sync died before that.
	 */
	add(body: unknown, records: number): void {
		this.staging.appendLine(this.name, body, records);
	}

	/** Saves the state with `cursor` as where to continue: everything added so far is kept. */
	checkpoint(cursor: unknown): void {
		this.staging.streamState(this.name).cursor = cursor;
		this.staging.save();
	}

	/** The stream is fetched; `next` is where the next sync starts it. */
	finish(next?: unknown): void {
		const s = this.staging.streamState(this.name);
		s.done = true;
		s.next = next;
		this.staging.save();
	}
}
