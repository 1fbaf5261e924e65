#!/usr/bin/env node
// The `meridian` command: runs the TypeScript CLI (src/cli/main.ts) through tsx's loader,
// so the CLI and the browser share the same core sources without a separate build.
import { register } from 'tsx/esm/api';

register();
const { runFromProcess } = await import('../src/cli/main.ts');
await runFromProcess();
