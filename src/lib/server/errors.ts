// The typed error hierarchy. Anything a user can cause (bad path, unknown format, busy
// warehouse) is a SupportLensError whose message is one readable line; the CLI prints that
// line and exits with `exitCode`, the server turns it into an HTTP error.

export class SupportLensError extends Error {
	readonly exitCode: number = 1;
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = new.target.name;
	}
}

/** A command-line usage mistake: unknown option, bad value. */
export class UsageError extends SupportLensError {}

/** The warehouse file can't be opened: missing folder, not a DuckDB file, no such file for a read. */
export class WarehouseOpenError extends SupportLensError {}

/** Another process (usually the running dashboard) holds DuckDB's write lock on the file. */
export class WarehouseBusyError extends SupportLensError {
	constructor(
		readonly dbPath: string,
		readonly holder: string
	) {
		super(
			`the warehouse ${dbPath} is in use by ${holder}; import through the running dashboard (Imports page) or stop it, then run this again`
		);
	}
}

/** An input file that can't be read at all (missing, a directory with nothing in it, no permission). */
export class UnreadableFileError extends SupportLensError {}

/** A file whose format no adapter recognises, or that doesn't match the --format asked for. */
export class UnknownFormatError extends SupportLensError {}

/** `--strict` import that quarantined records. */
export class StrictImportError extends SupportLensError {
	override readonly exitCode = 2;
}

/** A vendor sync that is not configured: a missing or malformed environment variable. */
export class SyncConfigError extends SupportLensError {}

/** The vendor refused the credentials (401/403). The message names the variables, never their values. */
export class SyncAuthError extends SupportLensError {}

/** The vendor's API can't be reached or doesn't exist there: unknown host, 404 on the first call, retries used up. */
export class SyncEndpointError extends SupportLensError {}
