import Dexie, { type Table } from 'dexie';
import {
  EMPTY_ONEID_SETTINGS, load, OneIdSettingsRecord, type Identity, type IdentityKind, type Member, type MovedCounts,
  type OneIdHistoryEntry, type OneIdSettings,
} from '../core/model';
import { identityEvidence, normalizeIdentity, planEvidenceMerges, rowCounts, rowsOfProfile, type MemberRows, type Trust } from '../core/oneid';
import type { MemberLedger, WorkspaceDB } from './db';
import { ledgerTables, writeLedgers } from './ledgers';
import { bumpStats } from './stats';

/**
 * OneID on stored members (design: docs/oneid.md). Settings (trust per kind, splits in force)
 * are one row of `oneid`; every merge, hint, split, undo and trust change is an entry of
 * `oneidHistory`, indexed by the members it concerns. Member rows move between ledgers only
 * through `rehome` below: the old ledger is dropped with its counts taken off the stats row and
 * its rows written again through writeLedgers, so counts stay exact and nothing is half-moved.
 */
export function oneIdTables(db: WorkspaceDB): Table[] {
  return [db.oneid, db.oneidHistory] as Table[];
}

const allTables = (db: WorkspaceDB): Table[] => [...ledgerTables(db), ...oneIdTables(db)];

