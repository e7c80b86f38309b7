import { withWarehouse } from '../src/lib/server/warehouse';
import { loadOverview, slimOverview } from '../src/lib/server/overview';
await withWarehouse('/tmp/imp-exp/prof.duckdb', async (w) => {
	const d = slimOverview(await loadOverview(w.db, { from: null, to: null, channel: 'chat', queue: null, language: 'de', tier: null }));
	for (const [k, v] of Object.entries(d)) console.log(k, JSON.stringify(v)?.length);
	console.log('total', JSON.stringify(d).length);
});
