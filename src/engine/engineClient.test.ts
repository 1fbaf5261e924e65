import { describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { parseRule } from '../core/rules';
import { createEngineApi } from '../../workers/engine/api';
import { demoSlice } from '../../workers/engine/testData';
import { createEngineClient } from './engineClient';
import type { WorkerLike } from './enginePool';

/**
 * An in-process "worker": a MessageChannel with the engine API exposed on the far end.
 * `dieOn` names a call that makes it fire 'error' instead of answering (a crash).
 */
function fakeWorkers(dieOn: (n: number, method: string) => boolean) {
  let created = 0;
  const factory = (): WorkerLike => {
    const n = ++created;
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(createEngineApi(), port2 as unknown as Comlink.Endpoint);
    const events = new EventTarget();
    let dead = false;
    return {
      postMessage(msg: unknown, transfer?: Transferable[]) {
        const m = msg as { type?: string; path?: string[] };
        if (dead) return;
        if (m.type === 'APPLY' && dieOn(n, m.path?.[0] ?? '')) {
          dead = true;
          setTimeout(() => events.dispatchEvent(Object.assign(new Event('error'), { message: `worker ${n} crashed` })), 5);
          return;
        }
        port1.postMessage(msg, transfer ?? []);
      },
      addEventListener(type: string, fn: EventListenerOrEventListenerObject) {
        if (type === 'error') events.addEventListener(type, fn);
        else port1.addEventListener(type, fn);
      },
      removeEventListener(type: string, fn: EventListenerOrEventListenerObject) {
        port1.removeEventListener(type, fn);
      },
      start: () => port1.start(),
      terminate() {
        dead = true;
        port1.close();
        port2.close();
      },
    } as unknown as WorkerLike;
  };
  return { factory, created: () => created };
}

describe('engine client over a worker pool', () => {
  it('answers queries, with progress while the snapshot is built', async () => {
    const { workspaceId } = await demoSlice(150, 'beauty', 2);
    const { factory } = fakeWorkers(() => false);
    const engine = createEngineClient(workspaceId, factory, 2);
    const phases: string[] = [];
    const info = await engine.ensureSnapshot((p) => phases.push(p.phase));
    expect(info).toMatchObject({ members: 150, built: true });
    expect(phases).toContain('snapshot');
    const r = await engine.count(parseRule('orders >= 1'));
    expect(r.total).toBe(150);
    // Queries in parallel: the second worker is added while the first is busy.
    const all = await Promise.all([1, 2, 3, 4].map((n) => engine.count(parseRule(`orders >= ${n}`))));
    expect(all[0].count).toBe(r.count);
    expect(engine.poolSize).toBeLessThanOrEqual(2);
    await expect(engine.count(parseRule('net_spend > level'))).rejects.toThrow(/cannot compare money with number/);
    engine.dispose();
  });

  it('replaces a crashed worker, reloads the snapshot and retries once', async () => {
    const { workspaceId } = await demoSlice(100, 'food', 9);
    // Worker 1 dies on its first count; worker 2 is healthy.
    const { factory, created } = fakeWorkers((n, method) => n === 1 && method === 'count');
    const engine = createEngineClient(workspaceId, factory, 1);
    await engine.ensureSnapshot();
    const r = await engine.count(parseRule('true'));
    expect(r.count).toBe(100);
    expect(created()).toBe(2);
    engine.dispose();
  });

  it('rejects with a clear error when the retry crashes too', async () => {
    const { workspaceId } = await demoSlice(50, 'food', 10);
    const { factory } = fakeWorkers((_n, method) => method === 'persona');
    const engine = createEngineClient(workspaceId, factory, 1);
    await expect(engine.persona(parseRule('true'))).rejects.toThrow(/engine worker crashed twice running persona: worker 2 crashed/);
    // The pool still works for other calls.
    expect((await engine.count(parseRule('true'))).count).toBe(50);
    engine.dispose();
  });
});
