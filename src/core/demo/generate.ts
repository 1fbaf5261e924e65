import type { Product, Store, Workspace } from '../model';
import { buildContext, type DemoContext } from './context';
import { seed32 } from './prng';
import { emptyBatch, generateMember, type DemoBatch } from './member';
import { DEMO_AS_OF, DEMO_TEMPLATES, TEMPLATES, type DemoTemplate } from './templates';
import { lifecycleFromPreset, presetForTemplate } from '../metrics/presets';

export interface DemoOptions {
  template: DemoTemplate;
  members: number;
  seed: number;
}

export interface Demo {
  /** The workspace document; storage gives it a fresh id and creation time when it writes it. */
  workspace: Workspace;
  stores: Store[];
  products: Product[];
  /** Members in order, `batchSize` at a time; each batch is generated only when asked for. */
  batches(batchSize?: number): Iterable<DemoBatch>;
  /** Generate members [from, to) into one batch. */
  range(from: number, to: number): DemoBatch;
}

export const DEMO_BATCH_SIZE = 2500;
/** Member ids are 'M' + 7 digits; more than this would break their fixed width. */
export const DEMO_MAX_MEMBERS = 5_000_000;

/** Throws a clear error naming the bad option; returns the options normalised. */
export function checkDemoOptions(opts: unknown): DemoOptions {
  const o = (opts ?? {}) as Partial<DemoOptions>;
  if (!DEMO_TEMPLATES.includes(o.template as DemoTemplate)) {
    throw new Error(`demo: template must be one of ${DEMO_TEMPLATES.join(', ')}, got ${JSON.stringify(o.template)}`);
  }
  if (typeof o.members !== 'number' || !Number.isInteger(o.members) || o.members < 1 || o.members > DEMO_MAX_MEMBERS) {
    throw new Error(`demo: members must be an integer from 1 to ${DEMO_MAX_MEMBERS}, got ${JSON.stringify(o.members)}`);
  }
  if (typeof o.seed !== 'number' || !Number.isSafeInteger(o.seed)) {
    throw new Error(`demo: seed must be a safe integer, got ${JSON.stringify(o.seed)}`);
  }
  return { template: o.template as DemoTemplate, members: o.members, seed: o.seed };
}

/** 'Demo · Mother & Baby · 10k' (data, not UI: the same in every language). */
export function demoWorkspaceName(template: DemoTemplate, members: number): string {
  const size = members >= 1_000_000 && members % 100_000 === 0
    ? `${members / 1_000_000}M`
    : members >= 1000 && members % 100 === 0 ? `${members / 1000}k` : String(members);
  return `Demo · ${TEMPLATES[template].label} · ${size}`;
}

/**
 * A seeded, deterministic demo brand: the same options give the same records, byte for byte.
 * Stores and products are small and returned at once; members and everything that belongs
 * to them stream in batches so a million members never sit in memory together.
 */
export function generateDemo(options: DemoOptions): Demo {
  const opts = checkDemoOptions(options);
  const ctx: DemoContext = buildContext(opts.template, seed32(opts.seed));
  const spec = TEMPLATES[opts.template];
  const workspace: Workspace = {
    v: 2,
    id: `demo-${opts.template}-${opts.seed}`,
    name: demoWorkspaceName(opts.template, opts.members),
    brandTemplate: opts.template,
    currency: 'CNY',
    createdAt: `${DEMO_AS_OF}T00:00:00`,
    asOf: DEMO_AS_OF,
    source: { kind: 'demo', template: opts.template, members: opts.members, seed: opts.seed },
    // The brand's lifecycle preset, with the thresholds its buying rhythm was generated for.
    lifecycle: lifecycleFromPreset(presetForTemplate(opts.template), spec.lifecycle),
  };
  const range = (from: number, to: number): DemoBatch => {
    const batch = emptyBatch(from);
    const end = Math.min(to, opts.members);
    for (let i = Math.max(0, from); i < end; i++) generateMember(ctx, i, batch);
    return batch;
  };
  return {
    workspace,
    stores: ctx.layout.stores.map((s) => ({ ...s })),
    products: ctx.products.map((p) => ({ ...p })),
    range,
    *batches(batchSize = DEMO_BATCH_SIZE) {
      const size = Math.max(1, Math.floor(batchSize));
      for (let from = 0; from < opts.members; from += size) yield range(from, from + size);
    },
  };
}
