import { useCallback, useState } from 'react';

/**
 * The busy flag and error of a user action that awaits something (save, publish, apply):
 * `run(fn)` clears the last error, sets busy (to `label`, or true) until fn settles, and keeps
 * fn's error for an ErrorBox. One place for the try/catch/finally every editor needs.
 */
export function useAsyncAction<L extends string | true = true>() {
  const [busy, setBusy] = useState<L | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (fn: (step: (label: L) => void) => Promise<void>, label?: L) => {
    setError(null);
    setBusy((label ?? true) as L);
    try {
      await fn((l) => setBusy(l));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }, []);
  /** `pending`: busy as a boolean, for `disabled` props; `busy`: which step, when fn names them. */
  return { busy, pending: busy !== null, error, setError, run };
}
