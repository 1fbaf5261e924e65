import { defineStrings } from '../../app/i18n/strings';

export const journeysStrings = defineStrings('journeys', { title: 'Journeys' }, { title: '旅程' });
