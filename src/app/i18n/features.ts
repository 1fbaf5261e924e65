import type { FeatureStrings } from './strings';
import { shellStrings } from '../shellStrings';
import { pwaStrings } from '../pwa/strings';

/** Every feature's strings; add a feature's `strings.ts` here. */
export const FEATURE_STRINGS: FeatureStrings[] = [shellStrings, pwaStrings];
