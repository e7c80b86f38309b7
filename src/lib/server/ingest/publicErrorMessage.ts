// An import failure as one line a user may see: the uploaded file's own name in place of its
// server path, and no other server path (temp folders, the warehouse) at all — the basename
// is kept so the line still says which file.
import { SupportLensError } from '../errors';

/** Absolute POSIX or Windows paths, up to a quote, space or line end. */
const ABSOLUTE_PATH = /(?:[A-Za-z]:\\|\/)(?:[^\s'"`()\\/]+[\\/])+[^\s'"`(),;:]*/g;

export function hidePaths(message: string, displayNames: Record<string, string> = {}): string {
	let out = message;
	for (const [file, name] of Object.entries(displayNames)) out = out.split(file).join(name);
	return out.replace(ABSOLUTE_PATH, (p) => p.split(/[\\/]/).filter(Boolean).pop() ?? 'a file');
}

/** A SupportLensError's own line, or "the import stopped unexpectedly: …" for anything else. */
export function publicErrorMessage(error: unknown, displayNames: Record<string, string> = {}): string {
	if (error instanceof SupportLensError) return hidePaths(error.message, displayNames);
	const first = error instanceof Error ? error.message.split('\n')[0] : String(error);
	return `the import stopped unexpectedly: ${hidePaths(first, displayNames)}`;
}
