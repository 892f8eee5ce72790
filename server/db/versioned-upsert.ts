import type { Db } from './database.ts';

/**
 * The set-based write of one push, for every versioned table (months, years, initiatives, students):
 * every row in one statement over unnested arrays, with the optimistic version check in
 * `on conflict … where` (evaluated under the row lock, so it is race-safe), a no-op guard so an unchanged
 * row keeps its version, and the audit rows written by the same statement.
 *
 * The audit of a written row: an insert has no old values and the written columns with the version as new
 * values; an update has, as old and new values, only the columns it changed, each from what to what, and the
 * version before and after. (The actor, push and time are the audit row's own columns.)
 */
export interface Column {
  name: string;
  type: string;
}

export interface VersionedTable {
  table: 'person_month' | 'unit_month' | 'person_year' | 'initiative' | 'student';
  /** With org_id, what one push is scoped to: a month or year ('period') or a class ('class_key'). */
  scope: 'period' | 'class_key';
  /** The rest of the primary key. */
  keys: readonly Column[];
  entity: string;
  columns: readonly Column[];
}

export interface VersionedWriteRow {
  /** Values of `keys`, in order. */
  keys: unknown[];
  /** Staff code, unit name or student, for the audit log. */
  label: string;
  values: unknown[];
  baseVersion: number | null;
}

export interface VersionedWriteOutcome {
  written: boolean;
  version: number | null;
  /** Not written because the stored row already holds these values (unchanged): no stored row is sent for it. */
  same: boolean;
  /** The stored row when this one was not written and differs from it (a conflict, or a row to compare). */
  stored: Record<string, unknown> | null;
}

/**
 * postgres.js fails on an array parameter that starts with a boolean ("cannot cast type boolean to
 * boolean[]"), so booleans travel as a text array and the statement casts it to boolean[].
 */
const arrayType = (c: Column) => (c.type === 'boolean' ? 'text[]::boolean[]' : `${c.type}[]`);
const cell = (c: Column, value: unknown) => (c.type === 'boolean' && typeof value === 'boolean' ? String(value) : (value ?? null));

const statements = new Map<VersionedTable, string>();

function upsertStatement(t: VersionedTable): string {
  const cached = statements.get(t);
  if (cached) return cached;
  const keys = t.keys.map((k) => k.name);
  const names = t.columns.map((c) => c.name);
  const arrays = [...t.keys, ...t.columns].map((c, i) => `$${i + 6}::${arrayType(c)}`).join(', ');
  const baseParam = t.keys.length + t.columns.length + 6;
  const sameKey = (a: string, b: string) => keys.map((k) => `${a}.${k} = ${b}.${k}`).join(' and ');
  // Years and months are audited under their period; a class is not a period.
  const auditPeriod = t.scope === 'period' ? '$2' : 'null';
  // Building a row's JSON costs about as much as writing the row, so it is built only where it is used: the
  // stored row of each row not written (from the whole row `old` that cur carries), the audit values of each
  // row written. The audit values of an update (`changed`) are its changed columns and its version.
  const allValues = (row: string) => `jsonb_build_object(${[...names, 'version'].map((n) => `'${n}', ${row}.${n}`).join(', ')})`;
  const changed = (row: string) =>
    [...names.map((n) => `case when c.${n} is distinct from u.${n} then jsonb_build_object('${n}', ${row}.${n}) else '{}' end`),
      `jsonb_build_object('version', ${row}.version)`].join(' || ');
  const text = `with input as (
    select * from unnest($5::text[], ${arrays}, $${baseParam}::int[])
      with ordinality as t(label, ${keys.join(', ')}, ${names.join(', ')}, base_version, ord)
  ),
  cur as (
    select i.ord, m.version, m as old, ${names.map((n) => `m.${n}`).join(', ')},
      (${names.map((n) => `m.${n}`).join(', ')}) is not distinct from (${names.map((n) => `i.${n}`).join(', ')}) as same
    from input i join ${t.table} m on m.org_id = $1 and m.${t.scope} = $2 and ${sameKey('m', 'i')}
  ),
  up as (
    insert into ${t.table} as m (org_id, ${t.scope}, ${keys.join(', ')}, ${names.join(', ')}, version, updated_by)
    select $1, $2, ${keys.join(', ')}, ${names.join(', ')}, coalesce(base_version, 0) + 1, $3 from input
    -- In key order, so two pushes of one unlocked scope (a class) lock their common rows in one order.
    order by ${keys.join(', ')}
    on conflict (org_id, ${t.scope}, ${keys.join(', ')}) do update set
      ${names.map((n) => `${n} = excluded.${n}`).join(', ')},
      version = m.version + 1, updated_at = now(), updated_by = excluded.updated_by
    where m.version = excluded.version - 1
      and (${names.map((n) => `m.${n}`).join(', ')}) is distinct from (${names.map((n) => `excluded.${n}`).join(', ')})
    returning ${keys.map((k) => `m.${k}`).join(', ')}, ${names.map((n) => `m.${n}`).join(', ')}, m.version, (m.xmax = 0) as inserted
  ),
  aud as (
    insert into audit (org_id, actor, push_key, entity, entity_key, period, action, old_values, new_values)
    select $1, $3, $4, '${t.entity}', i.label, ${auditPeriod}, case when u.inserted then 'insert' else 'update' end,
      -- An update of a row this statement's snapshot did not hold (a push inserted it meanwhile) has no old values.
      case when not u.inserted and c.ord is not null then ${changed('c')} end,
      case when not u.inserted and c.ord is not null then ${changed('u')} else ${allValues('u')} end
    from up u join input i on ${sameKey('u', 'i')} left join cur c on c.ord = i.ord
  )
  select (u.version is not null) as written, coalesce(u.version, c.version) as version,
    -- An unchanged row needs no stored row: a whole sheet pushed again built 5,000 for nothing.
    (u.version is null and c.same is true) as same,
    case when u.version is null and c.same is not true then to_jsonb(c.old) - 'org_id' - '${t.scope}' end as stored,
    -- Not written although this statement's snapshot allowed it: a push committed meanwhile won the row.
    (u.version is null and (c.ord is null or (c.version is not distinct from i.base_version and not c.same))) as raced
  from input i left join up u on ${sameKey('u', 'i')} left join cur c on c.ord = i.ord
  order by i.ord`;
  statements.set(t, text);
  return text;
}

