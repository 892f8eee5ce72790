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
export interface Column<F extends string = string> {
  /** The table's column. */
  name: string;
  type: 'int' | 'numeric' | 'text' | 'boolean' | 'date';
  /** The contract's name for it: its key in a written record and in a conflict's stored values. */
  field: F;
  /** False for a column a conflict does not send back (an id, the class's name the URL gives). */
  echo?: false;
}

/**
 * A versioned table as its repository describes it: `K` names the key's fields, `R` the written record's.
 * Records are keyed by the contract's field names; only this module and the repositories see columns.
 */
export interface VersionedTable<K = Record<string, unknown>, R = Record<string, unknown>> {
  table:
    | 'person_month'
    | 'unit_month'
    | 'person_year'
    | 'initiative'
    | 'student'
    | 'council_vote'
    | 'decision_register'
    | 'registration'
    | 'pledge'
    | 'task'
    | 'movement'
    | 'contribution';
  /** With org_id, what one push is scoped to: a month or year ('period') or a class ('class_key'). */
  scope: 'period' | 'class_key';
  /** The rest of the primary key. */
  keys: readonly Column<keyof K & string>[];
  entity: string;
  columns: readonly Column<keyof R & string>[];
  /**
   * The person and unit a row names (a key or a column): checked as a set before the write, which takes the
   * lock a foreign key's trigger took row by row (migration 009). The rows' org is the push's.
   */
  references?: readonly Reference[];
}

export interface Reference {
  /** A key's or column's name in this table. */
  column: string;
  table: 'person' | 'unit';
}

