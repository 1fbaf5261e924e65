import { useEffect, useRef, useState } from 'react';
import type { LifecycleSetting } from '../../core/model';
import type { EngineClient } from '../../engine/engineClient';

export type StageCountsState = { state: 'counting' | 'done' | 'error'; counts: { stage: string; count: number }[] | null; error?: Error; ms?: number };

const DELAY = 250;

/**
 * Members per stage for the draft rules, recounted ~250 ms after the draft or day stops
 * changing; an answer to an older request is dropped (sequence number). `draft` null (invalid)
 * keeps the last figures.
 */
export function useStageCounts(engine: EngineClient, draft: LifecycleSetting | null, asOf: string): StageCountsState {
  const [s, setS] = useState<StageCountsState>({ state: 'counting', counts: null });
  const seq = useRef(0);
  const key = draft ? JSON.stringify(draft) : null;
  useEffect(() => {
    if (!draft) return;
    const my = ++seq.current;
    setS((p) => ({ ...p, state: 'counting' }));
    const timer = setTimeout(() => {
      const t0 = performance.now();
      engine.stageCounts({ asOf, lifecycle: draft }).then(
        (counts) => my === seq.current && setS({ state: 'done', counts, ms: Math.round(performance.now() - t0) }),
        (e: unknown) => my === seq.current && setS((p) => ({ state: 'error', counts: p.counts, error: e instanceof Error ? e : new Error(String(e)) })),
      );
    }, DELAY);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the draft's content
  }, [engine, key, asOf]);
  return s;
}
