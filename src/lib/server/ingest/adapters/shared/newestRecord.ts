// Picks the newest of several copies of one record (an incremental export repeats a record that
// changed while it ran): the latest time wins, and on a tie (or no time) the one read last.
export function newestRecord<T>(items: T[], time: (item: T) => string | null | undefined): T | undefined {
	let newest: T | undefined;
	for (const item of items) if (newest === undefined || (time(item) ?? '') >= (time(newest) ?? '')) newest = item;
	return newest;
}
