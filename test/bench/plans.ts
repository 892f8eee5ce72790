import type { Db } from '../../server/db/database.ts';

/**
 * The planner's choice for the repositories' own SQL: run a function against a Db that records each statement
 * it sends, then EXPLAIN (format json) each with the same parameters. Shared by the province benchmark (which
 * says which tables a read scanned whole) and test/server/db/query-plans.test.ts.
 */
export interface Statement {
  text: string;
  params: unknown[];
}

interface PlanNode {
  'Node Type': string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/** Runs `fn` against a Db that records each statement (and still runs it), and returns the statements. */
export async function statementsOf(db: Db, fn: (db: Db) => Promise<unknown>): Promise<Statement[]> {
  const seen: Statement[] = [];
  const recording: Db = {
    ...db,
    query: <T>(text: string, params: unknown[] = []) => {
      seen.push({ text, params });
      return db.query<T>(text, params);
    },
  };
  await fn(recording);
  return seen;
}

/** A plan's scans, one line each: "Index Scan on person_month using person_month_pkey", "Seq Scan on unit". */
function scans(node: PlanNode, out: string[] = []): string[] {
  const type = node['Node Type'];
  if (/Scan$/.test(type) && type !== 'Subquery Scan' && type !== 'Function Scan' && type !== 'Values Scan') {
    const on = node['Relation Name'] ? ` on ${node['Relation Name']}` : '';
    const using = node['Index Name'] ? ` using ${node['Index Name']}` : '';
    out.push(`${type}${on}${using}`);
  }
  for (const child of node.Plans ?? []) scans(child, out);
  return out;
}

async function explain(db: Db, s: Statement, options: string): Promise<PlanNode> {
  const [row] = await db.query<Record<string, unknown>>(`explain (${options}format json) ${s.text}`, s.params);
  const value = Object.values(row ?? {})[0];
  return ((typeof value === 'string' ? JSON.parse(value) : value) as [{ Plan: PlanNode }])[0].Plan;
}

export async function explainScans(db: Db, s: Statement): Promise<string[]> {
  return scans(await explain(db, s, ''));
}

/** The scans of every statement `fn` sends, in order. */
export async function plannedScans(db: Db, fn: (db: Db) => Promise<unknown>): Promise<{ statements: number; scans: string[] }> {
  const statements = await statementsOf(db, fn);
  const all: string[] = [];
  for (const s of statements) all.push(...(await explainScans(db, s)));
  return { statements: statements.length, scans: all };
}

/** Rows the plan's scans examined (EXPLAIN ANALYZE): returned plus removed by a filter, times the loops. */
function rowsExamined(node: PlanNode): number {
  const own = /Scan$/.test(node['Node Type'])
    ? ((node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0)) * (node['Actual Loops'] ?? 1)
    : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsExamined(child), 0);
}

/**
 * The scans of every statement `fn` sends and the rows they examined (EXPLAIN ANALYZE): a count of work that
 * the machine's load does not blur, and that grows with the province exactly when a read scans a whole table.
 * The statements run twice (once recorded, once explained): reads only.
 */
export async function plannedWork(db: Db, fn: (db: Db) => Promise<unknown>): Promise<{ scans: string[]; rows: number }> {
  const statements = await statementsOf(db, fn);
  const all: string[] = [];
  let rows = 0;
  for (const s of statements) {
    const plan = await explain(db, s, 'analyze, ');
    all.push(...scans(plan));
    rows += rowsExamined(plan);
  }
  return { scans: all, rows };
}

/** The tables among `tables` that a list of scans reads whole (Seq Scan), each once. */
export function seqScanned(list: readonly string[], tables: ReadonlySet<string>): string[] {
  const found = list.filter((s) => s.startsWith('Seq Scan on ')).map((s) => s.slice('Seq Scan on '.length));
  return [...new Set(found.filter((t) => tables.has(t)))];
}

export const usesIndex = (list: readonly string[], index: string) => list.some((s) => s.endsWith(` using ${index}`));
