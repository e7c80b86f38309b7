import { describe, expect, it } from 'vitest';
import { DEFAULT_KPI_SETTINGS, resolveKpiSettings, settingsParams } from './kpiSettings';

describe('KPI settings', () => {
	it('has the documented defaults and fills in what is not given', () => {
		expect(DEFAULT_KPI_SETTINGS).toEqual({ repeatWindowDays: 7, verifiedWindowHours: 72, reopenWindowDays: 7 });
		expect(resolveKpiSettings({ repeatWindowDays: 3, verifiedWindowHours: undefined })).toEqual({
			...DEFAULT_KPI_SETTINGS,
			repeatWindowDays: 3
		});
	});
	it('turns windows into seconds for the SQL', () => {
		expect(settingsParams(resolveKpiSettings())).toEqual({ repeat_window_s: 604800, verified_window_s: 259200, reopen_window_s: 604800 });
	});
	it('rejects negative or non-numeric windows', () => {
		expect(() => resolveKpiSettings({ repeatWindowDays: -1 })).toThrow(/repeatWindowDays/);
		expect(() => resolveKpiSettings({ verifiedWindowHours: Number.NaN })).toThrow(/verifiedWindowHours/);
	});
});
