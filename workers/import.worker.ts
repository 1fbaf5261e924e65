import * as Comlink from 'comlink';
import { importApi } from './importApi';

export type { ImportWorkerApi, AnalyzeOutcome, StageOutcome, StageSummary, CommitOutcome } from './importApi';

/** Thin comlink entry point: the logic lives in ./import.ts and ./importApi.ts (tested directly). */
Comlink.expose(importApi);
