import type { CmpOp, Filter, NumExpr, Rule, SubPredicate, Window } from './ast';
import { RuleSyntaxError, tokenize, type Token } from './lexer';

/**
 * Recursive-descent parser for the rule text form (grammar in docs/rules.md). Errors name
 * the position (1-based column) and what was expected.
 */
export function parseRule(src: string): Rule {
  const p = new Parser(tokenize(src));
  const rule = p.rule();
  p.expectEof();
  return rule;
}

const CMP_OPS = new Set(['>', '>=', '<', '<=', '=', '!=']);
const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'has', 'between', 'any', 'no', 'top', 'by', 'last', 'since', 'within', 'true']);

class Parser {
  private i = 0;
  constructor(private readonly toks: Token[]) {}

  private peek(o = 0): Token {
    return this.toks[Math.min(this.i + o, this.toks.length - 1)];
  }
  private next(): Token {
    return this.toks[this.i++];
  }
  private isWord(w: string, o = 0): boolean {
    const t = this.peek(o);
    return t.type === 'word' && t.text.toLowerCase() === w;
  }
  private isPunct(p: string): boolean {
    const t = this.peek();
    return t.type === 'punct' && t.text === p;
  }
  private fail(expected: string, t = this.peek()): never {
    const found = t.type === 'eof' ? 'the end of the rule' : `'${t.text}'`;
    throw new RuleSyntaxError(`at ${t.start + 1}: expected ${expected}, found ${found}`, t.start, Math.max(t.end, t.start + 1));
  }
  private word(w: string): Token {
    if (!this.isWord(w)) this.fail(`'${w}'`);
    return this.next();
  }
  private punct(p: string): Token {
    if (!this.isPunct(p)) this.fail(`'${p}'`);
    return this.next();
  }
  private number(what = 'a number'): number {
    const t = this.peek();
    if (t.type !== 'number') this.fail(what);
    this.next();
    return t.value as number;
  }
  private ident(what: string): Token {
    const t = this.peek();
    if (t.type !== 'word' || KEYWORDS.has(t.text.toLowerCase())) this.fail(what);
    return this.next();
  }
  private stringLike(what: string): string {
    const t = this.peek();
    if (t.type === 'string' || t.type === 'word' || t.type === 'number') {
      this.next();
      return String(t.value);
    }
    return this.fail(what);
  }
  private cmpOp(): CmpOp {
    const t = this.peek();
    if (t.type !== 'op' || !CMP_OPS.has(t.value as string)) this.fail('a comparison (>, >=, <, <=, =, !=)');
    this.next();
    return t.value as CmpOp;
  }

  expectEof(): void {
    if (this.peek().type !== 'eof') this.fail("'and', 'or' or the end of the rule");
  }

  rule(): Rule {
    const start = this.peek().start;
    const args = [this.andExpr()];
    while (this.isWord('or')) {
      this.next();
      args.push(this.andExpr());
    }
    return args.length === 1 ? args[0] : { k: 'or', args, span: { start, end: this.toks[this.i - 1].end } };
  }

  private andExpr(): Rule {
    const start = this.peek().start;
    const args = [this.unary()];
    while (this.isWord('and')) {
      this.next();
      args.push(this.unary());
    }
    return args.length === 1 ? args[0] : { k: 'and', args, span: { start, end: this.toks[this.i - 1].end } };
  }

  private unary(): Rule {
    const t = this.peek();
    if (this.isWord('not')) {
      this.next();
      const arg = this.unary();
      return { k: 'not', arg, span: { start: t.start, end: this.toks[this.i - 1].end } };
    }
    return this.primary();
  }

  private primary(): Rule {
    const t = this.peek();
    const span = () => ({ start: t.start, end: this.toks[this.i - 1].end });
    if (this.isPunct('(')) {
      this.next();
      const r = this.rule();
      this.punct(')');
      return r;
    }
    if (this.isWord('true')) {
      this.next();
      return { k: 'true', span: span() };
    }
    if (this.isWord('in')) {
      this.next();
      this.word('audience');
      const id = this.stringLike('an audience name or id in quotes');
      return { k: 'audience', id, span: span() };
    }
    if (this.isWord('has')) {
      this.next();
      this.word('tag');
      const tag = this.stringLike('a tag name in quotes');
      let ever = false;
      if (this.isWord('ever')) {
        this.next();
        ever = true;
      }
      return { k: 'tag', tag, ever, span: span() };
    }
    if (this.isWord('stage') && this.peek(1).type === 'op') {
      this.next();
      const op = this.cmpOp();
      if (op !== '=') this.fail("'='", this.toks[this.i - 1]);
      return { k: 'stage', stage: this.stringLike('a lifecycle stage'), span: span() };
    }
    if ((this.isWord('any') || this.isWord('no')) && this.peek(1).type === 'word' && this.peek(2).text === '(') {
      const quant = this.next().text.toLowerCase() === 'any' ? 'any' : 'none';
      const kind = this.ident('a sub-profile kind (baby, pet, device)').text;
      this.punct('(');
      const where: SubPredicate[] = [];
      if (!this.isPunct(')')) {
        where.push(this.subPredicate());
        while (this.isWord('and') || this.isPunct(',')) {
          this.next();
          where.push(this.subPredicate());
        }
      }
      this.punct(')');
      return { k: 'sub', quant, kind, where, span: span() };
    }
    if (this.isWord('count') && this.peek(1).text === '(' && this.peek(3).text === ')' && this.peek(4).type === 'op') {
      this.next();
      this.punct('(');
      const kind = this.ident('a sub-profile kind').text;
      this.punct(')');
      const op = this.cmpOp();
      return { k: 'subcount', kind, op, value: this.number(), span: span() };
    }
    if (this.isWord('top')) {
      this.next();
      const top = this.number('how many (top N or top N %)');
      let percent = false;
      if (this.isPunct('%')) {
        this.next();
        percent = true;
      }
      this.word('by');
      return { k: 'rank', expr: this.numExpr(), top, percent, span: span() };
    }
    const left = this.numExpr();
    if (this.isWord('between')) {
      this.next();
      const low = this.number();
      this.word('and');
      const high = this.number();
      return { k: 'between', expr: left, low, high, span: span() };
    }
    const op = this.cmpOp();
    const right = this.numExpr();
    return { k: 'cmp', op, left, right, span: span() };
  }

