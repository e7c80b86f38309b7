import { describe, expect, it } from 'vitest';
import { exportFactsViewSql } from './queryKpisOverExport';

describe('exportFactsViewSql', () => {
	it('reads the files as one SQL string literal, quotes doubled', () => {
		const sql = exportFactsViewSql("/data/o'brien/**/*.parquet");
		expect(sql).toContain("read_parquet('/data/o''brien/**/*.parquet', hive_partitioning = true");
		expect(sql.match(/'/g)!.length % 2).toBe(0);
	});

	it("gives the export's columns the names the KPI queries read", () => {
		expect(exportFactsViewSql('x.parquet')).toMatch(
			/^CREATE VIEW conversation_facts AS\s+SELECT \* REPLACE \(week_start AS week\), unanswered AS fallback/
		);
	});
});
