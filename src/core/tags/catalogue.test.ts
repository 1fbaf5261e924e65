import { describe, expect, it } from 'vitest';
import { BRAND_TEMPLATES, TagDefinitionRecord, load } from '../model';
import { parseRule, printRule, typecheck } from '../rules';
import { checkTagDraft, draftIssueText, groupTags, needsRule } from './draft';
import { checkResultReason, journeyReason, manualReason, parseReason } from './reasons';
import { evaluationDay, recomputeDecision, ruleKey } from './recompute';
import { seedTagDefinitions, seedTags } from './seeds';

describe('seed tag catalogue', () => {
  for (const template of BRAND_TEMPLATES) {
    it(`${template}: every record is valid, names unique, rules parse and type-check`, () => {
      const defs = seedTagDefinitions(template, '2026-10-31T00:00:00');
      expect(defs.length).toBeGreaterThanOrEqual(15);
      for (const d of defs) expect(load(TagDefinitionRecord, d).ok, d.name).toBe(true);
      const names = defs.map((d) => d.name.toLowerCase());
      expect(new Set(names).size).toBe(names.length);
      for (const d of defs) {
        expect(needsRule(d.kind) ? d.rule !== undefined : d.rule === undefined, d.name).toBe(true);
        if (!d.rule) continue;
        expect(typecheck(d.rule as never, { tags: names, audiences: [] }), d.name).toEqual([]);
      }
    });
  }
  it('holds the domain examples: the value group, baby month-age, pregnancy stages, age bands, silent 180 days', () => {
    const mb = seedTags('mother_baby');
    const text = (name: string) => printRule(parseRule(mb.find((t) => t.name === name)!.rule!));
    expect(text('mid-value customer')).toBe('net_spend(last 90 days) > 1000');
    expect(text('high-value customer')).toBe('net_spend(last 90 days) > 2000');
    const value = mb.filter((t) => t.group === 'value');
    expect(value.sort((a, b) => b.priority - a.priority).map((t) => t.name)).toEqual(['high-value customer', 'mid-value customer']);
    for (const n of ['baby 0-5 months', 'baby 6-12 months', 'baby 13-24 months', 'early pregnancy', 'mid pregnancy', 'late pregnancy', 'age 25-34', 'silent 180 days']) {
      expect(mb.some((t) => t.name === n), n).toBe(true);
    }
    expect(mb.filter((t) => t.group === 'pregnancy').every((t) => t.kind === 'dynamic')).toBe(true);
    // Beauty has no babies; every template has the value group.
    expect(seedTags('beauty').some((t) => t.name.startsWith('baby'))).toBe(false);
    expect(seedTags('food').filter((t) => t.group === 'value')).toHaveLength(2);
  });
});

describe('tag drafts', () => {
  const existing = [{ id: 't1', name: 'VIP care' }];
  const draft = { name: 'x', group: '', priority: 0, kind: 'rule' as const, rule: parseRule('orders > 1'), description: '' };
  it('names are required, unique case-blind (but an edit may keep its own), rules required for rule/dynamic', () => {
    expect(checkTagDraft(draft, existing)).toEqual([]);
    expect(checkTagDraft({ ...draft, name: '  ' }, existing).map((i) => i.code)).toEqual(['nameRequired']);
    const taken = checkTagDraft({ ...draft, name: ' vip CARE ' }, existing);
    expect(taken).toEqual([{ field: 'name', code: 'nameTaken', detail: 'VIP care' }]);
    expect(draftIssueText(taken[0])).toBe("name: a tag named 'VIP care' already exists");
    expect(checkTagDraft({ ...draft, id: 't1', name: 'vip care' }, existing)).toEqual([]);
    expect(checkTagDraft({ ...draft, kind: 'dynamic', rule: undefined }, existing).map((i) => i.code)).toEqual(['ruleRequired']);
    expect(checkTagDraft({ ...draft, kind: 'manual', rule: undefined }, existing)).toEqual([]);
    expect(checkTagDraft({ ...draft, priority: 1.5, name: 'n'.repeat(101) }, existing).map((i) => i.code)).toEqual(['nameTooLong', 'priorityInteger']);
  });
  it('groups sort by name with the ungrouped last; within a group the highest priority first', () => {
    const g = groupTags([
      { name: 'b', group: null, priority: 0 }, { name: 'mid', group: 'value', priority: 1 }, { name: 'high', group: 'value', priority: 2 },
      { name: 'a', group: null, priority: 5 }, { name: 'x', group: 'age', priority: 1 },
    ]);
    expect(g.map((x) => [x.group, x.tags.map((t) => t.name)])).toEqual([['age', ['x']], ['value', ['high', 'mid']], [null, ['a', 'b']]]);
  });
});

