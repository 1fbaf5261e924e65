import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JourneySchema, defaultJourneySettings, type Journey, type JourneyNode } from '../model/journey';
import { nodeType } from './catalogue';
import { configDefaults } from './fields';
import { sequentialIds } from './ids';
import { JOURNEY_FILE_FORMAT, JOURNEY_FILE_VERSION, exportJourneyFile, importJourneyFile, type ImportOutcome, type JourneyFile } from './file';
import { jsonErrorPosition } from './jsonPosition';
import { canPublish, validateJourney } from './validate';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const NOW = '2026-03-01T12:00:00';
const opts = (audiencesByName: Record<string, string> = {}) => ({ audiencesByName: new Map(Object.entries(audiencesByName)), newId: sequentialIds(100), now: NOW });

function node(id: string, type: string, config: Record<string, unknown> = {}, label = ''): JourneyNode {
  return { id, type, label, position: { x: id.length * 10, y: 5 }, config: { ...configDefaults(nodeType(type)!.fields), ...config } };
}
function sample(): Journey {
  return JourneySchema.parse({
    v: 2, id: 'J1', name: 'Spring', description: 'two paths', owner: 'ops', status: 'published', revision: 4,
    nodes: [
      node('in', 'entry.audience', { audienceId: 'A1' }),
      node('split', 'flow.random', {}, 'Half and half'),
      node('sms', 'action.sms', { content: 'Hi {{name}}' }),
      node('back', 'flow.jump', { target: 'sms' }),
      node('out', 'flow.exit'),
    ],
    edges: [
      { id: 'e1', source: 'in', sourcePort: 'next', target: 'split' },
      { id: 'e2', source: 'split', sourcePort: 'b:a', target: 'sms' },
      { id: 'e3', source: 'split', sourcePort: 'b:b', target: 'back' },
      { id: 'e4', source: 'sms', sourcePort: 'next', target: 'out' },
    ],
    notes: [{ id: 's1', position: { x: 1, y: 2 }, width: 200, height: 80, text: 'check budget', color: 'pink' }],
    settings: { ...defaultJourneySettings(), exitRule: { k: 'audience', id: 'Unsubscribed' } },
    template: 'winback', createdAt: '2026-01-01T00:00', updatedAt: '2026-02-01T00:00',
  });
}
const ok = (o: ImportOutcome) => {
  if (!o.ok) throw new Error(`import failed: ${o.error.message.en} (${o.error.path})`);
  return o;
};
const err = (o: ImportOutcome) => {
  if (o.ok) throw new Error('import succeeded but should have failed');
  expect(o.error.message.zh).not.toBe('');
  expect(o.error.message.zh).not.toBe(o.error.message.en);
  return o.error;
};
/** Edit the exported file as JSON, the way a person or another tool might. */
function edited(j: Journey, edit: (f: Record<string, any>) => void): string { // eslint-disable-line @typescript-eslint/no-explicit-any
  const f = JSON.parse(exportJourneyFile(j, new Map([['A1', 'Spring buyers']]), NOW));
  edit(f);
  return JSON.stringify(f);
}

describe('exportJourneyFile', () => {
  it('writes the envelope, the journey and a name for every audience the nodes use', () => {
    const text = exportJourneyFile(sample(), new Map([['A1', 'Spring buyers'], ['A2', 'Unused']]), NOW);
    expect(text).toContain('\n  "format"'); // pretty
    const f = JSON.parse(text) as JourneyFile;
    expect(f).toMatchObject({ format: JOURNEY_FILE_FORMAT, fileVersion: JOURNEY_FILE_VERSION, exportedAt: NOW });
    expect(f.journey).toEqual(sample());
    expect(f.audiences).toEqual([{ id: 'A1', name: 'Spring buyers' }]);
  });

  it('an audience deleted since still gets a line, without a name', () => {
    const f = JSON.parse(exportJourneyFile(sample(), new Map(), NOW)) as JourneyFile;
    expect(f.audiences).toEqual([{ id: 'A1', name: '' }]);
  });
});

