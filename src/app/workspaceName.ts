import type { TFunction } from 'i18next';
import { TEMPLATE_LABELS } from '../core/demo/labels';

/**
 * Demo workspaces are named in data as 'Demo · Mother & Baby · 10k' (the same in every
 * language, so exports and tests are stable); on screen such a name is shown in the
 * reader's language. A name the user typed is shown as typed.
 */
export function displayWorkspaceName(name: string, t: TFunction): string {
  const m = /^Demo · (.+) · (\d+(?:\.\d+)?[kM]?)$/.exec(name);
  if (!m) return name;
  const template = (Object.keys(TEMPLATE_LABELS) as (keyof typeof TEMPLATE_LABELS)[]).find((k) => TEMPLATE_LABELS[k] === m[1]);
  if (!template) return name;
  return t('shell.demoName', { template: t(`shell.templates.${template}`), size: m[2] });
}
