import { describe, expect, it } from 'vitest';
import type { Identity, Touch } from '../core/model';
import type { WorkspaceDB } from './db';
import { commitLedgers, ledgerTables, readLedger } from './ledgers';
import { hintsOfKind, historyOf, mergeHintsOfKind, mergeOnNewEvidence, oneIdTables, readOneIdSettings, setTrust, splitProfile, undoSplit } from './oneid';
import { countAll } from './repositories';
import { recount } from './stats';
import { member, order, testWorkspace } from './testWorkspace';
import { createWorkspace, markComplete } from './workspaces';

const idn = (id: string, m: number, profileId: string, kind: Identity['kind'], value: string, platform: Identity['platform'], scope: string | null = null): Identity => ({
  v: 2, id, memberId: `M000000${m}`, kind, value, platform, scope, firstSeen: '2024-01-01T10:00:00', profileId,
});
const sms = (id: string, m: number): Touch => ({
  v: 1, id, memberId: `M000000${m}`, channel: 'sms', kind: 'message', at: '2024-03-01T10:00:00', cost: 5, campaign: null, journeyId: null, outcome: 'delivered',
});
const PHONE = '13800000001';

/** M1: a Tmall store-A buyer and a POS member sharing a phone; M2: a JD account; M3: an email. */
async function world(): Promise<WorkspaceDB> {
  const db = await createWorkspace(testWorkspace());
  await markComplete(db.name.slice('meridian-ws-'.length));
  await countAll(db);
  await commitLedgers(db, {
    members: [{ ...member(1), joinedAt: '2024-01-01T10:00:00' }, { ...member(2), joinedAt: '2024-06-01T10:00:00' }, member(3)],
    identities: [
      idn('a1', 1, 'P1.tm', 'taobao_buyer', 'nick1', 'tmall', 'S-TMALL-A'),
      idn('a2', 1, 'P1.tm', 'phone', PHONE, 'tmall'),
      idn('a3', 1, 'P1.pos', 'pos_member', 'VIP1', 'pos'),
      idn('a4', 1, 'P1.pos', 'phone', `+86 ${PHONE}`, 'pos'),
      idn('b1', 2, 'P2.jd', 'jd_pin', 'jd2', 'jd'),
      idn('c1', 3, 'P3.tm', 'email', 'ann@x.cn', 'tmall'),
    ],
    orders: [
      { ...order(1, 1), platform: 'tmall', storeId: 'S-TMALL-A' },
      { ...order(2, 1, 'refund'), platform: 'pos', storeId: 'S001' },
      { ...order(3, 2), platform: 'jd', storeId: 'S-JD' },
    ],
    touches: [sms('t1', 1)],
  });
  return db;
}

const incoming = (db: WorkspaceDB, rows: Identity[], fresh = false) =>
  db.transaction('rw', [...ledgerTables(db), ...oneIdTables(db)], async () => {
    await commitOnly(db, rows);
    return mergeOnNewEvidence(db, rows, { by: 'import: test.csv', note: 'test.csv', fresh });
  });
async function commitOnly(db: WorkspaceDB, rows: Identity[]) {
  const { writeLedgers } = await import('./ledgers');
  await writeLedgers(db, { identities: rows }, { merge: true });
}
async function exact(db: WorkspaceDB) {
  const c = await countAll(db);
  expect(c).toEqual(await recount(db));
  return c;
}