describe('importJourneyFile: round trip', () => {
  it('export then import gives the same journey as a new draft', () => {
    const j = sample();
    const o = ok(importJourneyFile(exportJourneyFile(j, new Map([['A1', 'Spring buyers']]), NOW), opts({ 'Spring buyers': 'A1' })));
    expect(o.journey).toEqual({ ...j, id: 'j100', status: 'draft', revision: 0, createdAt: NOW, updatedAt: NOW });
    expect(o.warnings).toEqual([]);
    expect(o.unresolvedAudiences).toEqual([]);
    expect(o.migratedFrom).toBe(2);
  });

  it('tolerates a byte-order mark', () => {
    const text = '\uFEFF' + exportJourneyFile(sample(), new Map([['A1', 'Spring buyers']]), NOW);
    expect(ok(importJourneyFile(text, opts({ 'Spring buyers': 'A1' }))).journey.name).toBe('Spring');
  });

  it('the v2 fixture loads, re-links its audience by name and can be published here', () => {
    const o = ok(importJourneyFile(fixture('journeyFile.v1.journey-v2.json'), opts({ 'Lapsed VIPs': 'aud_local' })));
    expect(o.migratedFrom).toBe(2);
    expect(o.warnings).toEqual([]);
    expect(o.journey.nodes.find((n) => n.id === 'n1')!.config.audienceId).toBe('aud_local');
    expect(o.journey.settings.goal.rule).toEqual({ k: 'audience', id: 'Recent buyers' }); // rules name audiences: untouched
    const ctx = { audiences: new Map([['aud_local', 'Lapsed VIPs'], ['aud_rb', 'Recent buyers']]), tags: new Set<string>(), tagGroups: new Set<string>() };
    const issues = validateJourney(o.journey, ctx);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(canPublish(issues)).toBe(true);
  });

  it('a v1 journey inside a file is migrated to v2 and repaired', () => {
    const o = ok(importJourneyFile(fixture('journeyFile.v1.journey-v1.json'), opts({ 'Anniversary members': 'X1' })));
    expect(o.migratedFrom).toBe(1);
    expect(o.journey).toMatchObject({ v: 2, id: 'j100', status: 'draft', revision: 0, name: 'Anniversary week', notes: [], template: null, createdAt: NOW });
    expect(o.journey.settings).toEqual(defaultJourneySettings());
    const [entry, exit] = o.journey.nodes;
    expect(entry.config).toEqual({ audienceId: 'X1', mode: 'snapshot' }); // filled + re-linked
    expect(exit).toMatchObject({ id: 'n2', type: 'exit', label: '' }); // unknown type kept as drawn
    expect(o.journey.edges).toHaveLength(1);
    expect(o.warnings.map((w) => w.en)).toEqual([expect.stringContaining('filled in missing settings with defaults (mode)')]);
    expect(validateJourney(o.journey, { audiences: new Map([['X1', 'Anniversary members']]), tags: new Set(), tagGroups: new Set() }).map((i) => i.code)).toContain('unknown-type');
  });
});

