// Bench worker: one `export conversations` (every conversation, one format) in a fresh
// process, so its peak RSS is the export's own; prints {seconds, rows, bytes, peak_rss_mb}.
//   tsx exportWorker.ts DB csv|parquet|jsonl OUT
import fs from 'node:fs';
import { exportConversations, parseExportFormat } from '../../src/lib/server/conversations/exportConversations';
import { parseConversationFilter } from '../../src/lib/server/conversations/parseConversationFilter';
import { withWarehouse } from '../../src/lib/server/warehouse';

const [db, format, out] = process.argv.slice(2);
const started = performance.now();
const rows = await withWarehouse(
	db,
	(w) => exportConversations(w.db, parseConversationFilter(new URLSearchParams()), parseExportFormat(format), out),
	{ mustExist: true }
);
const seconds = (performance.now() - started) / 1000;
console.log(
	JSON.stringify({ seconds, rows, bytes: fs.statSync(out).size, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) })
);
