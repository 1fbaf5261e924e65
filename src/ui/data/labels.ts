import type { TFunction } from 'i18next';

/** Words for the model's enum values (platform, channel, identity kind…), falling back to the raw value. */
export function enumLabel(t: TFunction, group: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return t('data.none');
  return t(`data.${group}.${value}`, { defaultValue: value });
}
