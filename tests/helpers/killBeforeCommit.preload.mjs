// Test seam for the crash tests, preloaded with `node --import` (see crashBeforeCommitEnv in
// crashBeforeCommit.ts): kills the process with SIGKILL at the worst moment of an import —
// every row written and the run marked done inside the merge's transaction, COMMIT not yet
// run. Nothing in the production code knows about it: it wraps DuckDB's own connection.run,
// arming on the statement that marks the run done and firing on that connection's COMMIT.
import { DuckDBConnection } from '@duckdb/node-api';

const MARKS_RUN_DONE = /^\s*UPDATE import_runs SET status = 'done'/;
// Which such commit of the process to kill (an import in slices commits once per slice): the first by default.
const KILL_AT = Number(process.env.SUPPORTLENS_TEST_KILL_AT_COMMIT ?? 1);
let armedCommits = 0;
const armed = new WeakSet();
const run = DuckDBConnection.prototype.run;

DuckDBConnection.prototype.run = function (sql, ...rest) {
	if (typeof sql === 'string') {
		if (MARKS_RUN_DONE.test(sql)) armed.add(this);
		else if (/^\s*ROLLBACK\b/i.test(sql)) armed.delete(this);
		else if (/^\s*COMMIT\b/i.test(sql) && armed.has(this)) {
			armed.delete(this);
			if (++armedCommits >= KILL_AT) process.kill(process.pid, 'SIGKILL');
		}
	}
	return run.call(this, sql, ...rest);
};
