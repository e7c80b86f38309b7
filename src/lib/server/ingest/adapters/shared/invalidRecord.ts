// The record an adapter yields for input it cannot read: where, why, and what it held.
import type { AdapterRecord, RecordLocation } from '../../types';

export const invalidRecord = (location: RecordLocation, reason: string, raw?: string): AdapterRecord => ({
	kind: 'invalid',
	location,
	reason,
	raw
});
