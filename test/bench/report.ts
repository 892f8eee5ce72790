import type { Figure } from './measure.ts';

/** The printed table and the targets this project set itself (reported, never enforced). */

const MEMORY_KEYS = ['baseRssMb', 'peakRssMb', 'baseHeapMb', 'peakHeapMb'] as const;

function notes(f: Figure): string {
  const parts: string[] = [];
  if (MEMORY_KEYS.every((k) => typeof f[k] === 'number')) {
    parts.push(`rss ${f.baseRssMb}→${f.peakRssMb} MB, heap ${f.baseHeapMb}→${f.peakHeapMb} MB`);
  }
  if (typeof f.dbCpuMs === 'number' && f.dbCpuMs > 0) parts.push(`server cpu ${f.dbCpuMs.toFixed(0)} ms`);
  if (typeof f.answerKb === 'number') parts.push(`answer ${(f.answerKb / 1024).toFixed(1)} MB`);
  return parts.join('; ');
}

export function printTable(figures: readonly Figure[]): void {
  const header = ['case', 'rows', 'database', 'ms', 'cpu ms', 'floor ms', 'ratio', 'runs', 'notes'];
  const num = (v: unknown) => (typeof v === 'number' ? v.toFixed(1) : '');
  const lines = figures.map((f) => [
    f.name,
    f.rows.toLocaleString('en-US'),
    f.database,
    f.ms.toFixed(1),
    num(f.cpuMs),
    num(f.floorMs),
    f.ratio === undefined ? '' : `${f.ratio.toFixed(2)}×`,
    typeof f.runs === 'number' ? String(f.runs) : '',
    notes(f),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const right = new Set([1, 3, 4, 5, 6, 7]);
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  process.stdout.write(`\n${fmt(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const l of lines) process.stdout.write(`${fmt(l)}\n`);
  process.stdout.write('\n');
}

const find = (figures: readonly Figure[], name: string, rows: number, database: Figure['database']) =>
  figures.find((f) => f.name === name && f.rows === rows && f.database === database);

function check(label: string, f: Figure | undefined, limit: number): string {
  if (f === undefined) return `target ${label} ≤ ${limit} ms: not measured`;
  const cpu = typeof f.cpuMs === 'number' ? ` (cpu ${f.cpuMs.toFixed(0)} ms)` : '';
  return `target ${label} ≤ ${limit} ms: ${f.ms.toFixed(0)} ms${cpu} ${f.ms <= limit ? 'met' : 'MISSED'}`;
}

export function targetLines(figures: readonly Figure[], tiny: boolean): string[] {
  if (tiny) return ['targets: not checked in --tiny'];
  const lines = [
    check('push 5,000 rows on PostgreSQL', find(figures, 'push', 5000, 'postgres'), 300),
    check('push 50,000 rows on PostgreSQL', find(figures, 'push', 50000, 'postgres'), 3000),
  ];
  for (const n of [1000, 5000, 50000]) {
    const lite = find(figures, 'push', n, 'pglite')?.ms;
    const server = find(figures, 'push', n, 'postgres')?.ms;
    if (lite === undefined || server === undefined) continue;
    const x = lite / server;
    lines.push(`target push ${n.toLocaleString('en-US')} rows PGlite within 3× of PostgreSQL: ${x.toFixed(2)}× ${x <= 3 ? 'met' : 'MISSED'}`);
  }
  const engine = figures.find((f) => f.rows === 20000 && f.name.startsWith('sheet') && f.floorMs !== undefined);
  lines.push(check('sheet engine 20,000 rows', engine, 300));
  for (const f of figures) {
    if (f.ratio !== undefined && f.ratio > 2) lines.push(`ratio above 2: ${f.name} ${f.rows} ${f.database} ${f.ratio}× its floor`);
  }
  return lines;
}
