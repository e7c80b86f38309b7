// "Sync now" and the schedule in the dashboard: a vendor sync queued as a job beside the
// uploads (imports merge one at a time), its progress line kept for the Imports page to poll.
// One sync per source at a time: asking again while one is queued or running returns that one.
import type { Warehouse } from '../warehouse';
import { checkSyncConfig, describeSyncProgress, runSync, type SyncSource } from '../sync';
import type { ImportJobs, PublicJob } from './ImportJobs';
import { uploadJobs } from './uploadJobs';

export function startSyncJob(
	username: string,
	source: SyncSource,
	deps: { jobs?: ImportJobs; warehouse?: () => Promise<Warehouse>; env?: NodeJS.ProcessEnv } = {}
): PublicJob {
	const jobs = deps.jobs ?? uploadJobs;
	const env = deps.env ?? process.env;
	const label = `sync ${source}`;
	const pending = jobs.list().find((j) => j.label === label && (j.status === 'queued' || j.status === 'running'));
	if (pending) return pending;
	checkSyncConfig(source, env);
	return jobs.enqueue(username, label, async (job) => {
		const result = await runSync(await (deps.warehouse ?? jobs.warehouse)(), source, {
			env,
			onNote: (message) => job.detail(message),
			onProgress: (p) => {
				job.detail(describeSyncProgress(p));
				job.progress(p.import);
			}
		});
		job.detail(
			result.summary
				? `${source}: ${result.fetched.toLocaleString('en')} records fetched`
				: `${source}: nothing changed${result.previousSync ? ` since ${result.previousSync.toISOString().slice(0, 16).replace('T', ' ')} UTC` : ''}`
		);
		return result.summary;
	});
}
