import { describe, expect, it } from 'vitest';
import { defaultJourneySettings, type Journey, type JourneyNode } from '../model/journey';
import { parseRule, stripSpans } from '../rules';
import { configDefaults } from './fields';
import { NODE_TYPES, nodeType } from './catalogue';
import { canPublish, validateJourney, type ValidationContext } from './validate';

const ctx: ValidationContext = {
  audiences: new Map([['A1', 'Closed stores']]),
  tags: new Set(['high value', 'mid value']),
  tagGroups: new Set(['value']),
};

function node(id: string, type: string, config: Record<string, unknown> = {}): JourneyNode {
  const nt = nodeType(type)!;
  return { id, type, label: '', position: { x: 0, y: 0 }, config: { ...configDefaults(nt.fields), ...config } };
}
const edge = (source: string, sourcePort: string, target: string) => ({ id: `${source}-${sourcePort}-${target}`, source, sourcePort, target });

function journey(nodes: JourneyNode[], edges: ReturnType<typeof edge>[], settings = defaultJourneySettings()): Journey {
  return {
    v: 2, id: 'J', name: 'Test', description: '', owner: '', status: 'draft', revision: 0,
    nodes, edges, notes: [], settings, template: null, createdAt: '2026-01-01T00:00', updatedAt: '2026-01-01T00:00',
  };
}
const codes = (j: Journey) => validateJourney(j, ctx).map((i) => `${i.code}${i.nodeId ? `@${i.nodeId}` : ''}`);

/** entry(audience) -> sms -> exit: the smallest journey that can be published. */
function valid(): Journey {
  return journey(
    [node('in', 'entry.audience', { audienceId: 'A1' }), node('sms', 'action.sms', { content: 'Hi {{name}}' }), node('out', 'flow.exit')],
    [edge('in', 'next', 'sms'), edge('sms', 'next', 'out')],
  );
}

