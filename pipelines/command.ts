// What a CLI command is: a name, a one-line summary, usage text and a run function that
// gets parsed flags. Commands throw SupportLensError for anything the user can fix.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../src/lib/server/errors';

export interface Command {
	name: string;
	summary: string;
	usage: string;
	/** Returns the process exit code (0 unless said otherwise). */
	run(argv: string[]): Promise<number | void>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs with strict checking, turning its errors into one-line UsageErrors. */
export function parseFlags<O extends Options>(argv: string[], options: O, usage: string) {
	try {
		return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
	} catch (error) {
		const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
		throw new UsageError(`${message}\nusage: ${usage}`);
	}
}

/** Parses a non-negative integer flag or throws a UsageError naming it. */
export function intFlag(name: string, value: string | undefined, fallback: number): number {
	if (value === undefined) return fallback;
	if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number, got "${value}"`);
	return Number(value);
}
