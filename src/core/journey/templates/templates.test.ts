import { describe, expect, it } from 'vitest';
import { JourneySchema, type Journey, type JourneyNode } from '../../model/journey';
import { parseRule, printRule, stripSpans, type Rule } from '../../rules';
import { nodeType } from '../catalogue';
import { newId, sequentialIds } from '../ids';
import { canPublish, validateJourney, type ValidationContext } from '../validate';
import { COL_W, MESSAGE_CHANNELS, NODE_H, NODE_W, ROW_H } from './draw';
import { TEMPLATES, instantiateTemplate, placeholderDefault, templateById, type JourneyTemplate, type TemplateResult } from '.';

const AUDIENCE = 'aud-1';
const ctx: ValidationContext = {
  audiences: new Map([[AUDIENCE, 'Members of the closed stores']]),
  tags: new Set(['high value']),
  tagGroups: new Set(),
};
const NOW = '2026-03-02T09:30';

function make(t: JourneyTemplate, values: Record<string, string> = {}, lang: 'en' | 'zh' = 'en'): TemplateResult {
  const filled = t.placeholders.some((p) => p.kind === 'audience') ? { audience: AUDIENCE, ...values } : values;
  return instantiateTemplate(t, filled, { newId: sequentialIds(), now: NOW, lang });
}
function asJourney(r: TemplateResult): Journey {
  return { v: 2, id: 'j1', owner: '', status: 'draft', revision: 0, createdAt: NOW, updatedAt: NOW, ...r };
}
const errors = (r: TemplateResult) => validateJourney(asJourney(r), ctx).filter((i) => i.severity === 'error');
const rulesOf = (r: TemplateResult): Rule[] =>
  r.nodes.flatMap((n) => ['rule', 'filter'].map((k) => n.config[k] as Rule | null | undefined)).filter((x): x is Rule => !!x);
const byType = (r: TemplateResult, type: string) => r.nodes.filter((n) => n.type === type);
const tpl = (id: string) => templateById(id)!;

