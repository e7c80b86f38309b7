// `alerts`: the KPI alerts of one ISO week (default: the latest week with conversations), as
// JSON or a readable list: each KPI, overall and per channel, queue and language, against
// its own previous 8 weeks.
import { alertSettingsFromEnv, queryAlerts, type AlertReport } from '../../src/lib/server/alerts';
import { UsageError } from '../../src/lib/server/errors';
import { alertScopeName, foldedText } from '../../src/lib/alerts/alertText';
import { formatKpi } from '../../src/lib/kpi/kpiFormat';
import { latestWeek, parseIsoWeek } from '../../src/lib/server/review';
import { resolveDbPath, withWarehouse } from '../../src/lib/server/warehouse';
import { parseFlags, type Command } from '../command';

const usage = 'alerts [--db PATH] [--week YYYY-Www] [--json]   (thresholds: SUPPORTLENS_ALERT_SETTINGS=FILE.json)';

function formatAlerts(report: AlertReport): string {
	const head = `KPI alerts for ${report.week} (${report.from} … ${report.to}), against ${report.historyFrom} … ${report.historyTo}: ${report.alerts.length} of ${report.checked} series outside their band`;
	const lines = report.alerts.map((a) => {
		const arrow = a.direction === 'up' ? '▲' : '▼';
		const line = `${arrow} ${a.verdict.padEnd(7)} ${a.label} (${alertScopeName(a)}): ${formatKpi(a.kind, a.value)}, usual ${formatKpi(a.kind, a.baseline)} (band ${formatKpi(a.kind, a.low)} … ${formatKpi(a.kind, a.high)})  ${a.link}`;
		return a.folded?.length ? `${line}\n          ${foldedText(a)}` : line;
	});
	return [head, '', ...(lines.length ? lines : ['nothing unusual'])].join('\n');
}

export const alertsCommand: Command = {
	name: 'alerts',
	summary: 'KPIs outside their normal band in one week (overall and per channel, queue, language), with drill-down links',
	usage,
	async run(argv) {
		const { values, positionals } = parseFlags(
			argv,
			{ db: { type: 'string' }, week: { type: 'string' }, json: { type: 'boolean' } },
			usage
		);
		if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"\nusage: ${usage}`);
		const asked = values.week === undefined ? null : parseIsoWeek(values.week);
		const settings = alertSettingsFromEnv();
		const report = await withWarehouse(
			resolveDbPath(values.db),
			async (w) => queryAlerts(w.db, asked ?? (await latestWeek(w.db)), settings),
			{ mustExist: true }
		);
		console.log(values.json ? JSON.stringify(report) : formatAlerts(report));
	}
};