describe('incremental OneID', () => {
  it('new trusted evidence held by another member merges the two; the longest known keeps its id; history says why', async () => {
    const db = await world();
    const r = await incoming(db, [idn('b2', 2, 'P2.jd', 'phone', `0086-${PHONE}`, 'jd')]);
    expect(r.merged).toEqual([{ into: 'M0000001', from: 'M0000002', evidence: `phone:${PHONE}` }]);
    expect(await db.members.get('M0000002')).toBeUndefined();
    const l = (await readLedger(db, 'M0000001'))!;
    expect(l.orders.map((o) => o.id).sort()).toEqual(['O0000001', 'O0000002', 'O0000003']);
    expect(l.identities.map((i) => i.id).sort()).toEqual(['a1', 'a2', 'a3', 'a4', 'b1', 'b2']);
    expect(l.identities.every((i) => i.memberId === 'M0000001')).toBe(true);
    expect(await exact(db)).toMatchObject({ members: 2, orders: 3, identities: 7, refunds: 1, touches: 1 });
    const [h] = await historyOf(db, 'M0000002');
    expect(h).toMatchObject({ action: 'merge', into: 'M0000001', from: 'M0000002', evidence: `phone:${PHONE}`, by: 'import: test.csv', moved: { identities: 2, orders: 1 } });
  });

  it('two members of one import sharing new evidence merge too, and a stored card of a third joins them', async () => {
    const db = await world();
    await commitLedgers(db, { identities: [idn('c-card', 3, 'P3.crm', 'member_card', '77', 'tmall', 'A')] }, { merge: true });
    const r = await incoming(db, [
      idn('b-p', 2, 'P2.jd', 'phone', '13900000002', 'jd'),
      idn('c-p', 3, 'P3.tm', 'phone', '13900000002', 'tmall'),
      idn('b-card', 2, 'P2.jd', 'member_card', '77', 'jd', 'A'),
      idn('b-cardB', 2, 'P2.jd', 'member_card', '77', 'jd', 'B'),
    ]);
    // one merge between the two (phone and card A agree); card 77 of system B is other evidence
    expect(r.merged).toHaveLength(1);
    expect([r.merged[0].into, r.merged[0].from].sort()).toEqual(['M0000002', 'M0000003']);
    expect(r.hints).toBe(0);
    expect(await db.members.count()).toBe(2);
    await exact(db);
  });

  it('hint-only evidence (email) records a hint once and merges nothing', async () => {
    const db = await world();
    for (let k = 0; k < 2; k++) {
      const r = await incoming(db, [idn(`b-e${k}`, 2, 'P2.jd', 'email', ' Ann@X.cn ', 'jd')]);
      expect(r).toEqual({ merged: [], hints: k === 0 ? 1 : 0 });
    }
    expect(await db.members.count()).toBe(3);
    expect((await historyOf(db, 'M0000003')).map((h) => [h.action, h.evidence])).toEqual([['hint', 'email:ann@x.cn']]);
  });

  it('trusting a hint-only kind later merges the members it had only hinted, on request, with history', async () => {
    const db = await world();
    await incoming(db, [idn('b-e', 2, 'P2.jd', 'email', 'ann@x.cn', 'jd')]);
    expect(await db.members.count()).toBe(3);
    expect(await hintsOfKind(db, 'email')).toHaveLength(1);
    // Still hint-only: nothing to merge.
    expect((await mergeHintsOfKind(db, 'email', 'ops')).merged).toEqual([]);
    await setTrust(db, 'email', 'merge', 'ops');
    const r = await mergeHintsOfKind(db, 'email', 'ops');
    expect(r.merged).toHaveLength(1);
    expect(r.merged[0].evidence).toBe('email:ann@x.cn');
    expect(await db.members.count()).toBe(2);
    expect(await hintsOfKind(db, 'email')).toEqual([]); // one of the pair is gone
    const merge = (await historyOf(db, r.merged[0].into)).find((h) => h.action === 'merge');
    expect(merge?.note).toMatch(/email trusted to merge/);
    expect(await exact(db)).toMatchObject({ members: 2 });
  });

  it('a kind set to hint by the operator stops merging; fresh mode compares only the new rows', async () => {
    const db = await world();
    await setTrust(db, 'phone', 'hint', 'ops');
    expect((await readOneIdSettings(db)).trust).toEqual({ phone: 'hint' });
    const r = await incoming(db, [idn('b2', 2, 'P2.jd', 'phone', PHONE, 'jd')]);
    expect(r).toEqual({ merged: [], hints: 1 });
    await setTrust(db, 'phone', 'merge', 'ops');
    // fresh: M1's stored phone is not looked up, so nothing is found
    expect(await incoming(db, [idn('b3', 2, 'P2.jd2', 'phone', PHONE, 'jd')], true)).toEqual({ merged: [], hints: 0 });
  });
});

