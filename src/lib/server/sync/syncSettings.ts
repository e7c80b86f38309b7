// Sync settings every vendor shares, from the environment: retries, backoff, concurrency.
import { SyncConfigError } from '../errors';

export interface SyncSettings {
	maxRetries: number;
	retryBaseMs: number;
	concurrency: number;
	/** SUPPORTLENS_SYNC_AI_AUTHORS: the AI's user ids or emails, for syncs started without --ai-author. */
	aiAuthors: string[];
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
	const raw = env[name];
	if (raw === undefined || raw.trim() === '') return fallback;
	if (!/^\d+$/.test(raw.trim()) || Number(raw) < min) throw new SyncConfigError(`${name} must be a whole number ≥ ${min}, got "${raw}"`);
	return Number(raw);
}

export function syncSettings(env: NodeJS.ProcessEnv): SyncSettings {
	return {
		maxRetries: whole(env, 'SUPPORTLENS_SYNC_MAX_RETRIES', 5, 0),
		retryBaseMs: whole(env, 'SUPPORTLENS_SYNC_RETRY_BASE_MS', 1000, 0),
		concurrency: Math.min(16, whole(env, 'SUPPORTLENS_SYNC_CONCURRENCY', 4, 1)),
		aiAuthors: (env.SUPPORTLENS_SYNC_AI_AUTHORS ?? '')
			.split(',')
			.map((a) => a.trim())
			.filter(Boolean)
	};
}

/** Reads a required variable or says which one is missing (never echoing a value). */
export function requireEnv(env: NodeJS.ProcessEnv, source: string, names: string[]): string[] {
	const missing = names.filter((n) => !env[n]?.trim());
	if (missing.length) throw new SyncConfigError(`to sync ${source}, set ${missing.join(' and ')} (see the README's Sync section)`);
	return names.map((n) => env[n]!.trim());
}

/** A base URL given as an override, or the vendor's own built from the account name. */
export function baseUrlFrom(env: NodeJS.ProcessEnv, overrideVar: string, build: () => string): string {
	const override = env[overrideVar]?.trim();
	const url = override || build();
	try {
		const parsed = new URL(url);
		if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error();
	} catch {
		throw new SyncConfigError(`${override ? overrideVar : 'the account name'} does not make a valid URL: "${url}"`);
	}
	return url.replace(/\/+$/, '');
}
