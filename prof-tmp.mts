import { WarehouseConnection } from './src/lib/server/warehouse/WarehouseConnection';
import { importFiles } from './src/lib/server/ingest';
import { withWarehouse } from './src/lib/server/warehouse';
const origRun = WarehouseConnection.prototype.run;
const origAll = WarehouseConnection.prototype.all;
const stats: [string, number, number][] = [];
function wrap(orig: any) {
  return async function (this: any, sql: string, params?: any) {
    const c0 = process.cpuUsage(); const t0 = performance.now();
    try { return await orig.call(this, sql, params); } finally {
      const c = process.cpuUsage(c0); const w = performance.now() - t0;
      if (w > 200) stats.push([sql.replace(/\s+/g, ' ').slice(0, 90), w / 1000, (c.user + c.system) / 1e6]);
    }
  };
}
WarehouseConnection.prototype.run = wrap(origRun) as any;
WarehouseConnection.prototype.all = wrap(origAll) as any;
const [file, db, mem] = process.argv.slice(2);
const c0 = process.cpuUsage(); const t0 = performance.now();
const s = await withWarehouse(db, (w) => importFiles(w, [file], { origin: 'bench', workers: 2, fastPath: process.env.FAST !== '0' }), { memoryLimit: mem ?? '1GB' });
const c = process.cpuUsage(c0);
for (const [q, w, cpu] of stats) console.log(w.toFixed(2).padStart(7), cpu.toFixed(2).padStart(7), q);
console.log('total wall', ((performance.now() - t0) / 1000).toFixed(2), 'cpu', ((c.user + c.system) / 1e6).toFixed(2), 'rss', Math.round(process.resourceUsage().maxRSS / 1024), JSON.stringify(s).slice(0, 200));
