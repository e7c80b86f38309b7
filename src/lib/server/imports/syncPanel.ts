// What the Imports page's "Sync now" panel shows: each help desk the server's environment
// configures, when it last synced, and a sync of it that is queued or running.
import { configuredSources, listSyncStates } from '../sync';
import type { WarehouseConnection } from '../warehouse';
import type { PublicJob, SyncPanelSource } from '../../imports/types';

export type { SyncPanelSource };

export async function syncPanel(
	db: WarehouseConnection,
	jobs: PublicJob[],
	env: NodeJS.ProcessEnv = process.env
): Promise<SyncPanelSource[]> {
	const sources = configuredSources(env);
	if (!sources.length) return [];
	const states = new Map((await listSyncStates(db)).map((s) => [s.source, s.synced_at]));
	return sources.map((source) => ({
		source,
		lastSyncedAt: states.get(source) ?? null,
		job: jobs.find((j) => j.label === `sync ${source}` && (j.status === 'queued' || j.status === 'running')) ?? null
	}));
}
