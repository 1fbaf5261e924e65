import type { Filter, NumExpr, Rule, SubPredicate, Window } from './ast';

/** The canonical text form of a rule; parseRule(printRule(r)) means the same as r. */
export function printRule(r: Rule): string {
  return print(r, 0);
}

// Precedence: or 1, and 2, not/primary 3. Parenthesise a child of lower precedence.
function print(r: Rule, parent: number): string {
  switch (r.k) {
    case 'or':
      return wrap(r.args.map((a) => print(a, 1)).join(' or '), 1, parent);
    case 'and':
      return wrap(r.args.map((a) => print(a, 2)).join(' and '), 2, parent);
    case 'not':
      return `not ${print(r.arg, 3)}`;
    case 'cmp':
      return `${printNum(r.left)} ${r.op} ${printNum(r.right)}`;
    case 'between':
      return `${printNum(r.expr)} between ${r.low} and ${r.high}`;
    case 'audience':
      return `in audience ${quote(r.id)}`;
    case 'tag':
      return `has tag ${quote(r.tag)}${r.ever ? ' ever' : ''}`;
    case 'stage':
      return `stage = ${quote(r.stage)}`;
    case 'sub':
      return `${r.quant === 'any' ? 'any' : 'no'} ${r.kind}(${r.where.map(printSub).join(' and ')})`;
    case 'subcount':
      return `count(${r.kind}) ${r.op} ${r.value}`;
    case 'rank':
      return `top ${r.top}${r.percent ? '%' : ''} by ${printNum(r.expr)}`;
    case 'true':
      return 'true';
  }
}

function wrap(s: string, own: number, parent: number): string {
  return own < parent ? `(${s})` : s;
}

export function printNum(e: NumExpr): string {
  if (e.k === 'num') return String(e.value);
  const args = [...e.filters.map(printFilter)];
  if (e.window.kind !== 'all') args.push(printWindow(e.window));
  return args.length ? `${e.name}(${args.join(', ')})` : e.name;
}

export function printWindow(w: Window): string {
  switch (w.kind) {
    case 'all':
      return 'all time';
    case 'last':
      return `last ${w.days} days`;
    case 'between':
      return `between ${w.from} and ${w.to}`;
    case 'since':
      return `since ${w.from}`;
    case 'anchored': {
      const event = w.anchor === 'first_order' ? 'first order' : 'joining';
      return w.days === null ? `since ${event}` : `within ${w.days} days of ${event}`;
    }
  }
}

function printFilter(f: Filter): string {
  return f.values.length === 1 ? `${f.field} = ${quote(f.values[0])}` : `${f.field} in [${f.values.map(quote).join(', ')}]`;
}

function printSub(s: SubPredicate): string {
  return s.op === 'between' ? `${s.field} between ${s.value} and ${s.value2}` : `${s.field} ${s.op} ${s.value}`;
}

function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
