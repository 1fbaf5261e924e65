import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { buildResources } from './i18n';
import { displayWorkspaceName } from './workspaceName';
import { demoWorkspaceName } from '../core/demo';

describe('workspace names on screen', () => {
  it('shows demo names in the reader\'s language and user names as typed', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: buildResources(), lng: 'zh-CN', interpolation: { escapeValue: false } });
    expect(displayWorkspaceName(demoWorkspaceName('mother_baby', 10_000), i18n.t)).toBe('演示 · 母婴 · 10k');
    expect(displayWorkspaceName(demoWorkspaceName('food', 1_000_000), i18n.t)).toBe('演示 · 食品 · 1M');
    expect(displayWorkspaceName('Demo · Toys · 10k', i18n.t)).toBe('Demo · Toys · 10k');
    expect(displayWorkspaceName('我的品牌', i18n.t)).toBe('我的品牌');
    await i18n.changeLanguage('en');
    expect(displayWorkspaceName(demoWorkspaceName('beauty', 100_000), i18n.t)).toBe('Demo · Beauty · 100k');
  });
});
