import { describe, expect, it } from 'vitest';
import { parseRule, stripSpans } from '../../core/rules';
import { nodeTitle, settingsLabelParts, valueText } from './diffText';
import { journeySettingsStrings } from '../canvas/settings/strings';
import { journeyFileName } from './journeyFiles';

describe('journeys UI text', () => {
  it('names a node by its type title in the UI language, with the marketer’s own title', () => {
    expect(nodeTitle({ type: 'flow.exit', label: '' }, 'en')).toBe('Exit');
    expect(nodeTitle({ type: 'flow.exit', label: 'Done' }, 'zh')).toBe('退出 “Done”');
    expect(nodeTitle({ type: 'no.such', label: '' }, 'en')).toBe('no.such');
  });

  it('shows values plainly: empty, audiences by name, rules as text, long JSON cut', () => {
    const opts = { empty: '(empty)' };
    expect(valueText('', opts)).toBe('(empty)');
    expect(valueText(null, opts)).toBe('(empty)');
    expect(valueText(3, opts)).toBe('3');
    expect(valueText('A1', { ...opts, audiences: new Map([['A1', 'Silent 180d']]), audienceField: true })).toBe('Silent 180d');
    expect(valueText('A1', { ...opts, audiences: new Map([['A1', 'Silent 180d']]) })).toBe('A1');
    expect(valueText(stripSpans(parseRule('orders(last 30 days) > 2')), opts)).toBe('orders(last 30 days) > 2');
    const long = valueText({ a: 'x'.repeat(300) }, opts);
    expect(long.length).toBe(118);
    expect(long.endsWith('…')).toBe(true);
  });

  it('makes a file name file systems accept', () => {
    expect(journeyFileName('Birthday / VIP: 7 days?')).toBe('Birthday - VIP- 7 days-.journey.json');
    expect(journeyFileName('a\u0000b\tc')).toBe('a b c.journey.json');
    expect(journeyFileName('  ')).toBe('journey.journey.json');
    expect(journeyFileName('新客 旅程')).toBe('新客 旅程.journey.json');
  });
});

describe('settings fields in a diff', () => {
  it('name the settings panel\'s own labels (keys that exist in both languages), channels by name', () => {
    const has = (tree: unknown, key: string) => key.split('.').slice(1).reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined), tree) !== undefined;
    const paths = ['settings.maxEntries', 'settings.reEntry.mode', 'settings.reEntry.afterDays', 'settings.caps.global.perDay', 'settings.caps.perChannel.sms.perWeek', 'settings.quietHours.start', 'settings.sendWindow.days', 'settings.goal.rule', 'settings.goal.windowDays', 'settings.exitRule', 'settings.controlPercent', 'settings.startDate', 'settings.endDate'];
    for (const p of paths) {
      const parts = settingsLabelParts(p);
      expect(parts, p).not.toBeNull();
      for (const part of parts!) if ('key' in part) {
        expect(has(journeySettingsStrings.en, part.key), `${p}: ${part.key}`).toBe(true);
        expect(has(journeySettingsStrings.zh, part.key), `${p}: ${part.key}`).toBe(true);
      }
    }
    expect(settingsLabelParts('settings.caps.perChannel.sms.perWeek')).toEqual([{ key: 'journeySettings.caps.title' }, { channel: 'sms' }, { key: 'journeySettings.caps.perWeek' }]);
    expect(settingsLabelParts('name')).toBeNull();
  });
});