describe('validateJourney', () => {
  it('a complete journey has no issues and can be published', () => {
    const issues = validateJourney(valid(), ctx);
    expect(issues).toEqual([]);
    expect(canPublish(issues)).toBe(true);
  });

  it('no entry, and nodes no path reaches', () => {
    const j = journey([node('sms', 'action.sms', { content: 'x' }), node('out', 'flow.exit')], [edge('sms', 'next', 'out')]);
    expect(codes(j)).toEqual(expect.arrayContaining(['no-entry', 'unreachable@sms', 'unreachable@out']));
    expect(canPublish(validateJourney(j, ctx))).toBe(false);
  });

  it('an unconnected output port is named by node and port', () => {
    const j = valid();
    j.edges = j.edges.filter((e) => e.source !== 'sms');
    const issues = validateJourney(j, ctx);
    const port = issues.find((i) => i.code === 'port-unconnected');
    expect(port).toMatchObject({ nodeId: 'sms', field: 'port:next', severity: 'error' });
    expect(port!.message.en).toContain('SMS');
    expect(codes(j)).toContain('unreachable@out');
  });

  it('missing content, missing coupon, a deleted entry audience', () => {
    const j = valid();
    j.nodes[0].config.audienceId = 'GONE';
    j.nodes[1].config.content = '  ';
    j.nodes.push(node('c', 'action.coupon', { name: '', amount: 0 }));
    j.edges = [edge('in', 'next', 'c'), edge('c', 'next', 'sms'), edge('sms', 'next', 'out')];
    expect(codes(j)).toEqual(expect.arrayContaining(['audience-missing@in', 'content-missing@sms', 'field-missing@c', 'coupon-amount@c']));
  });

  it('unknown variables in content are errors; stray braces warnings', () => {
    const j = valid();
    j.nodes[1].config.content = 'Hi {{nmae}} }}';
    const issues = validateJourney(j, ctx);
    expect(issues.find((i) => i.code === 'content-variable')?.message.en).toContain('{{nmae}}');
    expect(issues.find((i) => i.code === 'content-braces')?.severity).toBe('warning');
  });

  it('random split and A/B percentages must add up to 100', () => {
    const j = valid();
    const split = node('r', 'flow.random', { branches: [{ id: 'a', label: 'A', percent: 60 }, { id: 'b', label: 'B', percent: 30 }] });
    j.nodes.push(split);
    j.edges = [edge('in', 'next', 'r'), edge('r', 'b:a', 'sms'), edge('r', 'b:b', 'out'), edge('sms', 'next', 'out')];
    const issue = validateJourney(j, ctx).find((i) => i.code === 'split-not-100');
    expect(issue?.message.en).toContain('90 %');
    split.config.branches = [{ id: 'a', label: 'A', percent: 60.5 }, { id: 'b', label: 'B', percent: 39.5 }];
    expect(codes(j)).toEqual([]);
    const ab = node('ab', 'flow.ab', { controlPercent: 20 }); // 45 + 45 + 20
    j.nodes.push(ab);
    j.edges = [edge('in', 'next', 'ab'), edge('ab', 'b:a', 'r'), edge('ab', 'b:b', 'sms'), edge('ab', 'control', 'out'), edge('r', 'b:a', 'sms'), edge('r', 'b:b', 'out'), edge('sms', 'next', 'out')];
    expect(codes(j)).toEqual(['split-not-100@ab']);
  });

  it('a loop without a wait is an error on each of its nodes; with a wait it is fine', () => {
    const cond = node('c', 'flow.condition', { rule: stripSpans(parseRule('orders(last 30 days) = 0')) });
    const j = journey(
      [node('in', 'entry.audience', { audienceId: 'A1' }), cond, node('sms', 'action.sms', { content: 'x' }), node('out', 'flow.exit')],
      [edge('in', 'next', 'c'), edge('c', 'yes', 'sms'), edge('sms', 'next', 'c'), edge('c', 'no', 'out')],
    );
    expect(codes(j).filter((c) => c.startsWith('cycle'))).toEqual(expect.arrayContaining(['cycle-without-wait@c', 'cycle-without-wait@sms']));
    j.nodes.push(node('w', 'flow.wait', { amount: 7, unit: 'days' }));
    j.edges = [edge('in', 'next', 'c'), edge('c', 'yes', 'sms'), edge('sms', 'next', 'w'), edge('w', 'next', 'c'), edge('c', 'no', 'out')];
    expect(codes(j)).toEqual([]);
  });

  it('a jump back without a wait is a loop too; a jump to a missing node is named', () => {
    const j = journey(
      [node('in', 'entry.audience', { audienceId: 'A1' }), node('sms', 'action.sms', { content: 'x' }), node('jmp', 'flow.jump', { target: 'sms' })],
      [edge('in', 'next', 'sms'), edge('sms', 'next', 'jmp')],
    );
    expect(codes(j)).toEqual(expect.arrayContaining(['cycle-without-wait@sms', 'cycle-without-wait@jmp']));
    j.nodes[2].config.target = 'nope';
    expect(codes(j)).toContain('jump-target-gone@jmp');
  });

  it('rules are type-checked with the workspace: unknown tags and audiences are reported', () => {
    const j = valid();
    j.nodes.splice(1, 0, node('c', 'flow.condition', { rule: stripSpans(parseRule('has tag "no such tag"')) }));
    j.edges = [edge('in', 'next', 'c'), edge('c', 'yes', 'sms'), edge('c', 'no', 'out'), edge('sms', 'next', 'out')];
    const issue = validateJourney(j, ctx).find((i) => i.code === 'rule-invalid');
    expect(issue?.nodeId).toBe('c');
    expect(issue?.message.en).toContain('no such tag');
  });

  it('an add-tag action with a new name warns (it becomes a result tag); an event on a missing tag is an error', () => {
    const j = valid();
    j.nodes.splice(1, 0, node('t', 'action.tag', { tag: 'redeemed the anniversary coupon' }));
    j.edges = [edge('in', 'next', 't'), edge('t', 'next', 'sms'), edge('sms', 'next', 'out')];
    const issues = validateJourney(j, ctx);
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['tag-new', 'warning']]);
    expect(canPublish(issues)).toBe(true);
    j.nodes[0] = node('in', 'entry.event', { event: 'tag_added', tag: 'ghost' });
    expect(codes(j)).toContain('tag-missing@in');
  });

  it('caps that make a path impossible: two SMS the same day under a 1-a-day SMS cap', () => {
    const j = valid();
    j.nodes.push(node('sms2', 'action.sms', { content: 'again' }));
    j.edges = [edge('in', 'next', 'sms'), edge('sms', 'next', 'sms2'), edge('sms2', 'next', 'out')];
    expect(codes(j)).toEqual(['cap-blocks-path@sms2']);
    // A wait of a day between them makes it possible; a wait of an hour does not.
    j.nodes.push(node('w', 'flow.wait', { amount: 1, unit: 'hours' }));
    j.edges = [edge('in', 'next', 'sms'), edge('sms', 'next', 'w'), edge('w', 'next', 'sms2'), edge('sms2', 'next', 'out')];
    expect(codes(j)).toEqual(['cap-blocks-path@sms2']);
    j.nodes[j.nodes.length - 1].config.unit = 'days';
    expect(codes(j)).toEqual([]);
    // The global cap counts every channel: 3 touches on one day against 2 a day.
    const g = journey(
      [node('in', 'entry.audience', { audienceId: 'A1' }), node('a', 'action.wecom1v1', { content: 'a' }), node('b', 'action.oaTemplate', { content: 'b', template: 'T1' }), node('c', 'action.wecomMoments', { content: 'c' }), node('out', 'flow.exit')],
      [edge('in', 'next', 'a'), edge('a', 'next', 'b'), edge('b', 'next', 'c'), edge('c', 'next', 'out')],
    );
    expect(codes(g)).toEqual(['cap-blocks-path@c']);
  });

  it('a wait for an event that times out after a day counts as a day\'s wait on its timeout path only', () => {
    const j = journey(
      [node('in', 'entry.audience', { audienceId: 'A1' }), node('sms', 'action.sms', { content: 'a' }), node('we', 'flow.waitEvent', { event: 'order_placed', amount: 2, unit: 'days' }),
        node('again', 'action.sms', { content: 'b' }), node('thanks', 'action.sms', { content: 'c' }), node('out', 'flow.exit')],
      [edge('in', 'next', 'sms'), edge('sms', 'next', 'we'), edge('we', 'timeout', 'again'), edge('we', 'event', 'thanks'), edge('again', 'next', 'out'), edge('thanks', 'next', 'out')],
    );
    // The reminder after the timeout goes out two days later; the thank-you may follow at once.
    expect(codes(j)).toEqual(['cap-blocks-path@thanks']);
  });

  it('settings: dates reversed, empty send window', () => {
    const s = defaultJourneySettings();
    s.startDate = '2026-05-10';
    s.endDate = '2026-05-01';
    s.sendWindow = { enabled: true, days: [], from: '09:00', to: '21:00' };
    const j = valid();
    j.settings = s;
    expect(codes(j)).toEqual(['dates-reversed', 'send-window-empty']);
  });

  it('a config that does not fit its type names the field; unknown types are reported', () => {
    const j = valid();
    j.nodes[1].config.costPerTouch = -1;
    j.nodes.push({ id: 'x', type: 'action.fax', label: '', position: { x: 0, y: 0 }, config: {} });
    const issues = validateJourney(j, ctx);
    expect(issues.find((i) => i.code === 'config-invalid')).toMatchObject({ nodeId: 'sms', field: 'costPerTouch' });
    expect(codes(j)).toContain('unknown-type@x');
  });

  it('an edge from a port that no longer exists (a removed branch) is reported', () => {
    const j = valid();
    const split = node('r', 'flow.random');
    j.nodes.push(split);
    j.edges = [edge('in', 'next', 'r'), edge('r', 'b:a', 'sms'), edge('r', 'b:b', 'out'), edge('sms', 'next', 'out')];
    expect(codes(j)).toEqual([]);
    split.config.branches = [{ id: 'a', label: 'A', percent: 100 }];
    // b:b is gone: the edge is reported; the random split still needs >= 2 branches.
    expect(codes(j)).toEqual(expect.arrayContaining(['edge-port-gone@r', 'config-invalid@r']));
  });
});

