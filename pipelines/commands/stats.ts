// `stats`: how much the warehouse holds.
import { resolveDbPath, withWarehouse } from '../../src/lib/server/warehouse';
import { warehouseStats } from '../../src/lib/server/warehouse/warehouseStats';
import { parseFlags, type Command } from '../command';

const usage = 'stats [--db PATH] [--json]';

export const statsCommand: Command = {
	name: 'stats',
	summary: 'count conversations, events, KB articles and quarantined records',
	usage,
	async run(argv) {
		const { values } = parseFlags(argv, { db: { type: 'string' }, json: { type: 'boolean' } }, usage);
		const stats = await withWarehouse(resolveDbPath(values.db), (w) => warehouseStats(w.db), { mustExist: true });
		if (values.json) console.log(JSON.stringify(stats));
		else for (const [k, v] of Object.entries(stats)) console.log(`${k.padEnd(16)} ${v.toLocaleString('en')}`);
	}
};
