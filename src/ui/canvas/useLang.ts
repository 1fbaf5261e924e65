import { useTranslation } from 'react-i18next';
import type { Lang } from '../../core/journey/text';

/** The UI language as the catalogue's Text key. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage?.startsWith('zh') ? 'zh' : 'en';
}
