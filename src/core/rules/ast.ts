import { z } from 'zod';
import { LocalDate } from '../model/common';

/**
 * The rule AST: the one representation behind the text form and the visual builder.
 * Stored inside tags and audiences, so it is versioned with them (RULE_AST_VERSION).
 * Numbers in comparisons are in the metric's display unit (money in currency units, e.g.
 * yuan); the compiler converts money to minor units.
 */
export const RULE_AST_VERSION = 1;

/** A span in the rule's text form, for error messages; absent on rules built visually. */
export const Span = z.object({ start: z.number().int(), end: z.number().int() });
export type Span = z.infer<typeof Span>;

export const Window = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('last'), days: z.number().int().positive() }),
  z.object({ kind: z.literal('between'), from: LocalDate, to: LocalDate }),
  /** from a day (a campaign's launch) up to the as-of day: grows as the as-of date moves on */
  z.object({ kind: z.literal('since'), from: LocalDate }),
  /**
   * Per member, from an event of their own: `within 90 days of first order` is the member's first
   * order's day and the 89 days after it; `since joining` (days null) runs to the as-of day.
   * The first order is the first sale on or before the as-of day, so time travel agrees.
   */
  z.object({ kind: z.literal('anchored'), anchor: z.enum(['first_order', 'joined']), days: z.number().int().positive().nullable() }),
]);
export type Window = z.infer<typeof Window>;

export const Filter = z.object({ field: z.string(), values: z.array(z.string()).min(1) });
export type Filter = z.infer<typeof Filter>;

export const CmpOp = z.enum(['>', '>=', '<', '<=', '=', '!=']);
export type CmpOp = z.infer<typeof CmpOp>;

export const NumExpr = z.discriminatedUnion('k', [
  z.object({ k: z.literal('num'), value: z.number(), span: Span.optional() }),
  z.object({
    k: z.literal('metric'),
    name: z.string(),
    window: Window,
    filters: z.array(Filter),
    span: Span.optional(),
  }),
]);
export type NumExpr = z.infer<typeof NumExpr>;

/** A comparison on one field of a sub-profile (inside `any baby(...)`). */
export const SubPredicate = z.object({
  field: z.string(),
  op: z.union([CmpOp, z.literal('between')]),
  value: z.number(),
  value2: z.number().optional(),
  span: Span.optional(),
});
export type SubPredicate = z.infer<typeof SubPredicate>;

export type Rule =
  | { k: 'and'; args: Rule[]; span?: Span }
  | { k: 'or'; args: Rule[]; span?: Span }
  | { k: 'not'; arg: Rule; span?: Span }
  | { k: 'cmp'; op: CmpOp; left: NumExpr; right: NumExpr; span?: Span }
  | { k: 'between'; expr: NumExpr; low: number; high: number; span?: Span }
  | { k: 'audience'; id: string; span?: Span }
  | { k: 'tag'; tag: string; ever: boolean; span?: Span }
  | { k: 'stage'; stage: string; span?: Span }
  | { k: 'sub'; quant: 'any' | 'none'; kind: string; where: SubPredicate[]; span?: Span }
  | { k: 'subcount'; kind: string; op: CmpOp; value: number; span?: Span }
  | { k: 'rank'; expr: NumExpr; top: number; percent: boolean; span?: Span }
  | { k: 'true'; span?: Span };

export const RuleSchema: z.ZodType<Rule> = z.lazy(() =>
  z.union([
    z.object({ k: z.literal('and'), args: z.array(RuleSchema).min(1), span: Span.optional() }),
    z.object({ k: z.literal('or'), args: z.array(RuleSchema).min(1), span: Span.optional() }),
    z.object({ k: z.literal('not'), arg: RuleSchema, span: Span.optional() }),
    z.object({ k: z.literal('cmp'), op: CmpOp, left: NumExpr, right: NumExpr, span: Span.optional() }),
    z.object({ k: z.literal('between'), expr: NumExpr, low: z.number(), high: z.number(), span: Span.optional() }),
    z.object({ k: z.literal('audience'), id: z.string().min(1), span: Span.optional() }),
    z.object({ k: z.literal('tag'), tag: z.string().min(1), ever: z.boolean(), span: Span.optional() }),
    z.object({ k: z.literal('stage'), stage: z.string().min(1), span: Span.optional() }),
    z.object({ k: z.literal('sub'), quant: z.enum(['any', 'none']), kind: z.string(), where: z.array(SubPredicate), span: Span.optional() }),
    z.object({ k: z.literal('subcount'), kind: z.string(), op: CmpOp, value: z.number(), span: Span.optional() }),
    z.object({ k: z.literal('rank'), expr: NumExpr, top: z.number().positive(), percent: z.boolean(), span: Span.optional() }),
    z.object({ k: z.literal('true'), span: Span.optional() }),
  ]),
);

/** Remove spans (for comparing rules by meaning, and before storing a visually edited rule). */
export function stripSpans<T>(node: T): T {
  if (Array.isArray(node)) return node.map(stripSpans) as T;
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) if (k !== 'span') out[k] = stripSpans(v);
    return out as T;
  }
  return node;
}
