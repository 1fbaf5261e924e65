/**
 * Ask the browser to keep this origin's data (IndexedDB) when disk runs low. Without it a
 * best-effort origin may be evicted, taking a member base with it; with it, only the user
 * can clear the data. Chromium grants it silently to installed or much-used sites; Firefox asks.
 */
export type PersistenceState = 'granted' | 'denied' | 'unsupported';

interface StorageManagerLike {
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

function storageManager(): StorageManagerLike | null {
  const nav = (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator;
  return nav?.storage ?? null;
}

/** Ask for persistent storage; 'unsupported' where the API is missing. */
export async function requestPersistence(storage = storageManager()): Promise<PersistenceState> {
  if (!storage?.persist) return 'unsupported';
  try {
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}

/** Whether the data is already persistent, without asking. */
export async function persistenceState(storage = storageManager()): Promise<PersistenceState> {
  if (!storage?.persisted) return 'unsupported';
  try {
    return (await storage.persisted()) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}

/** Bytes used and the quota granted to this origin, or null where unknown. */
export async function storageEstimate(storage = storageManager()): Promise<{ usage: number; quota: number } | null> {
  if (!storage?.estimate) return null;
  try {
    const e = await storage.estimate();
    return { usage: e.usage ?? 0, quota: e.quota ?? 0 };
  } catch {
    return null;
  }
}
