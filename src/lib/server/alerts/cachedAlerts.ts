// Alerts per ISO week, cached for one state of the warehouse like the overview and the
// review: they take one KPI query per breakdown value, and only an import changes them.
import { currentDataVersion, VersionedCache } from '../overview';
import type { IsoWeek } from '../review/isoWeek';
import type { WarehouseConnection } from '../warehouse';
import type { AlertReport } from '../../alerts/types';
import { alertSettingsFromEnv } from './alertSettingsFile';
import { queryAlerts } from './queryAlerts';

const cache = new VersionedCache<AlertReport>(32);

/** With the deployment's settings (SUPPORTLENS_ALERT_SETTINGS, else the defaults). */
export async function cachedAlerts(db: WarehouseConnection, week: IsoWeek): Promise<AlertReport> {
	const settings = alertSettingsFromEnv();
	return cache.get(`${week.week} ${JSON.stringify(settings)}`, await currentDataVersion(db), () => queryAlerts(db, week, settings));
}