describe('journey templates', () => {
  it('are the eight cases of the domain, found by id', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(['lifecycle', 'productAB', 'ltv', 'anniversary', 'closedStores', 'onboarding', 'birthday', 'motherBaby']);
    for (const t of TEMPLATES) expect(templateById(t.id)).toBe(t);
    expect(templateById('nope')).toBeUndefined();
    expect(() => instantiateTemplate({ id: 'nope', title: { en: 'x', zh: 'x' }, description: { en: '', zh: '' }, placeholders: [] }, {}, { newId, now: NOW })).toThrow(/nope/);
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s validates with no errors, in both languages, and fits the journey schema', (_id, t) => {
    for (const lang of ['en', 'zh'] as const) {
      const r = make(t, {}, lang);
      const issues = validateJourney(asJourney(r), ctx);
      expect(issues.filter((i) => i.severity === 'error'), `${t.id} ${lang}`).toEqual([]);
      // The only warnings are result tags that publishing creates.
      expect([...new Set(issues.map((i) => i.code))].filter((c) => c !== 'tag-new')).toEqual([]);
      expect(canPublish(issues)).toBe(true);
      expect(JourneySchema.safeParse(asJourney(r)).success).toBe(true);
      expect(r.template).toBe(t.id);
      expect(r.name).toBe(t.title[lang]);
    }
  });

  it('an audience left unchosen is reported by validation, not filled in', () => {
    for (const t of TEMPLATES.filter((x) => x.placeholders.some((p) => p.kind === 'audience'))) {
      expect(t.placeholders.find((p) => p.kind === 'audience')!.default).toBe('');
      const r = instantiateTemplate(t, {}, { newId: sequentialIds(), now: NOW });
      expect(errors(r).map((i) => `${i.code}:${i.field}`)).toEqual(['field-missing:audienceId']);
    }
  });

  it('every template has an SOP note, en and zh titles, descriptions and placeholder labels', () => {
    for (const t of TEMPLATES) {
      for (const text of [t.title, t.description, ...t.placeholders.flatMap((p) => [p.label, ...(p.help ? [p.help] : []), ...(p.defaultText ? [p.defaultText] : [])])]) {
        expect(text.en.trim(), t.id).not.toBe('');
        expect(text.zh.trim(), t.id).not.toBe('');
        expect(text.zh, t.id).not.toBe(text.en);
      }
      expect(new Set(t.placeholders.map((p) => p.key)).size).toBe(t.placeholders.length);
      expect(make(t).notes.length, t.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('labels, notes and scripts follow the language asked for', () => {
    const en = make(tpl('anniversary'), {}, 'en');
    const zh = make(tpl('anniversary'), {}, 'zh');
    expect(byType(zh, 'action.tag')[0].config.tag).toBe('已核销周年庆券');
    expect(byType(en, 'action.tag')[0].config.tag).toBe('redeemed the anniversary coupon');
    expect(zh.notes[0].text).toMatch(/预热/);
    expect(byType(zh, 'action.oaTemplate')[0].config.content).toBe(placeholderDefault(tpl('anniversary').placeholders.find((p) => p.key === 'preheatScript')!, 'zh'));
    // Same graph in both languages.
    expect(zh.nodes.map((n) => [n.type, n.position])).toEqual(en.nodes.map((n) => [n.type, n.position]));
  });

  it('every node type used is in the catalogue, and the templates use most of it', () => {
    const used = new Set(TEMPLATES.flatMap((t) => make(t).nodes.map((n) => n.type)));
    for (const type of used) expect(nodeType(type), type).toBeDefined();
    for (const type of ['entry.audience', 'entry.event', 'entry.schedule', 'flow.wait', 'flow.waitEvent', 'flow.condition', 'flow.goal', 'flow.jump', 'flow.exit', 'action.coupon', 'action.sms', 'action.wecom1v1', 'action.oaTemplate', 'action.wecomGroup', 'action.draw', 'action.tag', 'action.task', 'action.assign', 'action.points'])
      expect(used, type).toContain(type);
  });

  it('ids are unique within a journey, and two instantiations share none', () => {
    for (const t of TEMPLATES) {
      const a = instantiateTemplate(t, { audience: AUDIENCE }, { newId, now: NOW });
      const b = instantiateTemplate(t, { audience: AUDIENCE }, { newId, now: NOW });
      const ids = (r: TemplateResult) => [...r.nodes, ...r.edges, ...r.notes].map((x) => x.id);
      expect(new Set(ids(a)).size, t.id).toBe(ids(a).length);
      expect(ids(a).filter((id) => ids(b).includes(id)), t.id).toEqual([]);
      // Edges and jumps point at the journey's own nodes.
      const own = new Set(a.nodes.map((n) => n.id));
      for (const e of a.edges) expect(own.has(e.source) && own.has(e.target)).toBe(true);
      for (const j of byType(a, 'flow.jump')) expect(own.has(j.config.target as string)).toBe(true);
    }
  });

  it('is laid out left to right on the grid, with no node or note overlapping another', () => {
    type Box = { id: string; x: number; y: number; w: number; h: number };
    const overlap = (p: Box, q: Box) => p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;
    for (const t of TEMPLATES) {
      const r = make(t);
      const pos = new Map(r.nodes.map((n) => [n.id, n.position]));
      for (const n of r.nodes) {
        expect(n.position.x % COL_W, `${t.id} ${n.type}`).toBe(0);
        expect(n.position.y % ROW_H, `${t.id} ${n.type}`).toBe(0);
      }
      for (const e of r.edges) expect(pos.get(e.target)!.x, `${t.id} edge ${e.sourcePort}`).toBeGreaterThan(pos.get(e.source)!.x);
      const boxes: Box[] = [
        ...r.nodes.map((n) => ({ id: `${n.type}@${n.position.x},${n.position.y}`, ...n.position, w: NODE_W, h: NODE_H })),
        ...r.notes.map((n) => ({ id: `note@${n.position.x},${n.position.y}`, ...n.position, w: n.width, h: n.height })),
      ];
      for (let i = 0; i < boxes.length; i++)
        for (let k = i + 1; k < boxes.length; k++) expect(overlap(boxes[i], boxes[k]), `${t.id}: ${boxes[i].id} / ${boxes[k].id}`).toBe(false);
    }
  });

  it('settings fit each case', () => {
    const s = (id: string) => make(tpl(id)).settings;
    expect(s('birthday').reEntry).toEqual({ mode: 'after', afterDays: 300 });
    expect(s('anniversary').reEntry.mode).toBe('never');
    expect(s('anniversary').maxEntries).toBe(1);
    for (const id of ['productAB', 'onboarding', 'birthday']) {
      expect(s(id).controlPercent, id).toBe(10);
      expect(s(id).goal.rule, id).not.toBeNull();
    }
    expect(s('closedStores').controlPercent).toBe(0);
    expect(printRule(s('onboarding').goal.rule!)).toBe('orders >= 1');
    for (const t of TEMPLATES) {
      expect(s(t.id).quietHours.enabled, t.id).toBe(true);
      expect(s(t.id).caps.perChannel.sms?.perDay, t.id).toBe(1);
    }
  });
});

describe('placeholders are applied', () => {
  it('the anniversary coupon is valid for validityDays (7 by default, not 365), and the redemption waits fit inside it', () => {
    const coupon = (r: TemplateResult) => byType(r, 'action.coupon')[0];
    const waits = (r: TemplateResult) => byType(r, 'flow.waitEvent').filter((n) => n.config.event === 'coupon_redeemed').map((n) => n.config.amount as number);
    expect(coupon(make(tpl('anniversary'))).config.validityDays).toBe(7);
    expect(waits(make(tpl('anniversary')))).toEqual([5, 2]);
    const r = make(tpl('anniversary'), { validityDays: '10', couponAmount: '25.5', resultTag: 'AW24 redeemer' });
    expect(coupon(r).config).toMatchObject({ validityDays: 10, amount: 25.5, threshold: 0 });
    expect(waits(r)).toEqual([8, 2]);
    expect(byType(r, 'action.tag')[0].config.tag).toBe('AW24 redeemer');
    expect(byType(r, 'action.draw')[0].config).toMatchObject({ activity: 'lucky_draw', alwaysWins: true });
    expect(errors(r)).toEqual([]);
  });

  it('the product journey’s SKUs appear in its rules, quoted so any SKU stays one name', () => {
    const r = make(tpl('productAB'), { skuA: '85123A', skuB: '22423', skuC: 'GIFT"SET\\1' });
    const printed = rulesOf(r).map(printRule).join('\n');
    expect(printed).toContain('orders(sku = "85123A") >= 1 and orders(sku = "22423") = 0');
    const skus = JSON.stringify(rulesOf(r).concat(r.settings.goal.rule!));
    expect(skus).toContain('"values":["GIFT\\"SET\\\\1"]');
    expect(skus).not.toContain('A001');
    expect(errors(r)).toEqual([]);
    // A rule reads back to the same AST from its printed form.
    for (const rule of rulesOf(r)) expect(stripSpans(parseRule(printRule(rule)))).toEqual(rule);
  });

  it('money, ints, channels and times that do not read take the default; blank values too', () => {
    const r = make(tpl('birthday'), { couponAmount: 'fifty', validityDays: '', channel: 'fax', daysBefore: '3' });
    expect(byType(r, 'action.coupon')[0].config).toMatchObject({ amount: 50, validityDays: 14 });
    expect(byType(r, 'entry.event')[0].config).toMatchObject({ event: 'birthday', daysBefore: 3 });
    expect(byType(r, 'action.wecom1v1')).toHaveLength(1);
    const sms = make(tpl('birthday'), { channel: 'oa_template' });
    expect(byType(sms, 'action.oaTemplate')).toHaveLength(1);
    expect(errors(sms)).toEqual([]);
    const lc = make(tpl('lifecycle'), { memberDay: '31', memberDayTime: '25:00' });
    expect(byType(lc, 'entry.schedule')[0].config).toMatchObject({ frequency: 'monthly', dayOfMonth: 28, time: '10:00', date: '2026-03-02' });
  });

  it('stays valid for every message channel and for any coupon validity a marketer would pick', () => {
    for (const t of TEMPLATES)
      for (const p of t.placeholders.filter((x) => x.kind === 'channel'))
        for (const ch of MESSAGE_CHANNELS) expect(errors(make(t, { [p.key]: ch })), `${t.id} ${ch}`).toEqual([]);
    for (let days = 1; days <= 30; days++) {
      for (const id of ['anniversary', 'birthday', 'closedStores']) expect(errors(make(tpl(id), { validityDays: String(days) })), `${id} ${days}`).toEqual([]);
      expect(errors(make(tpl('productAB'), { windowDays: String(days) })), `productAB ${days}`).toEqual([]);
    }
  });

  it('a value out of a field’s range is left for validation to report', () => {
    const r = make(tpl('anniversary'), { validityDays: '5000' });
    expect(errors(r).map((i) => `${i.code}:${i.field}`)).toContain('config-invalid:validityDays');
  });

  it('closed stores: a no-threshold coupon and the WeCom → official account → SMS chain', () => {
    const r = make(tpl('closedStores'), { couponAmount: '15' });
    expect(byType(r, 'action.coupon')[0].config).toMatchObject({ amount: 15, threshold: 0 });
    expect(byType(r, 'action.wecom1v1')[0].config.fallback).toBe('oa_template');
    const cond = byType(r, 'flow.condition')[0];
    expect(printRule(cond.config.rule as Rule)).toBe('touches(channel in ["wecom_1v1", "oa_template"], outcome = "delivered", last 2 days) = 0');
    const sms = byType(r, 'action.sms')[0];
    expect(r.edges.some((e) => e.source === cond.id && e.sourcePort === 'yes' && e.target === sms.id)).toBe(true);
    expect(byType(r, 'entry.audience')[0].config.audienceId).toBe(AUDIENCE);
  });

  it('LTV: a condition on each order count 1–7, the KOC tag at the seventh', () => {
    const r = make(tpl('ltv'), { kocTag: 'KOC 候选' });
    const conds = byType(r, 'flow.condition').map((n) => printRule(n.config.rule as Rule));
    expect(conds).toEqual([1, 2, 3, 4, 5, 6, 7].map((k) => `orders = ${k}`));
    const seventh = byType(r, 'flow.condition')[6];
    const yes = r.edges.find((e) => e.source === seventh.id && e.sourcePort === 'yes')!;
    expect(r.nodes.find((n: JourneyNode) => n.id === yes.target)).toMatchObject({ type: 'action.tag', config: { op: 'add', tag: 'KOC 候选' } });
  });

  it('onboarding, birthday, mother & baby enter on their events', () => {
    const ev = (id: string, v: Record<string, string> = {}) => byType(make(tpl(id), v), 'entry.event').map((n) => n.config);
    expect(ev('onboarding')[0]).toMatchObject({ event: 'card_claimed' });
    expect(ev('birthday', { daysBefore: '5' })[0]).toMatchObject({ event: 'birthday', daysBefore: 5 });
    const mb = ev('motherBaby');
    expect(mb.filter((c) => c.event === 'pregnancy_week').map((c) => c.week)).toEqual([12, 20, 32]);
    expect(mb.filter((c) => c.event === 'baby_month_age').map((c) => c.monthAge)).toEqual([6, 12]);
    const r = make(tpl('motherBaby'), { stage3Sku: 'NAN-3' });
    expect(rulesOf(r).map(printRule)).toContain('orders(sku = "NAN-3", last 60 days) = 0');
    const o = make(tpl('onboarding'));
    expect(byType(o, 'flow.goal')[0].config.rule).toEqual(o.settings.goal.rule);
  });
});
