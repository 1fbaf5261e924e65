import * as Comlink from 'comlink';
import { createEngineApi } from './engine/api';

/** Thin comlink entry point: the logic lives in ./engine/ (tested directly in Node). */
const api = createEngineApi();
export type EngineWorkerApi = typeof api;

Comlink.expose(api);
