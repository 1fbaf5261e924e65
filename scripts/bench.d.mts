/** Types for scripts/bench.mjs, so its tests type-check. */
export interface Benchmark {
  name: string;
  description?: string;
  run(ctx: unknown): Promise<Record<string, unknown> | undefined>;
}
export function selectBenchmarks<T extends { name: string }>(all: T[], names: string[]): T[];
