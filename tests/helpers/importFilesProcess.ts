// A process that runs importFiles on one warehouse with a given slice size, for tests that
// kill an import part-way (crashBeforeCommitEnv) or need it in a process of its own.
//   tsx tests/helpers/importFilesProcess.ts DB SLICE_BYTES FILE...
import { importFiles } from '../../src/lib/server/ingest';
import { withWarehouse } from '../../src/lib/server/warehouse';

const [db, sliceBytes, ...files] = process.argv.slice(2);
const summary = await withWarehouse(db, (w) => importFiles(w, files, { sliceBytes: Number(sliceBytes) }));
console.log(JSON.stringify(summary));
