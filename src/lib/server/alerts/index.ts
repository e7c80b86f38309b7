// KPI alerts: each week, every KPI (overall and per channel, queue, language) against a robust
// baseline of its own previous weeks; weeks outside their band are flagged with direction,
// size and a drill-down link. Figures come from the KPI engine, never recomputed here.
export {
	ALERT_SCOPE_DIMENSIONS,
	DEFAULT_ALERT_SETTINGS,
	resolveAlertSettings,
	type AlertRule,
	type AlertScopeDimension,
	type AlertSettings,
	type AlertSettingsInput,
	type Polarity
} from './alertSettings';
export type { AlertReport, AlertScope, KpiAlert } from '../../alerts/types';
export { detectAlert, type AlertFinding, type SeriesPoint } from './detectAlert';
export { drilldownLink } from './drilldownLink';
export { queryAlerts, queryAlertsEveryWeek } from './queryAlerts';
export { cachedAlerts } from './cachedAlerts';
export { alertSettingsFromEnv } from './alertSettingsFile';
