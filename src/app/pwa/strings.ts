import { defineStrings } from '../i18n/strings';

export const pwaStrings = defineStrings(
  'pwa',
  {
    update: {
      message: 'A new version of Meridian is available.',
      reload: 'Reload',
      later: 'Later',
    },
    offlineReady: {
      message: 'Ready to work offline.',
      close: 'Close',
    },
  },
  {
    update: {
      message: 'Meridian 有新版本可用。',
      reload: '重新加载',
      later: '稍后',
    },
    offlineReady: {
      message: '已可离线使用。',
      close: '关闭',
    },
  },
);
