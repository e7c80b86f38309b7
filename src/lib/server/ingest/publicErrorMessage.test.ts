import { describe, expect, it } from 'vitest';
import { UnknownFormatError } from '../errors';
import { hidePaths, publicErrorMessage } from './publicErrorMessage';

describe('publicErrorMessage', () => {
	it('shows the uploaded name for its server path and only the basename of any other path', () => {
		const error = new Error(
			`Invalid Input Error: "maximum_object_size" of 16777216 bytes exceeded while reading file "/tmp/supportlens-import-p12-Ab3/events.jsonl" (>33554432 bytes)\n at line 2`
		);
		const message = publicErrorMessage(error);
		expect(message).toBe(
			'the import stopped unexpectedly: Invalid Input Error: "maximum_object_size" of 16777216 bytes exceeded while reading file "events.jsonl" (>33554432 bytes)'
		);
		expect(
			publicErrorMessage(new UnknownFormatError('cannot tell the format of /srv/up/u1/0/export.txt: nope'), {
				'/srv/up/u1/0/export.txt': 'export.txt (2)'
			})
		).toBe('cannot tell the format of export.txt (2): nope');
	});
	it('leaves text without paths alone, including dates and fractions', () => {
		expect(hidePaths('line 3: 1/2 of 2026-11-26 is bad')).toBe('line 3: 1/2 of 2026-11-26 is bad');
		expect(hidePaths('see C:\\Users\\ann\\export.csv, line 4')).toBe('see export.csv, line 4');
	});
});
