import { defineStrings } from './i18n/strings';

export const shellStrings = defineStrings(
  'shell',
  {
    appName: 'Meridian',
    nav: { data: 'Data', tags: 'Tags', audiences: 'Audiences', journeys: 'Journeys', analytics: 'Analytics', settings: 'Settings' },
    loading: 'Loading…',
  },
  {
    appName: 'Meridian 全域会员',
    nav: { data: '数据', tags: '标签', audiences: '人群', journeys: '旅程', analytics: '分析', settings: '设置' },
    loading: '加载中…',
  },
);
