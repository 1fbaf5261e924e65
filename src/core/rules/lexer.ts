/** Tokens of the rule text form, each with its position for error messages. */
export type TokenType = 'word' | 'number' | 'date' | 'string' | 'op' | 'punct' | 'eof';
export interface Token {
  type: TokenType;
  text: string;
  /** Decoded value for strings; numeric value for numbers. */
  value: string | number;
  start: number;
  end: number;
}

export class RuleSyntaxError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
    this.name = 'RuleSyntaxError';
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}/;
const NUMBER = /^\d+(\.\d+)?(?![A-Za-z_\d])/;
const WORD = /^[A-Za-z_\d][A-Za-z_\d.-]*/;

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const rest = src.slice(i);
    let m: RegExpMatchArray | null;
    if ((m = rest.match(DATE)) && !/[A-Za-z_\d]/.test(rest[m[0].length] ?? '')) {
      out.push({ type: 'date', text: m[0], value: m[0], start: i, end: i + m[0].length });
      i += m[0].length;
    } else if ((m = rest.match(NUMBER))) {
      out.push({ type: 'number', text: m[0], value: Number(m[0]), start: i, end: i + m[0].length });
      i += m[0].length;
    } else if ((m = rest.match(WORD))) {
      // Trailing '.' or '-' belong to punctuation, not the word.
      const w = m[0].replace(/[.-]+$/, '');
      out.push({ type: 'word', text: w, value: w, start: i, end: i + w.length });
      i += w.length;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\' && j + 1 < src.length) j++;
        s += src[j];
        j++;
      }
      if (j >= src.length) throw new RuleSyntaxError(`unterminated string starting at ${i + 1}`, i, src.length);
      out.push({ type: 'string', text: src.slice(i, j + 1), value: s, start: i, end: j + 1 });
      i = j + 1;
    } else if ((m = rest.match(/^(>=|<=|!=|<>|==|>|<|=)/))) {
      const op = m[0] === '<>' ? '!=' : m[0] === '==' ? '=' : m[0];
      out.push({ type: 'op', text: m[0], value: op, start: i, end: i + m[0].length });
      i += m[0].length;
    } else if ('(),[]%'.includes(c)) {
      out.push({ type: 'punct', text: c, value: c, start: i, end: i + 1 });
      i++;
    } else {
      throw new RuleSyntaxError(`unexpected character '${c}' at ${i + 1}`, i, i + 1);
    }
  }
  out.push({ type: 'eof', text: '', value: '', start: src.length, end: src.length });
  return out;
}
