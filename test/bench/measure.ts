import v8 from 'node:v8';
import vm from 'node:vm';

/** One figure of the report; floorMs and ratio only where a floor applies. */
export interface Figure {
  name: string;
  rows: number;
  database: 'pglite' | 'postgres' | 'none';
  ms: number;
  floorMs?: number;
  ratio?: number;
  /** Extra facts (memory), kept out of the fixed columns. */
  [extra: string]: unknown;
}

export interface Plan {
  /** Measured runs per size after `warmups(rows)` discarded ones. */
  runs(rows: number): number;
  warmups(rows: number): number;
  /** After the first measured run, no new run starts once a case has taken this long (slow cases, big sizes). */
  budgetMs: number;
}

// A full collection between cases keeps one case's garbage from landing in the next one's timing.
v8.setFlagsFromString('--expose-gc');
const gcFn = vm.runInNewContext('gc') as () => void;
export function collectGarbage(): void {
  gcFn();
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function time<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

/**
 * Runs `iteration` for the warm-ups, then for the measured runs (fewer when the budget is spent); each call
 * returns named timings (one iteration may time several steps that depend on each other, e.g. push then
 * push-update). Gives the median of each name, and `runs`, how many were measured. `measured` tells the
 * iteration whether it counts (the memory case rides on the first measured one).
 */
export async function medians(
  plan: Plan,
  rows: number,
  iteration: (index: number, measured: number) => Promise<Record<string, number>>,
): Promise<Record<string, number> & { runs: number }> {
  const samples: Record<string, number[]> = {};
  const warmups = plan.warmups(rows);
  const started = performance.now();
  let runs = 0;
  for (let i = 0; runs < plan.runs(rows); i++) {
    if (runs > 0 && performance.now() - started > plan.budgetMs) break;
    collectGarbage();
    const timings = await iteration(i, i < warmups ? -1 : runs);
    if (i < warmups) continue;
    runs++;
    for (const [name, ms] of Object.entries(timings)) (samples[name] ??= []).push(ms);
  }
  const result: Record<string, number> = Object.fromEntries(Object.entries(samples).map(([name, xs]) => [name, median(xs)]));
  return Object.assign(result, { runs });
}

export function withFloor(figure: Figure, floorMs: number | undefined): Figure {
  if (floorMs === undefined || !(floorMs > 0)) return figure;
  return { ...figure, floorMs: round(floorMs), ratio: Math.round((figure.ms / floorMs) * 100) / 100 };
}

export const round = (ms: number) => Math.round(ms * 10) / 10;

export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