describe('split and undo', () => {
  it('splits a profile into a member of its own with its orders; its evidence no longer merges it; undo restores', async () => {
    const db = await world();
    const before = await exact(db);
    const { memberId, historyId } = await splitProfile(db, 'M0000001', 'P1.pos', { by: 'ops', note: 'shared family phone' });
    expect(memberId).toBe('M0000001~1');
    const split = (await readLedger(db, memberId))!;
    expect(split.identities.map((i) => i.id).sort()).toEqual(['a3', 'a4']);
    expect(split.orders.map((o) => o.id)).toEqual(['O0000002']); // the POS order
    expect(split.touches).toEqual([]); // the SMS reached the phone, which the Tmall profile holds too
    expect((await readLedger(db, 'M0000001'))!.orders.map((o) => o.id)).toEqual(['O0000001']);
    expect(await exact(db)).toEqual({ ...before, members: before.members + 1, oneidHistory: before.oneidHistory + 1 });
    expect((await readOneIdSettings(db)).splits).toMatchObject([{ profileId: 'P1.pos', fromMemberId: 'M0000001', memberId, note: 'shared family phone' }]);

    // New evidence: a new phone row for M2 merges M2 into M1, but only hints at the split-out profile.
    const r = await incoming(db, [idn('b2', 2, 'P2.jd', 'phone', PHONE, 'jd')]);
    expect(r.merged).toEqual([{ into: 'M0000001', from: 'M0000002', evidence: `phone:${PHONE}` }]);
    expect(r.hints).toBe(1);
    expect(await db.members.get(memberId)).toBeDefined();

    await undoSplit(db, historyId, { by: 'ops' });
    expect(await db.members.get(memberId)).toBeUndefined();
    expect((await readLedger(db, 'M0000001'))!.orders.map((o) => o.id).sort()).toEqual(['O0000001', 'O0000002', 'O0000003']);
    expect((await readOneIdSettings(db)).splits).toEqual([]);
    expect(await exact(db)).toMatchObject({ members: 2, orders: 3, identities: 7 });
    const hist = await historyOf(db, 'M0000001');
    expect(hist.map((h) => h.action).sort()).toEqual(['merge', 'split', 'undo-split']);
    expect((await historyOf(db, memberId)).map((h) => [h.action, h.evidence])).toContainEqual(['hint', `phone:${PHONE}`]);
    expect(hist.find((h) => h.action === 'split')!.undoneBy).toBe(hist.find((h) => h.action === 'undo-split')!.id);
  });

  it('refuses what cannot be split, saying why, and writes nothing', async () => {
    const db = await world();
    await expect(splitProfile(db, 'M0000002', 'P2.jd', { by: 'ops', note: '' })).rejects.toThrow(/only profile/);
    await expect(splitProfile(db, 'M0000001', 'nope', { by: 'ops', note: '' })).rejects.toThrow(/no profile nope/);
    await expect(undoSplit(db, 'h-missing', { by: 'ops' })).rejects.toThrow(/no split in force/);
    expect(await db.members.count()).toBe(3);
    expect(await db.oneidHistory.count()).toBe(0);
  });
});

describe('possible matches', () => {
  it('lists members sharing this member\'s evidence without being merged, read from the index', async () => {
    const db = await world();
    const { possibleMatches } = await import('./oneid');
    await incoming(db, [idn('b-e', 2, 'P2.jd', 'email', 'ANN@x.cn', 'jd')]);
    const l = (await readLedger(db, 'M0000003'))!;
    expect(await possibleMatches(db, 'M0000003', l.identities)).toEqual([
      { memberId: 'M0000002', evidence: 'email:ann@x.cn', kind: 'email', profileId: 'P3.tm', otherProfileId: 'P2.jd' },
    ]);
    const l1 = (await readLedger(db, 'M0000001'))!;
    expect(await possibleMatches(db, 'M0000001', l1.identities)).toEqual([]);
  });
});

describe('OneID in the workspace file', () => {
  it('trust settings, splits in force and the whole history travel with an export and come back on restore', async () => {
    const { exportWorkspace, importWorkspaceFile } = await import('./workspaceFile');
    const { openWorkspace } = await import('./workspaces');
    const db = await world();
    await setTrust(db, 'email', 'merge', 'ops');
    await splitProfile(db, 'M0000001', 'P1.pos', { by: 'ops', note: 'shared family phone' });
    const settings = await readOneIdSettings(db);
    expect(settings.splits).toHaveLength(1);
    const history = await db.oneidHistory.orderBy('id').toArray();
    expect(history.map((h) => h.action).sort()).toEqual(['split', 'trust']);

    const blob = await exportWorkspace(db, undefined, undefined, { compress: false });
    const header = JSON.parse((await blob.text()).split('\n')[0]);
    expect(header.oneid.trust.email).toBe('merge');
    expect(header.counts.oneidHistory).toBe(2);

    const { workspaceId } = await importWorkspaceFile(blob);
    const restored = openWorkspace(workspaceId);
    expect(await readOneIdSettings(restored)).toEqual(settings);
    expect(await restored.oneidHistory.orderBy('id').toArray()).toEqual(history);
    expect((await historyOf(restored, 'M0000001')).map((h) => h.action)).toEqual(['split']);
  });
});
