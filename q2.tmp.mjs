import { DuckDBInstance } from '@duckdb/node-api';
const i = await DuckDBInstance.create(process.argv[2]); const c = await i.connect();
for (const sql of process.argv.slice(3)) { const r = await c.runAndReadAll(sql); for (const x of r.getRowObjects()) console.log(JSON.stringify(x, (k,v)=>typeof v==='bigint'?Number(v):v).slice(0,300)); }
