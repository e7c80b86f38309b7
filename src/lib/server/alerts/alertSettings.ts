// The thresholds KPI alerts use: defaults for every KPI, and how to tune them per KPI. A week
// is flagged only when its deviation is a discovery among the week's series (the
// false-discovery rate), clears its KPI's own z, and is at least a change worth reading.
import { KPI_CATALOGUE } from '../../kpi/kpiCatalogue';
import type { AlertScopeDimension } from '../../alerts/types';
import { KPI_DEFINITIONS, type KpiKey } from '../kpi';

/** Which way is good for a KPI, from the catalogue the overview's colours use too: volumes are neither. */
const POLARITY = { higher: 'higher_is_better', lower: 'lower_is_better', neither: 'neutral' } as const;
export type Polarity = (typeof POLARITY)[keyof typeof POLARITY];

export interface AlertRule {
	/** false: never alert on this KPI. */
	enabled: boolean;
	polarity: Polarity;
	/**
	 * The fewest standard deviations off the baseline a week must be, however many other series
	 * move that week (the false-discovery control usually asks for more). The deviation's
	 * standard deviation combines the week's sampling noise (binomial for rates at this week's
	 * denominator, Poisson for counts, on their variance-stabilizing scales; the order-statistic
	 * interval of the week's quantile for times), times the series' dispersion (how much more
	 * than sampling its history varies week to week, robustly), and the baseline's own
	 * uncertainty. Times also use it for the width of their order-statistic interval.
	 */
	z: number;
	/** Rates: the smallest change worth an alert, in rate points (0.03 = 3 points). */
	minAbsChange: number;
	/** Counts and times: the smallest change worth an alert, relative to the baseline (0.25 = 25%). */
	minRelChange: number;
	/** Rates: no alert when this week's denominator is smaller. Counts and times: the week's conversations. */
	minDenominator: number;
	/**
	 * KPIs that look ahead (a reopen, a repeat contact within N days) are judged only once the
	 * data reaches this many days past the week's end: before that they look better than they are.
	 */
	settleDays: number;
}

export type { AlertScopeDimension };
export const ALERT_SCOPE_DIMENSIONS: readonly AlertScopeDimension[] = ['channel', 'queue', 'language'];

export interface AlertSettings {
	/** Weeks before the one checked that form its baseline. */
	historyWeeks: number;
	/** No alert for a series with fewer weeks of data than this in its history. */
	minHistoryWeeks: number;
	/**
	 * Follow a steady trend (Theil–Sen line through the history, projected to the week) instead
	 * of the flat median: a KPI that improves every week is not an anomaly every week.
	 */
	followTrend: boolean;
	/**
	 * The expected share of false alerts among a week's alerts (Benjamini–Hochberg), held
	 * separately for the overall figures and for the breakdowns.
	 */
	falseDiscoveryRate: number;
	/** Besides the overall figures, which breakdowns are checked. */
	scopes: AlertScopeDimension[];
	kpis: Record<KpiKey, AlertRule>;
}

/** Per-KPI overrides: only what differs from the default rule of its kind. */
export type AlertSettingsInput = Partial<Omit<AlertSettings, 'kpis'>> & { kpis?: Partial<Record<KpiKey, Partial<AlertRule>>> };

/** The default windows of the KPI engine these KPIs look ahead by (KpiSettings), in days. */
const SETTLE_DAYS: Partial<Record<KpiKey, number>> = {
	verified_containment_rate: 7,
	reopen_rate: 7,
	repeat_contact_rate: 7,
	first_contact_resolution_rate: 7
};

