// The KPI windows (docs/kpis.md: settings with these defaults). Facts store raw gaps in
// seconds, so every window applies at query time: changing one needs no rebuild. (The AI
// confidence below which a message counts as unanswered is the gap miner's setting, in
// gaps/gapSettings.ts.)
export interface KpiSettings {
	/** Repeat contact: a new conversation by the same customer within this many days of the first solve. */
	repeatWindowDays: number;
	/** Verified containment: no new conversation by the same customer within this many hours of the first solve. */
	verifiedWindowHours: number;
	/** Verified containment: not reopened within this many days of the first solve. */
	reopenWindowDays: number;
}

export const DEFAULT_KPI_SETTINGS: Readonly<KpiSettings> = Object.freeze({
	repeatWindowDays: 7,
	verifiedWindowHours: 72,
	reopenWindowDays: 7
});

/** Fills in defaults and rejects windows that are negative or not numbers. */
export function resolveKpiSettings(settings: Partial<KpiSettings> = {}): KpiSettings {
	const s = { ...DEFAULT_KPI_SETTINGS, ...Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)) } as KpiSettings;
	for (const [k, v] of Object.entries(s)) {
		if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
			throw new RangeError(`KPI setting ${k} must be a non-negative number, got ${v}`);
	}
	return s;
}

/** The SQL parameters the KPI definitions refer to ($name), in seconds. */
export function settingsParams(s: KpiSettings): Record<string, number> {
	return {
		repeat_window_s: s.repeatWindowDays * 86400,
		verified_window_s: s.verifiedWindowHours * 3600,
		reopen_window_s: s.reopenWindowDays * 86400
	};
}
