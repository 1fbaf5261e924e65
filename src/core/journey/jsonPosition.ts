/**
 * Where JSON text goes wrong, for error messages a person can act on. Engines word JSON.parse
 * errors differently and often give no place at all (V8 says `Unexpected token ']', "[1,]" is
 * not valid JSON`), so the place is read from the message when it has one and otherwise found by
 * scanning the text against the JSON grammar. Only called after JSON.parse failed.
 */
export function jsonErrorPosition(text: string, message: string): { line: number; column: number } | null {
  const lc = /line (\d+) column (\d+)/i.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/i.exec(message);
  const at = pos ? Number(pos[1]) : jsonErrorOffset(text);
  if (at === null || at > text.length) return null;
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

/**
 * Offset of the first character at which `text` stops being JSON (text.length when it ends too
 * soon), or null when it is valid. Iterative, so deep nesting cannot overflow the stack.
 */
export function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const stack: ('{' | '[')[] = [];
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  /** Reads a string at i; returns the offset of an error, or -1. */
  const string = (): number => {
    if (text[i] !== '"') return i;
    i++;
    for (;;) {
      if (i >= text.length) return i;
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return -1;
      }
      if (c < 0x20) return i;
      if (c !== 0x5c) {
        i++;
        continue;
      }
      const e = text[i + 1];
      if (e === 'u') {
        HEX4.lastIndex = i + 2;
        if (!HEX4.test(text)) return i + 2;
        i += 6;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
      else return i + 1;
    }
  };
  /** After '{' or ',' in an object: a key and its colon. */
  const key = (): number => {
    ws();
    const bad = string();
    if (bad >= 0) return bad;
    ws();
    if (text[i] !== ':') return i;
    i++;
    return -1;
  };

  let expectValue = true;
  for (;;) {
    ws();
    if (expectValue) {
      const c = text[i];
      if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        ws();
        if (text[i] === (c === '{' ? '}' : ']')) {
          i++;
          stack.pop();
          expectValue = false;
        } else if (c === '{') {
          const bad = key();
          if (bad >= 0) return bad;
        }
        continue;
      }
      if (c === '"') {
        const bad = string();
        if (bad >= 0) return bad;
      } else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) return i + 1;
        i = NUMBER.lastIndex;
      } else {
        const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
        if (!word) return i;
        i += word.length;
      }
      expectValue = false;
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) return i === text.length ? null : i;
    const c = text[i];
    if (c === ',') {
      i++;
      if (top === '{') {
        const bad = key();
        if (bad >= 0) return bad;
      }
      expectValue = true;
    } else if (c === (top === '{' ? '}' : ']')) {
      i++;
      stack.pop();
    } else return i;
  }
}
