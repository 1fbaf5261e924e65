/**
 * Each feature declares its visible strings in both languages side by side, so a string
 * cannot be added in one language and forgotten in the other (a test compares the keys).
 */
export type StringTree = { [key: string]: string | StringTree };
export interface FeatureStrings {
  feature: string;
  en: StringTree;
  zh: StringTree;
}
export function defineStrings(feature: string, en: StringTree, zh: StringTree): FeatureStrings {
  return { feature, en, zh };
}
