import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { FEATURE_STRINGS } from './features';
import type { StringTree } from './strings';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

export function buildResources(): Record<Language, { translation: Record<string, StringTree> }> {
  const en: Record<string, StringTree> = {};
  const zh: Record<string, StringTree> = {};
  for (const f of FEATURE_STRINGS) {
    en[f.feature] = f.en;
    zh[f.feature] = f.zh;
  }
  return { en: { translation: en }, 'zh-CN': { translation: zh } };
}

/** Default by the browser's language (zh* -> zh-CN, else en); a choice in Settings is remembered. */
export async function initI18n(): Promise<typeof i18next> {
  await i18next
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources: buildResources(),
      supportedLngs: [...LANGUAGES],
      nonExplicitSupportedLngs: false,
      fallbackLng: { zh: ['zh-CN'], 'zh-TW': ['zh-CN'], 'zh-HK': ['zh-CN'], default: ['en'] },
      load: 'currentOnly',
      interpolation: { escapeValue: false }, // React escapes
      detection: { order: ['localStorage', 'navigator'], lookupLocalStorage: 'meridian.lang', caches: ['localStorage'] },
      returnNull: false,
    });
  const syncHtmlLang = (lng: string) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng.startsWith('zh') ? 'zh-CN' : 'en';
  };
  syncHtmlLang(i18next.resolvedLanguage ?? 'en');
  i18next.on('languageChanged', syncHtmlLang);
  return i18next;
}