/** Writes a push's rows; outcomes come back in the rows' order. Keys must be unique within `rows`. */
export async function upsertVersionedRows(
  db: Db,
  t: VersionedTable,
  scope: { orgId: number; scope: string; actor: number; pushKey: string | null },
  rows: VersionedWriteRow[],
): Promise<VersionedWriteOutcome[]> {
  if (rows.length === 0) return [];
  const params: unknown[] = [scope.orgId, scope.scope, scope.actor, scope.pushKey, rows.map((r) => r.label)];
  t.keys.forEach((c, i) => params.push(rows.map((r) => cell(c, r.keys[i]))));
  t.columns.forEach((c, i) => params.push(rows.map((r) => cell(c, r.values[i]))));
  params.push(rows.map((r) => r.baseVersion));
  const outcomes = await db.query<VersionedWriteOutcome & { raced?: boolean }>(upsertStatement(t), params);
  const raced = outcomes.flatMap((o, i) => (o.raced ? [i] : []));
  if (raced.length > 0) await rereadRaced(db, t, scope, rows, outcomes, raced);
  for (const o of outcomes) delete o.raced;
  return outcomes;
}

/**
 * A row another push wrote while this one ran was seen by this statement as it was before: it is read again,
 * now that the other push has committed (it held the row until then), so a conflict shows what is stored.
 */
async function rereadRaced(
  db: Db,
  t: VersionedTable,
  scope: { orgId: number; scope: string },
  rows: VersionedWriteRow[],
  outcomes: VersionedWriteOutcome[],
  raced: number[],
): Promise<void> {
  const keys = t.keys.map((k) => k.name);
  const arrays = t.keys.map((k, i) => `$${i + 3}::${arrayType(k)}`).join(', ');
  const fresh = await db.query<Record<string, unknown> & { version: number; stored: Record<string, unknown> }>(
    `select ${keys.map((k) => `m.${k}`).join(', ')}, m.version, to_jsonb(m) - 'org_id' - '${t.scope}' as stored
     from unnest(${arrays}) as k(${keys.join(', ')})
     join ${t.table} m on m.org_id = $1 and m.${t.scope} = $2 and ${keys.map((k) => `m.${k} = k.${k}`).join(' and ')}`,
    [scope.orgId, scope.scope, ...t.keys.map((c, i) => raced.map((r) => cell(c, rows[r]!.keys[i])))],
  );
  const keyOf = (values: unknown[]) => JSON.stringify(values.map((v) => String(v)));
  const byKey = new Map(fresh.map((f) => [keyOf(keys.map((k) => f[k])), f]));
  for (const r of raced) {
    const now = byKey.get(keyOf(rows[r]!.keys));
    if (now) outcomes[r] = { written: false, version: now.version, same: false, stored: now.stored };
  }
}
