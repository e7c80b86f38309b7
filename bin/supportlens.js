#!/usr/bin/env node
// The `supportlens` command (`npx supportlens …` in a checkout, or `supportlens …` once
// installed): runs the TypeScript CLI in pipelines/cli.ts through tsx, a runtime dependency.
import { register } from 'tsx/esm/api';

register();
await import('../pipelines/cli.ts');