export interface VersionedWriteRow<K = Record<string, unknown>, R = Record<string, unknown>> {
  keys: K;
  /** Staff code, unit name or student, for the audit log. */
  label: string;
  record: R;
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
const fieldOf = (c: Column, named: unknown) => (named as Record<string, unknown>)[c.field];

const statements = new Map<object, string>();

function upsertStatement<K, R>(t: VersionedTable<K, R>): string {
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
  // row written. The audit values of an update (`changed`) are its changed columns and its version, and are
  // JSON text put together by concatenation rather than jsonb_build_object: a fifth of the cost a row
  // (migration 009). Column names are identifiers and need no escaping; text and dates go through to_json.
  const literal = (c: Column, row: string) =>
    c.type === 'text' || c.type === 'date' ? `coalesce(to_json(${row}.${c.name})::text, 'null')` : `coalesce(${row}.${c.name}::text, 'null')`;
  const pair = (c: Column, row: string) => `'"${c.name}":' || ${literal(c, row)}`;
  const version = (row: string) => `'"version":' || ${row}.version`;
  const allValues = (row: string) => `'{' || ${[...t.columns.map((c) => pair(c, row)), version(row)].join(" || ',' || ")} || '}'`;
  const changed = (row: string) =>
    `'{' || concat_ws(',', ${[...t.columns.map((c) => `case when c.${c.name} is distinct from u.${c.name} then ${pair(c, row)} end`), version(row)].join(', ')}) || '}'`;
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
    insert into audit (org_id, actor, push_key, entity, entity_key, period, action, old_text, new_text)
    select $1, $3, $4, '${t.entity}', i.label, ${auditPeriod}, case when u.inserted then 'insert' else 'update' end,
      -- An update of a row this statement's snapshot did not hold (a push inserted it meanwhile) has no old values.
      case when not u.inserted and c.ord is not null then ${changed('c')} end,
      case when not u.inserted and c.ord is not null then ${changed('u')} else ${allValues('u')} end
    from up u join input i on ${sameKey('u', 'i')} left join cur c on c.ord = i.ord
  )
  -- Only the rows not written: a written row's version is its base version + 1 (an insert's too), which the
  -- caller knows; at 5,000 written rows the answer's rows cost more than the audit's.
  select i.ord::int as ord, c.version,
    -- An unchanged row needs no stored row: a whole sheet pushed again built 5,000 for nothing.
    (c.same is true) as same,
    case when c.same is not true then to_jsonb(c.old) - 'org_id' - '${t.scope}' end as stored,
    -- Not written although this statement's snapshot allowed it: a push committed meanwhile won the row.
    (c.ord is null or (c.version is not distinct from i.base_version and not c.same)) as raced
  from input i left join up u on ${sameKey('u', 'i')} left join cur c on c.ord = i.ord
  where u.version is null
  order by i.ord`;
  statements.set(t, text);
  return text;
}

/** Writes a push's rows; outcomes come back in the rows' order. Keys must be unique within `rows`. */
export async function upsertVersionedRows<K, R>(
  db: Db,
  t: VersionedTable<K, R>,
  scope: { orgId: number; scope: string; actor: number; pushKey: string | null },
  rows: VersionedWriteRow<K, R>[],
): Promise<VersionedWriteOutcome[]> {
  if (rows.length === 0) return [];
  for (const ref of t.references ?? []) await lockReferences(db, t, scope.orgId, ref, rows);
  const params: unknown[] = [scope.orgId, scope.scope, scope.actor, scope.pushKey, rows.map((r) => r.label)];
  for (const c of t.keys) params.push(rows.map((r) => cell(c, fieldOf(c, r.keys))));
  for (const c of t.columns) params.push(rows.map((r) => cell(c, fieldOf(c, r.record))));
  params.push(rows.map((r) => r.baseVersion));
  const notWritten = await db.query<{ ord: number; version: number | null; same: boolean; stored: Record<string, unknown> | null; raced: boolean }>(
    upsertStatement(t),
    params,
  );
  const outcomes = rows.map((r): VersionedWriteOutcome => ({ written: true, version: (r.baseVersion ?? 0) + 1, same: false, stored: null }));
  const raced: number[] = [];
  for (const n of notWritten) {
    const i = n.ord - 1;
    outcomes[i] = { written: false, version: n.version, same: n.same, stored: n.stored };
    if (n.raced) raced.push(i);
  }
  if (raced.length > 0) await rereadRaced(db, t, scope, rows, outcomes, raced);
  return outcomes;
}

/**
 * Locks the people or units the rows name, `for key share` in id order as the foreign key's trigger did one by
 * one (so no one deletes or re-keys them before this transaction ends: see migration 009's triggers), and
 * refuses the whole write if one is missing or another organisation's. The callers found them in the same
 * transaction, so this never fails but for a bug: it is a guarantee, not a row's error.
 */
async function lockReferences<K, R>(db: Db, t: VersionedTable<K, R>, orgId: number, ref: Reference, rows: VersionedWriteRow<K, R>[]) {
  const key = t.keys.find((k) => k.name === ref.column);
  const column = key ?? t.columns.find((c) => c.name === ref.column);
  if (!column) throw new Error(`${t.table}: no column ${ref.column} to check against ${ref.table}`);
  const ids = new Set<number>();
  for (const r of rows) {
    const id = fieldOf(column, key ? r.keys : r.record);
    // A missing value is the column's not-null constraint's to refuse.
    if (id !== null && id !== undefined) ids.add(id as number);
  }
  const wanted = [...ids];
  const [found] = await db.query<{ n: number }>(
    `select count(*)::int as n from (select id from ${ref.table} where org_id = $1 and id = any($2::int[]) order by id for key share) l`,
    [orgId, wanted],
  );
  if (found!.n !== wanted.length) {
    throw Object.assign(new Error(`${t.table}.${ref.column}: ${wanted.length - found!.n} ${ref.table} row(s) named by the push do not exist`), {
      code: '23503',
    });
  }
}

/**
 * A row another push wrote while this one ran was seen by this statement as it was before: it is read again,
 * now that the other push has committed (it held the row until then), so a conflict shows what is stored.
 */
async function rereadRaced<K, R>(
  db: Db,
  t: VersionedTable<K, R>,
  scope: { orgId: number; scope: string },
  rows: VersionedWriteRow<K, R>[],
  outcomes: VersionedWriteOutcome[],
  raced: number[],
): Promise<void> {
  const keys = t.keys.map((k) => k.name);
  const arrays = t.keys.map((k, i) => `$${i + 3}::${arrayType(k)}`).join(', ');
  const fresh = await db.query<Record<string, unknown> & { version: number; stored: Record<string, unknown> }>(
    `select ${keys.map((k) => `m.${k}`).join(', ')}, m.version, to_jsonb(m) - 'org_id' - '${t.scope}' as stored
     from unnest(${arrays}) as k(${keys.join(', ')})
     join ${t.table} m on m.org_id = $1 and m.${t.scope} = $2 and ${keys.map((k) => `m.${k} = k.${k}`).join(' and ')}`,
    [scope.orgId, scope.scope, ...t.keys.map((c) => raced.map((r) => cell(c, fieldOf(c, rows[r]!.keys))))],
  );
  const keyOf = (values: unknown[]) => JSON.stringify(values.map((v) => String(v)));
  const byKey = new Map(fresh.map((f) => [keyOf(keys.map((k) => f[k])), f]));
  for (const r of raced) {
    const now = byKey.get(keyOf(t.keys.map((c) => fieldOf(c, rows[r]!.keys))));
    if (now) outcomes[r] = { written: false, version: now.version, same: false, stored: now.stored };
  }
}

const numberOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const isNumber = (c: Column) => c.type === 'numeric' || c.type === 'int';

/** A stored row (an outcome's `stored`) in the contract's field names, as a conflict sends it back. */
export function storedFields<K, R>(t: VersionedTable<K, R>, stored: Record<string, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const c of t.columns) {
    if (c.echo === false) continue;
    fields[c.field] = isNumber(c) ? numberOrNull(stored[c.name]) : (stored[c.name] ?? null);
  }
  fields.version = stored.version;
  fields.updatedAt = stored.updated_at;
  return fields;
}

/** Whether a stored row (an outcome's `stored`) holds exactly the record: a row not written is then unchanged. */
export function holdsRecord<K, R>(t: VersionedTable<K, R>, stored: Record<string, unknown>, record: R): boolean {
  return t.columns.every((c) => sameValue(c, stored[c.name], fieldOf(c, record)));
}

function sameValue(c: Column, stored: unknown, mine: unknown): boolean {
  if (stored === null || stored === undefined) return mine === null || mine === undefined;
  if (mine === null || mine === undefined) return false;
  if (isNumber(c)) return Number(stored) === Number(mine);
  return stored === mine;
}
