import { describe, expect, it } from 'vitest';
import { seedWorkspace } from './testWorkspace';
import { createTabLock, type LocksLike } from './tabLock';
import { cleanupIncomplete, deleteWorkspace, getCatalogue } from './workspaces';

/** A lock that another tab holds for good: every ifAvailable request is refused. */
const heldElsewhere: LocksLike = {
  request: (_n, opts, cb) => (opts.ifAvailable ? Promise.resolve(cb(null)) : new Promise(() => undefined)),
};

describe('cleanupIncomplete and the writer tab', () => {
  it('the writer removes interrupted builds and keeps complete workspaces', async () => {
    const done = await seedWorkspace(2);
    const broken = await seedWorkspace(2, { complete: false });
    const removed = await cleanupIncomplete();
    const ids = (await getCatalogue().workspaces.toArray()).map((w) => w.id);
    expect(removed).toEqual([broken.db.name.slice('meridian-ws-'.length)]);
    expect(ids).toContain(done.db.name.slice('meridian-ws-'.length));
    expect(ids).not.toContain(removed[0]);
  });

  it('a read-only tab leaves incomplete workspaces alone (they may be the writer build in progress) and refuses deletes', async () => {
    const inProgress = await seedWorkspace(2, { complete: false });
    const id = inProgress.db.name.slice('meridian-ws-'.length);
    const lock = createTabLock({ locks: heldElsewhere, channel: null });
    await new Promise((r) => setTimeout(r, 0));
    expect(lock.state).toBe('readonly');
    expect(await cleanupIncomplete()).toEqual([]);
    expect(await getCatalogue().workspaces.get(id)).toBeDefined();
    await expect(deleteWorkspace(id)).rejects.toThrow(/read-only tab/);
  });
});
