import { defineStrings } from '../../app/i18n/strings';

export const canvasStrings = defineStrings('canvas', { title: 'Journey' }, { title: '旅程' });
