/**
 * A visible string in both UI languages, kept beside the thing it names (a node type, a field,
 * an option) so the node catalogue stays the one source of truth for everything about a node.
 */
export interface Text {
  en: string;
  zh: string;
}
export const L = (en: string, zh: string): Text => ({ en, zh });

export type Lang = 'en' | 'zh';
export function pick(text: Text, lang: Lang): string {
  return lang === 'zh' ? text.zh : text.en;
}
