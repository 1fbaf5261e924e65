import { describe, expect, it } from 'vitest';
import { persistenceState, requestPersistence, storageEstimate } from './persist';

describe('persistent storage', () => {
  it('reports unsupported where navigator.storage is missing (Node)', async () => {
    expect(await requestPersistence()).toBe('unsupported');
    expect(await persistenceState()).toBe('unsupported');
    expect(await storageEstimate()).toBeNull();
  });

  it('maps the browser answers', async () => {
    const granted = { persist: async () => true, persisted: async () => false, estimate: async () => ({ usage: 10, quota: 100 }) };
    expect(await requestPersistence(granted)).toBe('granted');
    expect(await persistenceState(granted)).toBe('denied');
    expect(await storageEstimate(granted)).toEqual({ usage: 10, quota: 100 });
    const failing = { persist: async () => Promise.reject(new Error('no')), estimate: async () => ({}) };
    expect(await requestPersistence(failing)).toBe('denied');
    expect(await storageEstimate(failing)).toEqual({ usage: 0, quota: 0 });
  });
});