export function localNow(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

let seq = 0;
function historyId(): string {
  seq = (seq + 1) % 1_679_616;
  return `h-${Date.now().toString(36)}-${seq.toString(36).padStart(4, '0')}-${Math.random().toString(36).slice(2, 6)}`;
}

function entry(e: Partial<OneIdHistoryEntry> & Pick<OneIdHistoryEntry, 'action' | 'by' | 'members'>): OneIdHistoryEntry {
  return {
    v: 1, id: e.id ?? historyId(), at: e.at ?? localNow(), by: e.by.slice(0, 200), action: e.action, members: e.members,
    into: e.into ?? null, from: e.from ?? null, profileId: e.profileId ?? null, evidence: e.evidence ?? null,
    note: (e.note ?? '').slice(0, 1000), moved: e.moved ?? null, undoneBy: e.undoneBy ?? null, trust: e.trust ?? null,
  };
}

/** The workspace's OneID settings; defaults when never saved. A stored row that does not load is an error. */
export async function readOneIdSettings(db: WorkspaceDB): Promise<OneIdSettings> {
  const row = await db.oneid.get('settings');
  if (!row) return EMPTY_ONEID_SETTINGS;
  const r = load(OneIdSettingsRecord, row.value);
  if (!r.ok) throw new Error(`OneID settings: ${r.error.message}`);
  return r.value;
}

/** Change the trust of one kind; recorded in history. Applies to evidence arriving from now on. */
export function setTrust(db: WorkspaceDB, kind: IdentityKind, choice: Trust, by: string): Promise<OneIdSettings> {
  return db.transaction('rw', oneIdTables(db), async () => {
    const s = await readOneIdSettings(db);
    const next: OneIdSettings = { ...s, trust: { ...s.trust, [kind]: choice } };
    await db.oneid.put({ key: 'settings', value: next });
    await db.oneidHistory.add(entry({ action: 'trust', by, members: [], evidence: kind, note: `${kind}: ${choice}`, trust: next.trust }));
    return next;
  });
}

/** A member's OneID history, newest first. */
export async function historyOf(db: WorkspaceDB, memberId: string): Promise<OneIdHistoryEntry[]> {
  const rows = await db.oneidHistory.where('members').equals(memberId).toArray();
  return rows.sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
}

/** Workspace-wide history (trust changes included), newest first. */
export async function recentHistory(db: WorkspaceDB, limit = 50): Promise<OneIdHistoryEntry[]> {
  return db.oneidHistory.orderBy('at').reverse().limit(limit).toArray();
}

const ledgerRows = (l: MemberLedger): MemberRows => ({
  identities: l.identities, orders: l.orders, touches: l.touches, coupons: l.coupons, subprofiles: l.subprofiles,
});

/**
 * Drop `from`'s ledger and write its rows again: those in `move` (by id) to member `to`, the rest
 * back to `from`. `dropMember`: `from` ceases to exist (a merge). `newMember`: `to` is created
 * (a split). Runs inside the caller's transaction.
 */
async function rehome(db: WorkspaceDB, from: MemberLedger, to: string, move: MemberRows | 'all', opts: { dropMember?: boolean; newMember?: Member }): Promise<void> {
  const rows = ledgerRows(from);
  const moving = move === 'all' ? null : {
    identities: new Set(move.identities.map((r) => r.id)), orders: new Set(move.orders.map((r) => r.id)),
    touches: new Set(move.touches.map((r) => r.id)), coupons: new Set(move.coupons.map((r) => r.id)), subprofiles: new Set(move.subprofiles.map((r) => r.id)),
  };
  const owner = <T extends { id: string }>(part: keyof MemberRows, r: T) => (moving === null || moving[part].has(r.id) ? to : from.memberId);
  await db.ledgers.delete(from.memberId);
  if (opts.dropMember) await db.members.delete(from.memberId);
  await bumpStats(db, {
    members: opts.dropMember ? -1 : 0,
    identities: -rows.identities.length, orders: -rows.orders.length, touches: -rows.touches.length,
    coupons: -rows.coupons.length, subprofiles: -rows.subprofiles.length,
    refunds: -rows.orders.filter((o) => o.kind === 'refund').length,
  });
  await writeLedgers(db, {
    members: opts.newMember ? [opts.newMember] : [],
    identities: rows.identities.map((r) => ({ ...r, memberId: owner('identities', r) })),
    orders: rows.orders.map((r) => ({ ...r, memberId: owner('orders', r) })),
    touches: rows.touches.map((r) => ({ ...r, memberId: owner('touches', r) })),
    coupons: rows.coupons.map((r) => ({ ...r, memberId: owner('coupons', r) })),
    subprofiles: rows.subprofiles.map((r) => ({ ...r, memberId: owner('subprofiles', r) })),
    // the dropped ledger (a merged-away member) is logged with the write for the incremental snapshot
  }, { merge: true, alsoChanged: [from.memberId] });
}

export interface EvidenceResult {
  merged: { into: string; from: string; evidence: string }[];
  hints: number;
}

/**
 * Identities of OTHER members that share evidence with `incoming`: (value, ledger) pairs from
 * the idKeys index alone, then only the ledgers where a value sits under another member than
 * the row that brought it. Read it BEFORE the incoming rows are written when they can be (an
 * import creating thousands of members): afterwards every new ledger matches its own values
 * and the scan reads them all (measured: most of the UCI import's saving time).
 */
export async function heldEvidence(db: WorkspaceDB, incoming: readonly Identity[]): Promise<Identity[]> {
  if (incoming.length === 0) return [];
  const byValue = new Map<string, Set<string>>();
  for (const i of incoming) {
    for (const v of [i.value, normalizeIdentity(i.kind, i.value)]) {
      if (!v) continue;
      const owners = byValue.get(v) ?? new Set<string>();
      owners.add(i.memberId);
      byValue.set(v, owners);
    }
  }
  const candidates = new Set<string>();
  await db.ledgers.where('idKeys').anyOf([...byValue.keys()]).eachKey((value, cursor) => {
    const ledgerId = String(cursor.primaryKey);
    const owners = byValue.get(String(value));
    if (owners && (owners.size > 1 || !owners.has(ledgerId))) candidates.add(ledgerId);
  });
  const ledgers = candidates.size ? await db.ledgers.bulkGet([...candidates]) : [];
  const wanted = new Set(incoming.map(identityEvidence).filter((k): k is string => k !== null));
  const ids = new Set(incoming.map((i) => i.id));
  return ledgers.flatMap((l) => (l ? l.identities.filter((i) => !ids.has(i.id) && wanted.has(identityEvidence(i) ?? '')) : []));
}

/**
 * Incremental OneID after new identities were written (an import, a sync): an identity whose
 * evidence another member already holds merges the two members when its kind is trusted (the
 * longest-known member keeps its id; history says which evidence did it), or records a hint when
 * it is hint-only or a split forbids it. MUST run inside the writer's rw transaction over
 * ledgerTables(db) and oneIdTables(db). `fresh`: the workspace was empty before these rows, so
 * only the new rows among themselves are compared (no index reads). `held`: heldEvidence read
 * before the rows were written (much cheaper for a large import).
 */
export async function mergeOnNewEvidence(
  db: WorkspaceDB, incoming: readonly Identity[], opts: { by: string; note?: string; fresh?: boolean; held?: Identity[] },
): Promise<EvidenceResult> {
  const tx = Dexie.currentTransaction;
  if (!tx || tx.mode !== 'readwrite') throw new Error('mergeOnNewEvidence must run inside a rw transaction over ledgerTables(db) and oneIdTables(db)');
  if (incoming.length === 0) return { merged: [], hints: 0 };
  const settings = await readOneIdSettings(db);
  const isolated = new Set(settings.splits.map((s) => s.profileId));

  const held = opts.fresh ? [] : (opts.held ?? (await heldEvidence(db, incoming)));
  const involved = [...new Set([...incoming, ...held].map((i) => i.memberId))];
  const members = new Map((await db.members.bulkGet(involved)).filter((m): m is Member => !!m).map((m) => [m.id, m]));
  const seniority = (id: string) => `${members.get(id)?.joinedAt ?? '9999'}|${id}`;
  const plan = planEvidenceMerges(incoming, held, settings.trust, isolated, seniority);

  const at = localNow();
  const note = opts.note ?? '';
  for (const m of plan.merges) {
    const from = await db.ledgers.get(m.from);
    if (!from) continue;
    const moved: MovedCounts = rowCounts(ledgerRows(from));
    await rehome(db, from, m.into, 'all', { dropMember: true });
    await db.oneidHistory.add(entry({
      action: 'merge', by: opts.by, at, members: [m.into, m.from], into: m.into, from: m.from, profileId: m.profiles[1], evidence: m.evidence, note, moved,
    }));
  }
  // A hint is recorded once per pair and evidence, however often it arrives.
  const hintIds = plan.hints.map((h) => `hint:${[h.a, h.b].sort().join('|')}|${h.evidence}`);
  const known = await db.oneidHistory.bulkGet(hintIds);
  const fresh = plan.hints.flatMap((h, k) => (known[k] ? [] : [entry({
    id: hintIds[k], action: 'hint', by: opts.by, at, members: [h.a, h.b], into: h.a, from: h.b, profileId: h.profiles[1], evidence: h.evidence, note,
  })]));
  if (fresh.length) await db.oneidHistory.bulkAdd(fresh);
  return { merged: plan.merges.map((m) => ({ into: m.into, from: m.from, evidence: m.evidence })), hints: fresh.length };
}

/** Hints recorded for evidence of `kind` whose two members both still exist: what trusting it would merge. */
export async function hintsOfKind(db: WorkspaceDB, kind: IdentityKind): Promise<OneIdHistoryEntry[]> {
  const hints = await db.oneidHistory.filter((h) => h.action === 'hint' && (h.evidence ?? '').startsWith(`${kind}:`)).toArray();
  if (hints.length === 0) return [];
  const alive = new Set((await db.ledgers.bulkGet([...new Set(hints.flatMap((h) => h.members))])).filter((l): l is MemberLedger => !!l).map((l) => l.memberId));
  return hints.filter((h) => h.members.length === 2 && alive.has(h.members[0]) && alive.has(h.members[1]));
}

/**
 * A kind's trust was raised to merge: the members stored earlier that share its evidence were
 * only hinted then; merge them now (one transaction, history names the evidence, each merge can
 * be split again). Uses the stored settings, so it merges nothing while the kind is hint-only.
 */
export function mergeHintsOfKind(db: WorkspaceDB, kind: IdentityKind, by: string): Promise<EvidenceResult> {
  return db.transaction('rw', allTables(db), async () => {
    const hints = await hintsOfKind(db, kind);
    const evidence = new Set(hints.map((h) => h.evidence));
    const ledgers = await db.ledgers.bulkGet([...new Set(hints.map((h) => h.members[0]))]);
    const incoming = ledgers.flatMap((l) => (l ? l.identities.filter((i) => evidence.has(identityEvidence(i))) : []));
    return mergeOnNewEvidence(db, incoming, { by, note: `${kind} trusted to merge: hinted members merged` });
  });
}

/**
 * An operator splits `profileId` out of `memberId`: it becomes a member of its own (its
 * identities, and the orders / touches / coupons that came through it), a split is stored so its
 * evidence does not merge it back, and history records who, when and why. One transaction.
 */
export function splitProfile(db: WorkspaceDB, memberId: string, profileId: string, opts: { by: string; note: string }): Promise<{ memberId: string; historyId: string }> {
  return db.transaction('rw', allTables(db), async () => {
    const [ledger, member] = await Promise.all([db.ledgers.get(memberId), db.members.get(memberId)]);
    if (!ledger || !member) throw new Error(`Split: member ${memberId} does not exist`);
    const rows = ledgerRows(ledger);
    const profiles = new Set(rows.identities.map((i) => i.profileId));
    if (!profiles.has(profileId)) throw new Error(`Split: member ${memberId} has no profile ${profileId}`);
    if (profiles.size < 2) throw new Error(`Split: ${profileId} is the only profile of member ${memberId}; there is nothing to split it from`);
    const move = rowsOfProfile(rows, profileId);
    let k = 1;
    while (await db.members.get(`${memberId}~${k}`)) k++;
    const newId = `${memberId}~${k}`;
    const first = move.identities.reduce((m, i) => (i.firstSeen < m.firstSeen ? i : m), move.identities[0]);
    const newMember: Member = {
      ...member, id: newId, name: '', level: 0, joinedAt: first.firstSeen, firstPlatform: first.platform,
      wecomFriend: move.identities.some((i) => i.kind === 'wecom_external'), attributes: { source: 'split', splitFrom: memberId },
    };
    await rehome(db, ledger, newId, move, { newMember });
    const settings = await readOneIdSettings(db);
    const h = entry({ action: 'split', by: opts.by, members: [memberId, newId], into: memberId, from: newId, profileId, note: opts.note, moved: rowCounts(move) });
    await db.oneidHistory.add(h);
    await db.oneid.put({
      key: 'settings',
      value: { ...settings, splits: [...settings.splits, { profileId, fromMemberId: memberId, memberId: newId, by: h.by, at: h.at, note: h.note, historyId: h.id }] },
    });
    return { memberId: newId, historyId: h.id };
  });
}

/** Undo a split: the split-out member's rows go back, the split is lifted, history records it. One transaction. */
export function undoSplit(db: WorkspaceDB, splitHistoryId: string, opts: { by: string; note?: string }): Promise<{ memberId: string }> {
  return db.transaction('rw', allTables(db), async () => {
    const settings = await readOneIdSettings(db);
    const split = settings.splits.find((s) => s.historyId === splitHistoryId);
    if (!split) throw new Error(`Undo split: no split in force with history id ${splitHistoryId}`);
    const [from, into] = await Promise.all([db.ledgers.get(split.memberId), db.members.get(split.fromMemberId)]);
    if (!into) throw new Error(`Undo split: member ${split.fromMemberId} no longer exists`);
    const moved = from ? rowCounts(ledgerRows(from)) : null;
    if (from) await rehome(db, from, split.fromMemberId, 'all', { dropMember: true });
    else await db.members.delete(split.memberId);
    const h = entry({
      action: 'undo-split', by: opts.by, members: [split.fromMemberId, split.memberId], into: split.fromMemberId, from: split.memberId,
      profileId: split.profileId, note: opts.note ?? '', moved,
    });
    await db.oneidHistory.add(h);
    await db.oneidHistory.update(splitHistoryId, { undoneBy: h.id });
    await db.oneid.put({ key: 'settings', value: { ...settings, splits: settings.splits.filter((s) => s !== split) } });
    return { memberId: split.fromMemberId };
  });
}

export interface PossibleMatch {
  /** the other member holding the same evidence */
  memberId: string;
  evidence: string;
  kind: IdentityKind;
  /** this member's profile and the other's that hold it */
  profileId: string;
  otherProfileId: string;
}

/**
 * Members that hold a piece of this member's evidence without being merged with it: hint-only
 * kinds (email by default), a profile split out, or trust changed after the fact. Read live
 * from the identity index, so it is always what the data says now.
 */
export async function possibleMatches(db: WorkspaceDB, memberId: string, identities: readonly Identity[]): Promise<PossibleMatch[]> {
  const byKey = new Map<string, Identity>();
  const values = new Set<string>();
  for (const i of identities) {
    const k = identityEvidence(i);
    if (k === null) continue;
    byKey.set(k, i);
    values.add(i.value);
    const n = normalizeIdentity(i.kind, i.value);
    if (n) values.add(n);
  }
  if (values.size === 0) return [];
  const others = await db.ledgers.where('idKeys').anyOf([...values]).filter((l) => l.memberId !== memberId).limit(50).toArray();
  const out: PossibleMatch[] = [];
  for (const l of others) {
    for (const o of l.identities) {
      const k = identityEvidence(o);
      const mine = k === null ? undefined : byKey.get(k);
      if (mine && k) out.push({ memberId: l.memberId, evidence: k, kind: o.kind, profileId: mine.profileId, otherProfileId: o.profileId });
    }
  }
  return out;
}
