import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvResponse, csvText } from './csvResponse';

describe('csvResponse', () => {
	it('quotes commas, quotes and newlines so the CSV parses back to the same cells', () => {
		const rows = [
			{ id: 'c1', body: 'He said "hi", then\nleft', n: 3.5, tags: ['a', 'b'], at: new Date('2026-10-05T21:12:00Z'), none: null }
		];
		const parsed = parse(csvText(['id', 'body', 'n', 'tags', 'at', 'none'], rows));
		expect(parsed).toEqual([
			['id', 'body', 'n', 'tags', 'at', 'none'],
			['c1', 'He said "hi", then\nleft', '3.5', 'a|b', '2026-10-05T21:12:00.000Z', '']
		]);
	});

	it('defuses text that a spreadsheet would run as a formula, but not numbers', () => {
		const parsed = parse(csvText([{ key: 'v', header: 'value' }], [{ v: '=HYPERLINK("x")' }, { v: '@SUM(A1)' }, { v: -3 }, { v: '+1' }]));
		expect(parsed.slice(1).map((r: string[]) => r[0])).toEqual(['\'=HYPERLINK("x")', "'@SUM(A1)", '-3', "'+1"]);
	});

	it('answers text/csv as an attachment with a safe file name', async () => {
		const response = csvResponse('quarantine run "7"/../x', ['a'], [{ a: 1 }]);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe('attachment; filename="quarantine_run_7_.._x.csv"');
		const bytes = Buffer.from(await response.arrayBuffer());
		expect(bytes.toString('utf8')).toBe('\ufeffa\n1\n'); // BOM first, for spreadsheet apps
	});
});
