/** Types for bench/lib/context.mjs, so its tests type-check. */
export const CHROMIUM_ARGS: string[];
export function newestMtime(paths: string[]): number;
export function distIsStale(root: string): boolean;
export function createContext(options: { root: string; log: (message: string) => void }): {
  root: string;
  distDir: string;
  dataDir: string;
  log: (message: string) => void;
  ensureBuild(): void;
  preview(): Promise<string>;
  machine(): Promise<{ cpus: number; model: string; node: string; chromium: string | null }>;
  close(): Promise<void>;
};
