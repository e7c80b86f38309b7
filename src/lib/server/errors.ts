// The typed error hierarchy. Anything a user can cause (bad path, unknown format, busy
// warehouse) is a SupportLensError whose message is one readable line. Each carries what both
// front ends need, so neither rewrites the message: the CLI prints it and exits with
// `exitCode`; the server answers with `httpStatus` (http/withUserErrors.ts) and, for bad input, the
// `field` (query parameter or form field) at fault.

export interface SupportLensErrorOptions {
	cause?: unknown;
	/** The input at fault, named as the URL parameter / option (without `--`). */
	field?: string;
}

export class SupportLensError extends Error {
	readonly exitCode: number = 1;
	/** The HTTP status a route answers with: bad input unless a subclass says otherwise. */
	readonly httpStatus: number = 400;
	readonly field?: string;
	constructor(message: string, options: SupportLensErrorOptions = {}) {
		super(message, options.cause === undefined ? undefined : { cause: options.cause });
		this.name = new.target.name;
		if (options.field !== undefined) this.field = options.field;
	}
}

/** A usage mistake: unknown option or parameter, bad value. */
export class UsageError extends SupportLensError {}

/** The thing asked for (a conversation, an upload job, a gap) does not exist. */
export class NotFoundError extends SupportLensError {
	override readonly httpStatus = 404;
}

/** The warehouse file can't be opened: missing folder, not a DuckDB file, no such file for a read. */
export class WarehouseOpenError extends SupportLensError {
	override readonly httpStatus = 503;
}

/**
 * Another process (usually the running dashboard) holds DuckDB's write lock on the file. The CLI
 * words it for the command at hand in one place (pipelines/explainBusyWarehouse.ts).
 */
export class WarehouseBusyError extends SupportLensError {
	override readonly httpStatus = 503;
	constructor(
		readonly dbPath: string,
		readonly holder: string
	) {
		super(`the warehouse ${dbPath} is in use by ${holder}; wait for it to finish or stop it, then run this again`);
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
