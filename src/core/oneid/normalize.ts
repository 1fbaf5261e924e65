import type { IdentityKind } from '../model';

const MOBILE = /^1[3-9]\d{9}$/;
/** Visible ASCII: nothing trim() would remove. */
const printable = (c: number) => c > 32 && c < 127;

/**
 * Identity values are compared after normalising: phones to 11-digit mainland mobiles
 * (dropping +86 / 0086 / spaces / dashes), emails lower-cased, ids trimmed. A value that
 * cannot be normalised (a 7-digit "phone") is not evidence: it returns null.
 */
export function normalizeIdentity(kind: IdentityKind, raw: string): string | null {
  // The common case first: a value already clean is returned as is (no copy, no regex).
  if (kind !== 'phone' && kind !== 'email' && raw.length > 0 && printable(raw.charCodeAt(0)) && printable(raw.charCodeAt(raw.length - 1))) return raw;
  const v = raw.trim();
  if (!v) return null;
  switch (kind) {
    case 'phone': {
      if (MOBILE.test(v)) return v;
      let d = v.replace(/[\s\-().]/g, '');
      if (d.startsWith('+86')) d = d.slice(3);
      else if (d.startsWith('0086')) d = d.slice(4);
      else if (d.startsWith('86') && d.length === 13) d = d.slice(2);
      return MOBILE.test(d) ? d : null;
    }
    case 'email': {
      const e = v.toLowerCase();
      return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e) ? e : null;
    }
    default:
      return v;
  }
}

/**
 * The key two identities must share to be the same evidence. Card numbers are per card system
 * (scope A/B/C), so card 1001 of system A is not card 1001 of system B. A Taobao buyer nick is
 * one across the platform: its scope says which store saw it (S-TMALL-A, S-TMALL-B), and a
 * workspace is one brand, so the same nick in the brand's stores A and B is one buyer.
 */
export function evidenceKey(kind: IdentityKind, normalized: string, scope: string | null): string {
  return kind === 'member_card' ? `${kind}:${scope ?? ''}:${normalized}` : `${kind}:${normalized}`;
}
