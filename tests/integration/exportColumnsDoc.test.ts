// docs/export-columns.md documents every column of the per-conversation export, in file order.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../src/lib/server/conversations/exportColumns';

describe('EXPORT_COLUMNS', () => {
	it('are documented one by one in docs/export-columns.md, in file order', () => {
		const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/export-columns.md'), 'utf8');
		const documented = [...doc.matchAll(/^\| `([a-z_0-9]+)` \|/gm)].map((m) => m[1]);
		expect(documented).toEqual(EXPORT_COLUMNS.map((c) => c.name));
	});
});