describe('the node catalogue', () => {
  it('has every node type the issue names, each with en and zh titles and defaults that fit its schema', () => {
    const types = NODE_TYPES.map((n) => n.type);
    expect(types.length).toBe(new Set(types).size);
    expect([...types].sort()).toEqual(
      [
        'entry.audience', 'entry.event', 'entry.schedule',
        'flow.wait', 'flow.waitEvent', 'flow.condition', 'flow.multiSplit', 'flow.random', 'flow.ab', 'flow.goal', 'flow.jump', 'flow.exit',
        'action.wecom1v1', 'action.wecomMoments', 'action.wecomGroup', 'action.oaTemplate', 'action.sms', 'action.coupon', 'action.points',
        'action.draw', 'action.live', 'action.tag', 'action.attribute', 'action.assign', 'action.webhook', 'action.task',
      ].sort(),
    );
    for (const nt of NODE_TYPES) {
      expect(nt.title.en && nt.title.zh && nt.description.en && nt.description.zh).toBeTruthy();
      expect(nt.schema.safeParse(configDefaults(nt.fields)).success, nt.type).toBe(true);
      for (const f of Object.values(nt.fields)) expect(f.label.en && f.label.zh, `${nt.type}`).toBeTruthy();
      // Only entries lack an input; every port id is unique within a node.
      expect(nt.hasInput).toBe(nt.category !== 'entry');
      const ports = nt.outputs(configDefaults(nt.fields)).map((p) => p.id);
      expect(ports.length).toBe(new Set(ports).size);
    }
  });

  it('split ports follow the config', () => {
    const nt = nodeType('flow.multiSplit')!;
    const ports = nt.outputs({ ...configDefaults(nt.fields), branches: [{ id: 'x', label: 'X', value: 'growth' }] }).map((p) => p.id);
    expect(ports).toEqual(['b:x', 'else']);
  });
});
