import { useTranslation } from 'react-i18next';

/** The UI language as a BCP 47 locale for Intl formatters. */
export function useLocale(): string {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage?.startsWith('zh') ? 'zh-CN' : 'en';
}
