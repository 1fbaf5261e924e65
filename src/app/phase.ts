import type { i18n as I18n, TFunction } from 'i18next';

/** A job's phase key in words; phases nobody has named yet read "Working…". */
export function phaseLabel(t: TFunction, i18n: I18n, phase: string): string {
  const key = `shell.phase.${phase}`;
  return i18n.exists(key) ? t(key) : t('shell.phase.working');
}