  private subPredicate(): SubPredicate {
    const t = this.ident('a field such as age_months');
    if (this.isWord('between')) {
      this.next();
      const value = this.number();
      this.word('and');
      const value2 = this.number();
      return { field: t.text, op: 'between', value, value2, span: { start: t.start, end: this.toks[this.i - 1].end } };
    }
    const op = this.cmpOp();
    return { field: t.text, op, value: this.number(), span: { start: t.start, end: this.toks[this.i - 1].end } };
  }

  private numExpr(): NumExpr {
    const t = this.peek();
    if (t.type === 'number') {
      this.next();
      return { k: 'num', value: t.value as number, span: { start: t.start, end: t.end } };
    }
    const name = this.ident('a number or a measure such as net_spend(last 90 days)');
    let window: Window = { kind: 'all' };
    const filters: Filter[] = [];
    if (this.isPunct('(')) {
      this.next();
      let sawWindow = false;
      while (!this.isPunct(')')) {
        if (this.isWord('last') || this.isWord('between') || this.isWord('since') || this.isWord('within') || this.isWord('all')) {
          if (sawWindow) this.fail('only one time window');
          window = this.window();
          sawWindow = true;
        } else {
          filters.push(this.filter());
        }
        if (!this.isPunct(',')) break;
        this.next();
      }
      this.punct(')');
    }
    return { k: 'metric', name: name.text, window, filters, span: { start: name.start, end: this.toks[this.i - 1].end } };
  }

  private window(): Window {
    if (this.isWord('last')) {
      this.next();
      return { kind: 'last', days: this.days() };
    }
    if (this.isWord('all')) {
      this.next();
      this.word('time');
      return { kind: 'all' };
    }
    if (this.isWord('since')) {
      this.next();
      if (this.peek().type === 'date') return { kind: 'since', from: this.date() };
      return { kind: 'anchored', anchor: this.anchor(), days: null };
    }
    if (this.isWord('within')) {
      this.next();
      const days = this.days();
      this.word('of');
      return { kind: 'anchored', anchor: this.anchor(), days };
    }
    this.word('between');
    const from = this.date();
    this.word('and');
    return { kind: 'between', from, to: this.date() };
  }

  /** `N days`: a whole number of days > 0. */
  private days(): number {
    const n = this.number('a number of days');
    if (!Number.isInteger(n) || n <= 0) this.fail('a whole number of days > 0', this.toks[this.i - 1]);
    if (!this.isWord('days') && !this.isWord('day')) this.fail("'days'");
    this.next();
    return n;
  }

  /** The member's own event a window starts from: 'first order' or 'joining'. */
  private anchor(): 'first_order' | 'joined' {
    if (this.isWord('first')) {
      this.next();
      this.word('order');
      return 'first_order';
    }
    if (this.isWord('joining')) {
      this.next();
      return 'joined';
    }
    this.fail("a date YYYY-MM-DD, 'first order' or 'joining'");
  }

  private date(): string {
    const t = this.peek();
    if (t.type !== 'date') this.fail('a date YYYY-MM-DD');
    this.next();
    return t.text;
  }

  private filter(): Filter {
    const field = this.ident("a filter such as sku = \"85123A\" or a window such as 'last 90 days'").text;
    if (this.isWord('in')) {
      this.next();
      this.punct('[');
      const values = [this.stringLike('a value')];
      while (this.isPunct(',')) {
        this.next();
        values.push(this.stringLike('a value'));
      }
      this.punct(']');
      return { field, values };
    }
    const op = this.cmpOp();
    if (op !== '=') this.fail("'=' or 'in [...]'", this.toks[this.i - 1]);
    return { field, values: [this.stringLike('a value')] };
  }
}