describe('importJourneyFile: errors', () => {
  it('malformed JSON names the line and column', () => {
    const text = '{\n  "format": "meridian.journey",\n  fileVersion: 1\n}';
    const e = err(importJourneyFile(text, opts()));
    expect(e.message.en).toMatch(/^This file is not valid JSON \(line 3, column 3\)/);
    expect(e.message.zh).toContain('第 3 行，第 3 列');
  });

  it('reads the position from either engine wording, and falls back to none', () => {
    const text = '{\n  "a": 1,\n  x\n}';
    expect(jsonErrorPosition(text, 'Expected double-quoted property name in JSON at position 14')).toEqual({ line: 3, column: 3 });
    expect(jsonErrorPosition(text, 'Expected double-quoted property name in JSON at position 14 (line 3 column 3)')).toEqual({ line: 3, column: 3 });
    expect(jsonErrorPosition(text, 'JSON.parse: expected double-quoted property name at line 3 column 3 of the JSON data')).toEqual({ line: 3, column: 3 });
    // No place in the message: found by scanning the text.
    expect(jsonErrorPosition('{"a":', 'Unexpected end of JSON input')).toEqual({ line: 1, column: 6 });
    expect(jsonErrorPosition('{\n  "a": [1,]\n}', `Unexpected token ']', ... is not valid JSON`)).toEqual({ line: 2, column: 11 });
    expect(err(importJourneyFile('{\n "format": "meridian.journey",\n}', opts())).message.en).toBe('This file is not valid JSON (line 3, column 1).');
    // Nothing to go on: no place.
    expect(jsonErrorPosition('[1]', 'Something odd')).toBeNull();
  });

  it('another kind of file is named as such, with the path', () => {
    for (const text of ['[]', '"hello"', '{"format":"meridian-workspace","version":1}']) {
      const e = err(importJourneyFile(text, opts()));
      expect(e.message.en).toContain('not a Meridian journey file');
      expect(e.path).toBe('format');
    }
  });

  it('a missing field of the envelope or the journey is named by its path', () => {
    expect(err(importJourneyFile(edited(sample(), (f) => delete f.audiences), opts())).path).toBe('audiences');
    expect(err(importJourneyFile(edited(sample(), (f) => delete f.fileVersion), opts())).path).toBe('fileVersion');
    const e = err(importJourneyFile(edited(sample(), (f) => delete f.journey.nodes[2].position), opts()));
    expect(e.path).toBe('journey.nodes.2.position');
    expect(e.message.en).toContain('journey.nodes.2.position');
    expect(err(importJourneyFile(edited(sample(), (f) => (f.journey.name = 7)), opts())).path).toBe('journey.name');
    expect(err(importJourneyFile(edited(sample(), (f) => delete f.journey.v), opts())).path).toBe('journey.v');
    expect(err(importJourneyFile(edited(sample(), (f) => (f.journey.nodes = 'none')), opts())).path).toBe('journey.nodes');
  });

  it('a file or a journey from a newer Meridian is refused, saying which versions', () => {
    const e = err(importJourneyFile(edited(sample(), (f) => (f.fileVersion = 2)), opts()));
    expect(e.message.en).toContain('made by a newer Meridian (file version 2, this app reads up to 1)');
    const e2 = err(importJourneyFile(edited(sample(), (f) => (f.journey.v = 3)), opts()));
    expect(e2.message.en).toContain('made by a newer Meridian (journey version 3, this app reads up to 2)');
  });

  it('refuses text over 20 MB, counting UTF-8 bytes', () => {
    expect(err(importJourneyFile('x'.repeat(20 * 1024 * 1024 + 1), opts())).message.en).toContain('larger than 20 MB');
    expect(err(importJourneyFile('中'.repeat(7_500_000), opts())).message.en).toContain('larger than 20 MB'); // 22.5 MB in UTF-8
  });
});

