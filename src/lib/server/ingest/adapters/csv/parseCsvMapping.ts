// Turns repeated `--map field=Header` flags into the CSV adapter's column mapping, refusing
// a field the adapter doesn't know with a one-line UsageError that names it.
import { UsageError } from '../../../errors';
import type { CsvMapping } from '../../types';
import { CSV_FIELDS } from './csvFields';

export function parseCsvMapping(flags: string[]): CsvMapping {
	const mapping: CsvMapping = {};
	for (const flag of flags) {
		const eq = flag.indexOf('=');
		const field = (eq === -1 ? flag : flag.slice(0, eq)).trim();
		const header = eq === -1 ? '' : flag.slice(eq + 1).trim();
		if (eq === -1 || !field || !header)
			throw new UsageError(`--map "${flag}": write it as field=Header, e.g. --map conversation_id="Ticket ID"`);
		if (!(CSV_FIELDS as readonly string[]).includes(field)) {
			throw new UsageError(`--map ${flag}: unknown field "${field}"; known fields: ${CSV_FIELDS.join(', ')}`);
		}
		mapping[field] = header;
	}
	return mapping;
}