// The week's false-discovery control sets the bar (z ≈ 3.0 for one overall series moving alone,
// ≈ 3.7 for one breakdown, lower when several move together); z 2 only stops it from going
// lower than a KPI's own 95% band.
const RATE_RULE = { z: 2, minAbsChange: 0.04, minRelChange: 0, minDenominator: 40 };
const COUNT_RULE = { z: 2, minAbsChange: 0, minRelChange: 0.3, minDenominator: 40 };
// Response and resolution times are a mix of AI answers (seconds) and human ones (hours), so
// their medians jump when the mix shifts a little; the week's order-statistic interval covers
// that jump, and beyond it only a doubling or halving, in a week of enough conversations, is
// worth a look.
const TIME_RULE = { z: 3, minAbsChange: 0, minRelChange: 1, minDenominator: 200 };

function defaultRules(): Record<KpiKey, AlertRule> {
	const rules = {} as Record<KpiKey, AlertRule>;
	for (const d of KPI_DEFINITIONS) {
		const base = d.kind === 'rate' ? RATE_RULE : d.kind === 'count' ? COUNT_RULE : TIME_RULE;
		rules[d.key] = { enabled: true, polarity: POLARITY[KPI_CATALOGUE[d.key].better], settleDays: SETTLE_DAYS[d.key] ?? 0, ...base };
	}
	return rules;
}

export const DEFAULT_ALERT_SETTINGS: Readonly<AlertSettings> = Object.freeze({
	historyWeeks: 8,
	minHistoryWeeks: 6,
	followTrend: true,
	falseDiscoveryRate: 0.05,
	scopes: [...ALERT_SCOPE_DIMENSIONS],
	kpis: defaultRules()
});

/** Defaults with the overrides applied; throws a RangeError naming a setting that makes no sense. */
export function resolveAlertSettings(input: AlertSettingsInput = {}): AlertSettings {
	const defined = <T extends object>(o: T | undefined) => Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined));
	const { kpis: overrides, ...top } = input;
	for (const name of Object.keys(top)) if (!(name in DEFAULT_ALERT_SETTINGS)) throw new RangeError(`unknown alert setting "${name}"`);
	const s: AlertSettings = { ...DEFAULT_ALERT_SETTINGS, ...defined(top), kpis: { ...DEFAULT_ALERT_SETTINGS.kpis } };
	for (const [key, rule] of Object.entries(overrides ?? {})) {
		if (!(key in s.kpis)) throw new RangeError(`alert setting for unknown KPI "${key}"`);
		for (const name of Object.keys(rule ?? {}))
			if (!(name in s.kpis[key as KpiKey])) throw new RangeError(`unknown alert setting ${key}.${name}`);
		s.kpis[key as KpiKey] = { ...s.kpis[key as KpiKey], ...defined(rule) };
	}
	if (!Number.isInteger(s.historyWeeks) || s.historyWeeks < 2)
		throw new RangeError(`alert setting historyWeeks must be a whole number ≥ 2, got ${s.historyWeeks}`);
	if (!Number.isInteger(s.minHistoryWeeks) || s.minHistoryWeeks < 2 || s.minHistoryWeeks > s.historyWeeks) {
		throw new RangeError(
			`alert setting minHistoryWeeks must be a whole number from 2 to historyWeeks (${s.historyWeeks}), got ${s.minHistoryWeeks}`
		);
	}
	if (typeof s.falseDiscoveryRate !== 'number' || !(s.falseDiscoveryRate > 0 && s.falseDiscoveryRate < 1))
		throw new RangeError(`alert setting falseDiscoveryRate must be a number between 0 and 1, got ${s.falseDiscoveryRate}`);
	for (const dim of s.scopes)
		if (!ALERT_SCOPE_DIMENSIONS.includes(dim))
			throw new RangeError(`alert scope "${dim}" is not one of ${ALERT_SCOPE_DIMENSIONS.join(', ')}`);
	for (const [key, rule] of Object.entries(s.kpis)) {
		for (const name of ['z', 'minAbsChange', 'minRelChange', 'minDenominator', 'settleDays'] as const) {
			const v = rule[name];
			if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
				throw new RangeError(`alert setting ${key}.${name} must be a non-negative number, got ${v}`);
		}
	}
	return s;
}
