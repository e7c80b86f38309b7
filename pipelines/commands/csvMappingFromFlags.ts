// Turns repeated `--map field=Header` flags into the CSV adapter's column mapping. The CSV
// adapter owns the parsing rules (known fields) and their one-line UsageErrors; any other
// failure is a real error and surfaces as one.
import type { CsvMapping } from '../../src/lib/server/ingest';
import { parseCsvMapping } from '../../src/lib/server/ingest/adapters/csv';

export function csvMappingFromFlags(flags: string[]): CsvMapping | undefined {
	return flags.length === 0 ? undefined : parseCsvMapping(flags);
}
