import type { ELK } from 'elkjs/lib/elk-api';
import type { Journey } from '../../../core/model/journey';
import { buildElkGraph, positionsFrom, type LaidOutNode, type NodeSizes } from './elkGraph';

export { DEFAULT_NODE_SIZE, type LaidOutNode, type NodeSizes } from './elkGraph';

/**
 * Tidy a journey: elkjs 'layered', left to right, ports in catalogue order. Node ids with their
 * new positions come back (notes are left where they are); the caller turns them into one
 * moveElements command so the tidy-up is undoable. Nodes the canvas has not measured are laid out
 * at 220×90.
 *
 * elkjs (≈ 1.6 MB) is loaded only when first asked for, and runs in a Web Worker of its own
 * (its prebuilt elk-worker.min.js, served as a plain asset: no eval, so the CSP holds), so a
 * 500-node layout does not block the page.
 */
export async function autoLayout(j: Journey, sizes: NodeSizes): Promise<LaidOutNode[]> {
  if (j.nodes.length === 0) return [];
  return layoutWith(await elkInWorker(), j, sizes);
}

/** The layout with a given ELK instance (the worker one, or elk.bundled.js in tests). */
export async function layoutWith(elk: Pick<ELK, 'layout'>, j: Journey, sizes: NodeSizes): Promise<LaidOutNode[]> {
  const laidOut = await elk.layout(buildElkGraph(j, sizes));
  return positionsFrom(j, laidOut);
}

// One worker, started on first use and stopped after a minute without layouts (it holds the
// whole of ELK, some MB). A worker that fails to start (network, CSP) fails the layout with a clear
// error instead of leaving the promise hanging, and the next call tries again.
const IDLE_MS = 60_000;
let current: { elk: Promise<ELK>; failed: Promise<never>; stop: () => void } | null = null;
let idle: ReturnType<typeof setTimeout> | null = null;

async function elkInWorker(): Promise<Pick<ELK, 'layout'>> {
  if (idle) clearTimeout(idle);
  if (!current) current = startWorker();
  const w = current;
  const elk = await Promise.race([w.elk, w.failed]);
  return {
    layout: async (graph, args) => {
      try {
        return await Promise.race([elk.layout(graph, args), w.failed]);
      } catch (e) {
        if (current === w) {
          w.stop();
          current = null;
        }
        throw e;
      } finally {
        if (idle) clearTimeout(idle);
        idle = setTimeout(() => {
          if (current === w) {
            w.stop();
            current = null;
          }
        }, IDLE_MS);
      }
    },
  };
}

function startWorker() {
  let fail: (e: Error) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => undefined); // observed by the races above; never an unhandled rejection
  let worker: Worker | null = null;
  const elk = Promise.all([import('elkjs/lib/elk-api.js'), import('elkjs/lib/elk-worker.min.js?url')]).then(([api, url]) => {
    const Elk = api.default;
    return new Elk({
      workerUrl: url.default,
      workerFactory: (u) => {
        worker = new Worker(u!, { name: 'elk-layout' });
        worker.addEventListener('error', (ev) => fail(new Error(`the layout worker failed: ${ev.message || 'it could not be loaded'}`)));
        return worker;
      },
    });
  });
  return {
    elk,
    failed,
    stop: () => {
      worker?.terminate();
      fail(new Error('the layout worker was stopped'));
    },
  };
}
