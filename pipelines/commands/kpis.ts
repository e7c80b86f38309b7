// `kpis`: every KPI (docs/kpis.md) for a date range, optionally broken down and filtered, as
// JSON (what GET /api/kpis returns) or a readable table; from the warehouse, or with --parquet
// from the Parquet files of `export conversations` (the same KPI queries in a fresh DuckDB).
import { queryKpisOverExport } from '../../src/lib/server/conversations/queryKpisOverExport';
import { UsageError } from '../../src/lib/server/errors';
import { parseKpiQuery, queryKpis, rebuildConversationFacts, type KpiQuery, type KpiSettings } from '../../src/lib/server/kpi';
import { resolveDbPath, withWarehouse } from '../../src/lib/server/warehouse';
import { parseFlags, type Command } from '../command';
import { formatKpiTable } from './formatKpiTable';
import { RANGE_FLAGS } from './sharedFlags';

const usage =
	'kpis [--db PATH] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--by week|channel|queue|language|intent|tier] [--where dim=value …] [--json]' +
	' [--repeat-window-days N] [--verified-window-hours N] [--reopen-window-days N] [--rebuild | --parquet FOLDER|FILE|GLOB]';

function windowFlag(name: string, value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	if (!/^\d+(\.\d+)?$/.test(value)) throw new UsageError(`--${name} must be a non-negative number, got "${value}"`);
	return Number(value);
}

export const kpisCommand: Command = {
	name: 'kpis',
	summary: 'every KPI for a date range (UTC days, inclusive), by week/channel/queue/language/intent/tier, filtered',
	usage,
	async run(argv) {
		const { values, positionals } = parseFlags(
			argv,
			{
				...RANGE_FLAGS,
				by: { type: 'string' },
				json: { type: 'boolean' },
				'repeat-window-days': { type: 'string' },
				'verified-window-hours': { type: 'string' },
				'reopen-window-days': { type: 'string' },
				rebuild: { type: 'boolean' },
				parquet: { type: 'string' }
			},
			usage
		);
		if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"\nusage: ${usage}`);
		const query = parseKpiQuery({ from: values.from, to: values.to, by: values.by, where: values.where });
		const settings: Partial<KpiSettings> = {
			repeatWindowDays: windowFlag('repeat-window-days', values['repeat-window-days']),
			verifiedWindowHours: windowFlag('verified-window-hours', values['verified-window-hours']),
			reopenWindowDays: windowFlag('reopen-window-days', values['reopen-window-days'])
		};
		if (values.parquet !== undefined && (values.db !== undefined || values.rebuild))
			throw new UsageError(`--parquet reads an export instead of a warehouse: leave out --db and --rebuild\nusage: ${usage}`);
		const result =
			values.parquet !== undefined
				? await queryKpisOverExport(values.parquet, query, settings)
				: await queryWarehouse(values.db, values.rebuild ?? false, query, settings);
		console.log(values.json ? JSON.stringify(result) : formatKpiTable(result));
	}
};

async function queryWarehouse(db: string | undefined, rebuild: boolean, query: KpiQuery, settings: Partial<KpiSettings>) {
	return withWarehouse(
		resolveDbPath(db),
		async (w) => {
			if (rebuild) await rebuildConversationFacts(w.db);
			return queryKpis(w.db, query, settings);
		},
		{ mustExist: true }
	);
}
