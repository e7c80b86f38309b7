// One temp folder per test run for fixtures the test files share: the first file that needs one
// builds it there, the others copy it (see sharedFixture.ts). Removed when the run ends; a run
// killed before then leaves a folder named after its process, swept by the next CLI or server start.
import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { makeOwnedTempDir } from '../../src/lib/server/ingest/ownedTempDirs';

declare module 'vitest' {
	export interface ProvidedContext {
		sharedFixturesDir: string;
	}
}

export default function setup(project: TestProject): () => void {
	const dir = makeOwnedTempDir('fixtures');
	project.provide('sharedFixturesDir', dir);
	return () => fs.rmSync(dir, { recursive: true, force: true });
}
