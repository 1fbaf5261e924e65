import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseRule } from '../../core/rules';
import { audienceRefs, csvFileName, findAudienceCycle, guardCell, membersCsv } from './audienceLogic';

const r = parseRule;

describe('audience references and cycles', () => {
  it('lists the audiences a rule uses, through and / or / not', () => {
    expect(audienceRefs(r('in audience "A" and not (in audience "B" or orders > 1)'))).toEqual(['A', 'B']);
  });
  it('finds a direct self-reference', () => {
    expect(findAudienceCycle({ id: 'a1', name: 'A', rule: r('in audience "A"') }, [])).toBe('A → A');
  });
  it('finds a cycle through saved audiences, with the draft replacing its saved self', () => {
    const saved = [
      { id: 'a1', name: 'A', rule: r('orders > 1') },
      { id: 'b1', name: 'B', rule: r('in audience "C"') },
      { id: 'c1', name: 'C', rule: r('in audience "A" and paid > 5') },
    ];
    expect(findAudienceCycle({ id: 'a1', name: 'A', rule: r('in audience "B"') }, saved)).toBe('A → B → C → A');
    expect(findAudienceCycle({ id: 'a1', name: 'A', rule: r('orders > 2') }, saved)).toBeNull();
    // By id as well as by name.
    expect(findAudienceCycle({ name: 'New', rule: r('in audience "b1"') }, saved)).toBeNull();
  });
  it('ignores references to unknown audiences (the type-checker reports those)', () => {
    expect(findAudienceCycle({ name: 'X', rule: r('in audience "nope"') }, [])).toBeNull();
  });
});

describe('CSV export', () => {
  it('guards formula-like cells and keeps the rest', () => {
    expect(guardCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(guardCell('+1')).toBe("'+1");
    expect(guardCell('-2')).toBe("'-2");
    expect(guardCell('@SUM')).toBe("'@SUM");
    expect(guardCell('王芳')).toBe('王芳');
  });
  it('writes id, name, region, city that parse back', () => {
    const csv = membersCsv([
      { id: 'M1', name: 'Zoe, "Z"', region: '=cmd', city: '上海' },
      { id: 'M2', name: '李娜', region: '浙江', city: '杭州' },
    ]);
    const back = Papa.parse<string[]>(csv).data;
    expect(back[0]).toEqual(['id', 'name', 'region', 'city']);
    expect(back[1]).toEqual(['M1', 'Zoe, "Z"', "'=cmd", '上海']);
    expect(back[2]).toEqual(['M2', '李娜', '浙江', '杭州']);
  });
  it('makes a safe file name', () => {
    expect(csvFileName('高价值 / VIP', '2024-06-01')).toBe('高价值-VIP-2024-06-01.csv');
    expect(csvFileName('///', '2024-06-01')).toBe('audience-2024-06-01.csv');
  });
});
