// Turns repeated `--map field=Header` flags into the CSV adapter's column mapping. The CSV
// adapter owns the parsing rules (known fields); this only bridges to it when it exists.
import type { CsvMapping } from '../../src/lib/server/ingest';
import { UsageError } from '../../src/lib/server/errors';

export async function csvMappingFromFlags(flags: string[]): Promise<CsvMapping | undefined> {
	if (flags.length === 0) return undefined;
	const csv = await import('../../src/lib/server/ingest/adapters/csv').catch(() => null);
	if (!csv?.parseCsvMapping) throw new UsageError('--map needs the CSV adapter, which this build lacks');
	return csv.parseCsvMapping(flags);
}
