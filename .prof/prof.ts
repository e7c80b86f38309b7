import path from 'node:path';
import { rebuildConversationFacts } from '../src/lib/server/kpi';
import { withWarehouse } from '../src/lib/server/warehouse';
import { fillSyntheticWarehouse } from '../pipelines/bench/fillSyntheticWarehouse';
import { loadOverview } from '../src/lib/server/overview';
import { distinctDimensionValues } from '../src/lib/server/kpi';
const db = process.argv[2];
const fill = process.argv[3] === 'fill';
await withWarehouse(db, async (w) => {
	if (fill) { await fillSyntheticWarehouse(w.db, 52_000, 12, '2026-11-23'); await rebuildConversationFacts(w.db); await w.db.run('CHECKPOINT'); }
	const f = { from: null, to: null, channel: 'chat', queue: null, language: 'de', tier: null };
	for (let k = 0; k < 3; k++) {
		const t = performance.now(); await loadOverview(w.db, f); console.log('loadOverview', (performance.now() - t).toFixed(1));
	}
	const orig = w.db.all.bind(w.db);
	const times: [string, number][] = [];
	(w.db as any).all = async (sql: string, p: any) => { const t = performance.now(); const r = await orig(sql, p); times.push([sql.slice(0, 60).replace(/\s+/g, ' '), performance.now() - t]); return r; };
	await loadOverview(w.db, f);
	for (const [s, ms] of times) console.log(ms.toFixed(1).padStart(7), s);
});
