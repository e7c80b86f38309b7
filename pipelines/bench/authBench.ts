// Bench section `auth`: what a login and a session check cost. Figures: scrypt verify time
// (the price of each login, and so the ceiling on login attempts per second per core), and
// a session lookup in DuckDB against the in-process SessionCache the server puts in front
// of it — the ratio says what the cache saves on every dashboard request.
import path from 'node:path';
import { createSession, createUser, findSession, verifyPassword } from '../../src/lib/server/auth';
import { SessionCache } from '../../src/lib/server/auth/SessionCache';
import { withWarehouse } from '../../src/lib/server/warehouse';
import type { BenchContext } from './runBench';

async function timeEach(n: number, fn: (i: number) => Promise<unknown> | unknown): Promise<number> {
	const started = performance.now();
	for (let i = 0; i < n; i++) await fn(i);
	return (performance.now() - started) / n;
}

export async function runAuthBench(ctx: BenchContext) {
	const sessions = ctx.quick ? 200 : 2000;
	const lookups = ctx.quick ? 500 : 5000;
	return withWarehouse(path.join(ctx.tmpDir, 'auth.duckdb'), async (warehouse) => {
		const db = warehouse.db;
		const password = await createUser(db, 'bench', 'manager');
		const { password_hash: hash } = (await db.one<{ password_hash: string }>("SELECT password_hash FROM users WHERE username = 'bench'"))!;
		const verifyMs = await timeEach(ctx.quick ? 5 : 20, () => verifyPassword(password, hash));

		ctx.log(`auth: ${sessions} sessions, ${lookups} lookups…`);
		const tokens: string[] = [];
		for (let i = 0; i < sessions; i++) tokens.push((await createSession(db, 'bench')).token);
		const dbLookupMs = await timeEach(lookups, (i) => findSession(db, tokens[i % tokens.length]));
		const cache = new SessionCache();
		for (const t of tokens) cache.set(t, { username: 'bench', role: 'manager' });
		const cachedLookupMs = await timeEach(lookups, (i) => cache.get(tokens[i % tokens.length]));
		return {
			scrypt_verify_ms: +verifyMs.toFixed(1),
			logins_per_second_per_core_max: Math.round(1000 / verifyMs),
			sessions_in_table: sessions,
			session_lookup_duckdb_ms: +dbLookupMs.toFixed(3),
			session_lookup_cached_ms: +cachedLookupMs.toFixed(5),
			duckdb_vs_cached: Math.round(dbLookupMs / Math.max(cachedLookupMs, 1e-6))
		};
	});
}