describe('importJourneyFile: restore', () => {
  const warned = (o: ImportOutcome & { ok: true }, en: string) => {
    const w = o.warnings.find((x) => x.en.includes(en));
    expect(w, `a warning containing “${en}” in ${JSON.stringify(o.warnings)}`).toBeDefined();
    expect(w!.zh).not.toBe('');
  };

  it('drops edges whose ends are missing', () => {
    const o = ok(importJourneyFile(edited(sample(), (f) => f.journey.edges.push({ id: 'e9', source: 'sms', sourcePort: 'x', target: 'gone' })), opts({ 'Spring buyers': 'A1' })));
    expect(o.journey.edges.map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e4']);
    warned(o, '1 connection(s) led to a missing node');
  });

  it('drops a second edge from the same output port', () => {
    const o = ok(importJourneyFile(edited(sample(), (f) => f.journey.edges.push({ id: 'e9', source: 'in', sourcePort: 'next', target: 'out' })), opts({ 'Spring buyers': 'A1' })));
    expect(o.journey.edges.find((e) => e.id === 'e9')).toBeUndefined();
    expect(o.journey.edges.find((e) => e.source === 'in')!.target).toBe('split');
    warned(o, 'left an output that already had one');
  });

  it('gives duplicate ids fresh ones; references keep meaning the first', () => {
    const o = ok(
      importJourneyFile(
        edited(sample(), (f) => {
          f.journey.nodes.push({ ...f.journey.nodes[4], position: { x: 900, y: 0 } });
          f.journey.edges.push({ ...f.journey.edges[0], sourcePort: 'x', target: 'out' });
          f.journey.notes.push({ ...f.journey.notes[0], text: 'second' });
        }),
        { ...opts({ 'Spring buyers': 'A1' }), newId: sequentialIds(1) }, // e2, e3, e4 are taken: fresh ids skip them
      ),
    );
    const ids = (l: { id: string }[]) => l.map((x) => x.id);
    expect(new Set(ids(o.journey.nodes)).size).toBe(6);
    expect(new Set(ids(o.journey.edges)).size).toBe(5);
    expect(new Set(ids(o.journey.notes)).size).toBe(2);
    expect(o.journey.nodes[5]).toMatchObject({ type: 'flow.exit', position: { x: 900, y: 0 } });
    expect(o.journey.nodes[5].id).not.toBe('out');
    expect(o.journey.edges.find((e) => e.id === 'e4')!.target).toBe('out');
    expect(o.journey.notes[1]).toMatchObject({ text: 'second' });
    expect(o.journey.notes[1].id).not.toBe('s1');
    warned(o, 'Two nodes had the id “out”');
    warned(o, 'Two notes had the id “s1”');
    warned(o, 'Two connections had the id “e1”');
  });

  it('drops config keys the type does not know and fills missing ones from its defaults', () => {
    const o = ok(
      importJourneyFile(
        edited(sample(), (f) => {
          f.journey.nodes[2].config.legacyTemplateId = 'T-9';
          delete f.journey.nodes[2].config.costPerTouch;
        }),
        opts({ 'Spring buyers': 'A1' }),
      ),
    );
    expect(o.journey.nodes[2].config).toEqual({ content: 'Hi {{name}}', costPerTouch: 0.05, fallback: '' });
    warned(o, 'dropped settings this version does not know (legacyTemplateId)');
    warned(o, 'filled in missing settings with defaults (costPerTouch)');
  });

  it('a node without any config gets the defaults', () => {
    const o = ok(importJourneyFile(edited(sample(), (f) => delete f.journey.nodes[4].config), opts({ 'Spring buyers': 'A1' })));
    expect(o.journey.nodes[4].config).toEqual({ reason: '' });
  });

  it('keeps nodes of unknown types with their config, for validation to report', () => {
    const o = ok(importJourneyFile(edited(sample(), (f) => f.journey.nodes.push({ id: 'x', type: 'action.fax', label: '', position: { x: 0, y: 0 }, config: { to: '123' } })), opts({ 'Spring buyers': 'A1' })));
    expect(o.journey.nodes.at(-1)).toEqual({ id: 'x', type: 'action.fax', label: '', position: { x: 0, y: 0 }, config: { to: '123' } });
    expect(o.warnings).toEqual([]);
  });
});

describe('importJourneyFile: audiences', () => {
  it('an audience id known here is kept', () => {
    const o = ok(importJourneyFile(edited(sample(), () => {}), opts({ 'Another name': 'A1' })));
    expect(o.journey.nodes[0].config.audienceId).toBe('A1');
    expect(o.unresolvedAudiences).toEqual([]);
  });

  it('an id unknown here is re-linked by the name in the file', () => {
    const o = ok(importJourneyFile(edited(sample(), () => {}), opts({ 'Spring buyers': 'B7' })));
    expect(o.journey.nodes[0].config.audienceId).toBe('B7');
    expect(o.unresolvedAudiences).toEqual([]);
  });

  it('no audience of that name: the id stays and is listed, and validation flags it', () => {
    const o = ok(importJourneyFile(edited(sample(), () => {}), opts({ Other: 'B7' })));
    expect(o.journey.nodes[0].config.audienceId).toBe('A1');
    expect(o.unresolvedAudiences).toEqual([{ id: 'A1', name: 'Spring buyers' }]);
    const issues = validateJourney(o.journey, { audiences: new Map([['B7', 'Other']]), tags: new Set(), tagGroups: new Set() });
    expect(issues).toContainEqual(expect.objectContaining({ code: 'audience-missing', nodeId: 'in' }));
  });
});
