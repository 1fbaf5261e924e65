/**
 * Why a tag was added or removed, as stored in TagEvent.reason (one string, ≤ 500 chars, so
 * the record stays v1). The forms, and who writes them:
 *   'rule'                        the engine's evaluation of a rule or dynamic tag
 *   'manual:<who>[:<note>]'       a person, on the member page or in bulk from the tag page
 *   'journey:<journeyId>:<nodeId>' a journey's result-tag node (applyResultTag)
 * Anything else is shown as written. `who` cannot hold ':'; the note may.
 */
export type TagReason =
  | { kind: 'rule' }
  | { kind: 'manual'; who: string; note: string }
  | { kind: 'journey'; journeyId: string; nodeId: string }
  | { kind: 'other'; text: string };

export const REASON_MAX = 500;

export function manualReason(who: string, note = ''): string {
  const by = who.replace(/[:\s]+/g, ' ').trim().slice(0, 80) || 'someone';
  const text = note.replace(/\s+/g, ' ').trim();
  return (text ? `manual:${by}:${text}` : `manual:${by}`).slice(0, REASON_MAX);
}

export function journeyReason(journeyId: string, nodeId: string): string {
  return `journey:${journeyId}:${nodeId}`.slice(0, REASON_MAX);
}

export function parseReason(reason: string): TagReason {
  if (reason === 'rule') return { kind: 'rule' };
  if (reason === 'manual') return { kind: 'manual', who: '', note: '' };
  if (reason.startsWith('manual:')) {
    const rest = reason.slice('manual:'.length);
    const at = rest.indexOf(':');
    return at < 0 ? { kind: 'manual', who: rest, note: '' } : { kind: 'manual', who: rest.slice(0, at), note: rest.slice(at + 1) };
  }
  const j = /^journey:([^:]+):(.+)$/.exec(reason);
  if (j) return { kind: 'journey', journeyId: j[1], nodeId: j[2] };
  return { kind: 'other', text: reason };
}

/** A result-tag reason must say which journey node wrote it (or be another non-empty source). */
export function checkResultReason(reason: string): string | null {
  if (!reason.trim()) return 'a result tag change needs a reason, e.g. journey:<journeyId>:<nodeId>';
  if (reason.length > REASON_MAX) return `the reason is longer than ${REASON_MAX} characters`;
  const p = parseReason(reason);
  if (p.kind === 'rule' || p.kind === 'manual') return `'${reason.slice(0, 40)}' is the reason of ${p.kind} changes, not of a result tag`;
  return null;
}
