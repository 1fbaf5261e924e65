import { L, type Text } from './text';

/**
 * Member variables a message can hold, written {{name}}. Rendering escapes every value for the
 * target (HTML for official-account and mini-program content, plain text for SMS and WeCom), so
 * a member's name can never inject markup into a message.
 */
export const VARIABLES: readonly { key: string; label: Text; sample: string }[] = [
  { key: 'name', label: L('Member name', '会员姓名'), sample: 'Li Na' },
  { key: 'city', label: L('City', '城市'), sample: 'Hangzhou' },
  { key: 'level', label: L('Member level', '会员等级'), sample: 'Gold' },
  { key: 'guide', label: L('Shop guide', '导购'), sample: 'Wang Fang' },
  { key: 'store', label: L('Store', '门店'), sample: 'West Lake store' },
  { key: 'coupon', label: L('Coupon', '优惠券'), sample: '¥20 off' },
  { key: 'points', label: L('Points balance', '积分余额'), sample: '1,280' },
  { key: 'id', label: L('Member id', '会员编号'), sample: 'M0000001' },
];
const KNOWN = new Set(VARIABLES.map((v) => v.key));
const VAR = /\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g;

export function variablesIn(content: string): string[] {
  return [...new Set([...content.matchAll(VAR)].map((m) => m[1]))];
}

export function unknownVariables(content: string): string[] {
  return variablesIn(content).filter((v) => !KNOWN.has(v));
}

/** Unbalanced braces are almost always a typo for a variable. */
export function hasStrayBraces(content: string): boolean {
  return /\{\{|\}\}/.test(content.replace(VAR, ''));
}

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML[c]);

/** Fill a message for one member. Missing values become '' rather than the raw placeholder. */
export function renderContent(content: string, values: Record<string, string | number | null | undefined>, target: 'html' | 'text'): string {
  return content.replace(VAR, (_, key: string) => {
    const v = values[key];
    const s = v === null || v === undefined ? '' : String(v);
    return target === 'html' ? escapeHtml(s) : s;
  });
}

export const sampleValues = (): Record<string, string> => Object.fromEntries(VARIABLES.map((v) => [v.key, v.sample]));