describe('tag event reasons', () => {
  it('round-trips manual and journey reasons; a note may hold colons, who may not', () => {
    expect(parseReason(manualReason('Li Na', 'called: wants samples'))).toEqual({ kind: 'manual', who: 'Li Na', note: 'called: wants samples' });
    expect(parseReason(manualReason('a:b'))).toEqual({ kind: 'manual', who: 'a b', note: '' });
    expect(parseReason(manualReason(''))).toEqual({ kind: 'manual', who: 'someone', note: '' });
    expect(parseReason('manual')).toEqual({ kind: 'manual', who: '', note: '' });
    expect(parseReason(journeyReason('j1', 'n7'))).toEqual({ kind: 'journey', journeyId: 'j1', nodeId: 'n7' });
    expect(parseReason('rule')).toEqual({ kind: 'rule' });
    expect(parseReason('import 2024')).toEqual({ kind: 'other', text: 'import 2024' });
    expect(manualReason('me', 'x'.repeat(600)).length).toBe(500);
  });
  it('result-tag reasons must be present and not pose as rule or manual', () => {
    expect(checkResultReason('journey:j1:n2')).toBeNull();
    expect(checkResultReason(' ')).toMatch(/needs a reason/);
    expect(checkResultReason('rule')).toMatch(/not of a result tag/);
    expect(checkResultReason('manual:me')).toMatch(/not of a result tag/);
  });
});

describe('recompute decision', () => {
  const tags = [{ id: 'a', ruleKey: 'ka' }, { id: 'b', ruleKey: 'kb' }];
  const row = (tagId: string, over: object = {}) => ({ tagId, asOf: '2026-10-31', stamp: 's1', ruleKey: `k${tagId}`, ...over });
  const base = { tags, holders: [row('a'), row('b')], stamp: 's1', day: '2026-10-31' };
  it('is not due when every rule tag was evaluated on this data, definition and day', () => {
    expect(recomputeDecision(base)).toEqual({ due: false });
    expect(recomputeDecision({ ...base, tags: [] })).toEqual({ due: false });
  });
  it('names why it is due: never evaluated, definition edited, data changed, day moved (in that order)', () => {
    expect(recomputeDecision({ ...base, holders: [row('a')] })).toEqual({ due: true, reason: 'never', asOf: '2026-10-31' });
    expect(recomputeDecision({ ...base, holders: [row('a'), row('b', { ruleKey: 'old' })], stamp: 's2' })).toMatchObject({ reason: 'definitions' });
    expect(recomputeDecision({ ...base, stamp: 's2' })).toMatchObject({ reason: 'data' });
    expect(recomputeDecision({ ...base, day: '2026-11-01' })).toEqual({ due: true, reason: 'day', asOf: '2026-11-01' });
    // Rows of older evaluations carry no ruleKey: they are judged on data and day only.
    expect(recomputeDecision({ ...base, holders: [row('a', { ruleKey: undefined }), row('b')] })).toEqual({ due: false });
  });
  it('a frozen workspace (demo, import) is evaluated as of its as-of day; a live one as of today', () => {
    expect(evaluationDay({ asOf: '2026-10-31', source: { kind: 'demo', template: 'food', members: 10, seed: 1 } }, '2026-12-01')).toBe('2026-10-31');
    expect(evaluationDay({ asOf: '2026-10-31', source: { kind: 'import', fileName: 'x.csv' } }, '2026-12-01')).toBe('2026-10-31');
    expect(evaluationDay({ asOf: '2026-10-31', source: { kind: 'empty' } }, '2026-12-01')).toBe('2026-12-01');
  });
  it('ruleKey changes with the rule, group, priority or kind', () => {
    const t = { kind: 'rule', group: 'value', priority: 1, rule: parseRule('orders > 1') };
    const k = ruleKey(t);
    expect(ruleKey({ ...t })).toBe(k);
    for (const change of [{ priority: 2 }, { group: null }, { kind: 'dynamic' }, { rule: parseRule('orders > 2') }]) expect(ruleKey({ ...t, ...change })).not.toBe(k);
  });
});
