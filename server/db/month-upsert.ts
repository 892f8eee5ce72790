import type { Db } from './database.ts';

/**
 * The set-based write of one push: every row of the push in one statement over unnested arrays, with the
 * optimistic version check in `on conflict … where` (evaluated under the row lock, so it is race-safe), a
 * no-op guard so an unchanged row keeps its version, and the audit rows written by the same statement.
 */
export interface MonthTable {
  table: 'person_month' | 'unit_month';
  keyColumn: 'person_id' | 'unit_id';
  entity: string;
  columns: readonly { name: string; type: string }[];
}

export interface MonthWriteRow {
  keyId: number;
  /** Staff code or unit name, for the audit log. */
  label: string;
  values: unknown[];
  baseVersion: number | null;
}

export interface MonthWriteOutcome {
  written: boolean;
  version: number | null;
  /** The stored row when this one was not written (for unchanged/conflict). */
  stored: Record<string, unknown> | null;
}

const statements = new Map<MonthTable, string>();

function upsertStatement(t: MonthTable): string {
  const cached = statements.get(t);
  if (cached) return cached;
  const names = t.columns.map((c) => c.name);
  const arrays = t.columns.map((c, i) => `$${i + 7}::${c.type}[]`).join(', ');
  const baseParam = t.columns.length + 7;
  const text = `with input as (
    select * from unnest($5::int[], $6::text[], ${arrays}, $${baseParam}::int[])
      with ordinality as t(key_id, label, ${names.join(', ')}, base_version, ord)
  ),
  cur as (
    select i.ord, m.version, to_jsonb(m) - 'org_id' - 'period' as stored
    from input i join ${t.table} m on m.org_id = $1 and m.period = $2 and m.${t.keyColumn} = i.key_id
  ),
  up as (
    insert into ${t.table} as m (org_id, period, ${t.keyColumn}, ${names.join(', ')}, version, updated_by)
    select $1, $2, key_id, ${names.join(', ')}, coalesce(base_version, 0) + 1, $3 from input
    on conflict (org_id, period, ${t.keyColumn}) do update set
      ${names.map((n) => `${n} = excluded.${n}`).join(', ')},
      version = m.version + 1, updated_at = now(), updated_by = excluded.updated_by
    where m.version = excluded.version - 1
      and (${names.map((n) => `m.${n}`).join(', ')}) is distinct from (${names.map((n) => `excluded.${n}`).join(', ')})
    returning m.${t.keyColumn} as key_id, m.version, (m.xmax = 0) as inserted, to_jsonb(m) - 'org_id' - 'period' as row
  ),
  aud as (
    insert into audit (org_id, actor, push_key, entity, entity_key, period, action, old_values, new_values)
    select $1, $3, $4, '${t.entity}', i.label, $2, case when u.inserted then 'insert' else 'update' end, c.stored, u.row
    from up u join input i on i.key_id = u.key_id left join cur c on c.ord = i.ord
  )
  select (u.key_id is not null) as written, coalesce(u.version, c.version) as version,
    case when u.key_id is null then c.stored end as stored
  from input i left join up u on u.key_id = i.key_id left join cur c on c.ord = i.ord
  order by i.ord`;
  statements.set(t, text);
  return text;
}

export async function upsertMonthRows(
  db: Db,
  t: MonthTable,
  scope: { orgId: number; period: string; actor: number; pushKey: string | null },
  rows: MonthWriteRow[],
): Promise<MonthWriteOutcome[]> {
  if (rows.length === 0) return [];
  const params: unknown[] = [
    scope.orgId,
    scope.period,
    scope.actor,
    scope.pushKey,
    rows.map((r) => r.keyId),
    rows.map((r) => r.label),
  ];
  t.columns.forEach((_, i) => params.push(rows.map((r) => r.values[i] ?? null)));
  params.push(rows.map((r) => r.baseVersion));
  return db.query<MonthWriteOutcome>(upsertStatement(t), params);
}

const RATING_COLUMNS = [
  { name: 'score', type: 'numeric' },
  { name: 'self_score', type: 'numeric' },
  { name: 'general', type: 'numeric' },
  { name: 'results', type: 'numeric' },
  { name: 'all_tasks_done', type: 'boolean' },
  { name: 'exceeded_pct', type: 'numeric' },
  { name: 'late_pct', type: 'numeric' },
  { name: 'discipline', type: 'text' },
  { name: 'note', type: 'text' },
] as const;

export const PERSON_MONTH: MonthTable = {
  table: 'person_month',
  keyColumn: 'person_id',
  entity: 'person_month',
  columns: [{ name: 'unit_id', type: 'int' }, { name: 'duty_group', type: 'text' }, ...RATING_COLUMNS, { name: 'leave', type: 'text' }],
};

export const UNIT_MONTH: MonthTable = {
  table: 'unit_month',
  keyColumn: 'unit_id',
  entity: 'unit_month',
  columns: RATING_COLUMNS,
};
