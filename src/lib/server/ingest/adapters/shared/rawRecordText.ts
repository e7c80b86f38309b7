// The start of a record as JSON, kept with a quarantined record so the user can see what it
// held; bounded, because one broken record can be megabytes.
const RAW_LIMIT = 2000;

export function rawRecordText(value: unknown): string {
	try {
		return (JSON.stringify(value) ?? '').slice(0, RAW_LIMIT);
	} catch {
		return '';
	}
}
