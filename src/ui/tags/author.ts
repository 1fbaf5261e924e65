import { useState } from 'react';

/** Who makes manual tag changes: there are no accounts offline, so the person says so once per browser. */
const KEY = 'meridian.tagAuthor';

function read(): string {
  try {
    return globalThis.localStorage?.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function useAuthor(): [string, (name: string) => void] {
  const [name, setName] = useState(read);
  const set = (n: string) => {
    setName(n);
    try {
      globalThis.localStorage?.setItem(KEY, n);
    } catch {
      // Private mode or a full quota: the name is kept for this page only.
    }
  };
  return [name, set];
}
