import type { z } from 'zod';
import type { Channel } from '../../model/common';
import type { FieldMap } from '../fields';
import type { Text } from '../text';
import type { Step } from '../plan/ir';

export type NodeCategory = 'entry' | 'flow' | 'action';

/** An output port. Edges leave from a port by id; a node's only input is 'in'. */
export interface Port {
  id: string;
  label: Text;
}

/** Icons the canvas knows how to draw (src/ui/canvas/icons.tsx): one per node type family. */
export type IconName =
  | 'audience' | 'event' | 'schedule' | 'wait' | 'waitEvent' | 'split' | 'multiSplit' | 'random' | 'ab' | 'goal' | 'jump' | 'exit'
  | 'wecom' | 'moments' | 'group' | 'oa' | 'sms' | 'coupon' | 'points' | 'draw' | 'live' | 'tag' | 'attribute' | 'guide' | 'webhook' | 'task';

/** What a node checks beyond its fields, given the workspace (names that exist). */
export interface CatalogueContext {
  audiences: ReadonlyMap<string, string>; // id -> name
  tags: ReadonlySet<string>;
  tagGroups: ReadonlySet<string>;
}

export interface NodeProblem {
  code: string;
  /** The config field it is about, when there is one. */
  field?: string;
  message: Text;
  severity: 'error' | 'warning';
}

export type Config = Record<string, unknown>;

/**
 * Everything about one node type, in one place: palette entry, ports, config fields (schema,
 * defaults, inspector form), checks, and what it means for caps and cycles. The plan compiler,
 * simulator and executor (later issues) add their steps here too.
 */
export interface NodeType {
  type: string;
  category: NodeCategory;
  icon: IconName;
  title: Text;
  description: Text;
  fields: FieldMap;
  schema: z.ZodObject;
  /** Entries have no input; everything else has exactly one, 'in'. */
  hasInput: boolean;
  outputs: (config: Config) => Port[];
  /** Holds a member for a while (wait, wait for event): a cycle through it is not a busy loop. */
  delays: boolean;
  /** The channel a member is touched through, if the node sends something (for caps and cost). */
  touch: ((config: Config) => Channel | null) | null;
  /** A one-line summary of the config for the node's face. */
  summary: (config: Config, lang: 'en' | 'zh') => string;
  /** Checks that need more than one field or the workspace. Required-field and schema checks are generic. */
  check?: (config: Config, ctx: CatalogueContext) => NodeProblem[];
  /** The node's step in the Plan IR (src/core/journey/plan), from a config that validated. */
  compile: (config: Config, cx: CompileContext) => Step;
}

/** What a node's compile step may ask of the compiler: units converted, rules interned. */
export interface CompileContext {
  /** The rule's index in the plan's rule table (spans stripped, equal rules shared). */
  rule: (rule: unknown) => number;
  /** Currency units (yuan) to minor units (fen). */
  cents: (v: unknown) => number;
  /** 'YYYY-MM-DD' to a day number. */
  day: (date: unknown) => number;
  /** 'HH:MM' to minutes after midnight. */
  minute: (hhmm: unknown) => number;
  audienceName: (id: string) => string;
}
