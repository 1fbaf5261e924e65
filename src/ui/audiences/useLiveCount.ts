import { useEffect, useRef, useState } from 'react';
import { printRule, type Rule } from '../../core/rules';
import type { CountResult, EngineClient } from '../../engine/engineClient';

export type LiveCount = { state: 'idle' } | { state: 'counting'; last: CountResult | null } | { state: 'done'; result: CountResult } | { state: 'error'; error: Error; last: CountResult | null };

const DELAY = 250;

/**
 * The count of a rule, recounted ~250 ms after the rule or day stops changing. Each request
 * carries a sequence number: an answer to an older request is dropped, so a slow count never
 * overwrites a newer one. `rule` null (not valid yet) keeps the last figure.
 */
export function useLiveCount(engine: EngineClient | null, rule: Rule | null, asOf: string): LiveCount {
  const [live, setLive] = useState<LiveCount>({ state: 'idle' });
  const seq = useRef(0);
  const last = useRef<CountResult | null>(null);
  const key = rule ? printRule(rule) : null;
  useEffect(() => {
    if (!engine || !rule) return;
    const my = ++seq.current;
    setLive({ state: 'counting', last: last.current });
    const timer = setTimeout(() => {
      engine.count(rule, { asOf }).then(
        (result) => {
          if (my !== seq.current) return;
          last.current = result;
          setLive({ state: 'done', result });
        },
        (e: unknown) => {
          if (my !== seq.current) return;
          setLive({ state: 'error', error: e instanceof Error ? e : new Error(String(e)), last: last.current });
        },
      );
    }, DELAY);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the rule's text form
  }, [engine, key, asOf]);
  return live;
}
