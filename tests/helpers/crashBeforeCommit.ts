// The environment that makes a CLI or server process crash before an import's COMMIT: it
// preloads killBeforeCommit.preload.mjs through NODE_OPTIONS, so the production code carries no hook.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const PRELOAD = pathToFileURL(path.join(import.meta.dirname, 'killBeforeCommit.preload.mjs')).href;

/** `commit`: which import commit of the process dies (an import in slices commits once per slice). */
export function crashBeforeCommitEnv(commit = 1): Record<string, string> {
	return {
		NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import=${PRELOAD}`].filter(Boolean).join(' '),
		SUPPORTLENS_TEST_KILL_AT_COMMIT: String(commit)
	};
}
