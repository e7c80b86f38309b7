import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/lib/server/errors';
import { csvMappingFromFlags } from './csvMappingFromFlags';

describe('csvMappingFromFlags', () => {
	it('is no mapping without --map flags, and the mapping of the ones given', () => {
		expect(csvMappingFromFlags([])).toBeUndefined();
		expect(csvMappingFromFlags(['conversation_id=Ticket ID'])).toEqual({ conversation_id: 'Ticket ID' });
	});

	it("passes the adapter's own reason through instead of blaming a missing adapter", () => {
		expect(() => csvMappingFromFlags(['colour=Paint'])).toThrow(UsageError);
		expect(() => csvMappingFromFlags(['colour=Paint'])).toThrow(/unknown field "colour"/);
		expect(() => csvMappingFromFlags(['colour=Paint'])).not.toThrow(/lacks/);
	});
});
