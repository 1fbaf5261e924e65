import { useTranslation } from 'react-i18next';
import type { Lang } from '../../core/journey/text';

/** The UI language as a BCP 47 locale for Intl formatters. */
export function useLocale(): string {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage?.startsWith('zh') ? 'zh-CN' : 'en';
}

/** The UI language as the key of a catalogue Text ({en, zh}: node types, fields, templates). */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage?.startsWith('zh') ? 'zh' : 'en';
}
