import { CHANNELS, PLATFORMS } from '../../core/model';

/** Filter fields with a closed set of values get a select; the rest take free text (SKUs, stores…). */
export const FILTER_CHOICES: Record<string, readonly string[]> = {
  platform: PLATFORMS,
  channel: CHANNELS,
  kind: ['sale', 'refund', 'message', 'coupon'],
  outcome: ['sent', 'delivered', 'opened', 'clicked', 'failed'],
};

/** "a, b ,c" → ['a','b','c'] (empty parts dropped). */
export function splitValues(s: string): string[] {
  return s.split(',').map((v) => v.trim()).filter(Boolean);
}

/** Where the words for each closed set's values live. */
export const FILTER_LABELS: Record<string, string> = {
  platform: 'data.platform',
  channel: 'data.channel',
  outcome: 'data.outcome',
  kind: 'rules.kindValue',
};
