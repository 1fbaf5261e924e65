import type { TFunction } from 'i18next';
import { parseReason } from '../../core/tags/reasons';

/** A TagEvent's reason as a person reads it, in their language (forms: core/tags/reasons.ts). */
export function reasonText(t: TFunction, reason: string): string {
  const r = parseReason(reason);
  switch (r.kind) {
    case 'rule':
      return t('tags.reason.rule');
    case 'manual': {
      const head = r.who ? t('tags.reason.manualBy', { who: r.who }) : t('tags.reason.manual');
      return r.note ? `${head} · ${t('tags.reason.note', { note: r.note })}` : head;
    }
    case 'journey':
      return t('tags.reason.journey', { journey: r.journeyId, node: r.nodeId });
    case 'other':
      return r.text;
  }
}
