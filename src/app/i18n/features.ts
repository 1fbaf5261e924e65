import type { FeatureStrings } from './strings';
import { shellStrings } from '../shellStrings';
import { pwaStrings } from '../pwa/strings';
import { kitStrings } from '../../ui/kit/strings';
import { dataStrings } from '../../ui/data/strings';
import { settingsStrings } from '../../ui/settings/strings';
import { placeholderStrings } from '../../ui/placeholders/strings';
import { importStrings } from '../../ui/import/strings';
import { rulesStrings } from '../../ui/rules/strings';
import { audiencesStrings } from '../../ui/audiences/strings';
import { tagsStrings } from '../../ui/tags/strings';
import { lifecycleStrings } from '../../ui/lifecycle/strings';
import { journeysStrings } from '../../ui/journeys/strings';
import { canvasStrings } from '../../ui/canvas/strings';
import { journeySettingsStrings } from '../../ui/canvas/settings/strings';

/** Every feature's strings; add a feature's `strings.ts` here. */
export const FEATURE_STRINGS: FeatureStrings[] = [shellStrings, pwaStrings, kitStrings, dataStrings, settingsStrings, placeholderStrings, importStrings, rulesStrings, audiencesStrings, tagsStrings, lifecycleStrings, journeysStrings, canvasStrings, journeySettingsStrings];
