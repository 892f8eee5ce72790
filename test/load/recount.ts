// First: @hono/zod-openapi must extend zod before the contract's schemas load (see test/bench/run.ts).
import '@hono/zod-openapi';
import type { Db } from '../../server/db/database.ts';
import { loadPersonMonth } from '../../server/months/month-repository.ts';
import { personMonthInput } from '../../server/months/month-view.ts';
import { classifyMonth } from '../../server/rules/index.ts';
import { loadRuleSet } from '../../server/rule-set/rule-sets.ts';
import { runLoad, serverErrors, type LoadOptions, type LoadRun } from './harness.ts';
import { ROWS_PER_RATER } from './raters.ts';
import type { LoadTarget } from './service.ts';

/**
 * What must hold after a load run, counted again from the database: one check per invariant, each with the
 * evidence when it fails. Timing is never checked.
 */
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

const sample = (xs: unknown[]) => JSON.stringify(xs.slice(0, 5)) + (xs.length > 5 ? ` … (${xs.length})` : '');

export async function recount(db: Db, orgId: number, run: LoadRun, pulled: any): Promise<Check[]> {
  const { period } = run.options;
  const checks: Check[] = [];
  const check = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail: ok ? '' : detail });

  const errors = serverErrors(run);
  check('no 5xx', Object.keys(errors).length === 0 && run.cannon.non2xx === 0, `server errors ${JSON.stringify(errors)}, autocannon non-2xx ${run.cannon.non2xx}`);
  const other = Object.entries(run.statuses).filter(([k]) => !/^(push|pull|replay) 200$|^push 0$/.test(k));
  check('every answer 200 (no 4xx either: a valid key is never throttled or refused)', other.length === 0, JSON.stringify(Object.fromEntries(other)));
  const t = run.tally;
  check('every answer well formed, no rejected row', t.malformed.length === 0 && t.rejectedRows === 0, `${sample(t.malformed)}; rejected rows ${t.rejectedRows}`);
  check('deliberate conflicts answered with the rater’s last known values', t.conflictMismatches.length === 0, sample(t.conflictMismatches));
  // A conflict on a row not sent stale can only follow a push whose answer the rater did not have yet.
  check('no unexpected conflict', t.unexpectedConflicts === 0 || run.lostMidRun > 0, `${t.unexpectedConflicts} conflicts with no answer lost mid-run`);

  const stored = await db.query<{ unit: string; code: string; score: number; version: number }>(
    `select u.name as unit, p.code, m.score::float8 as score, m.version
     from person_month m join person p on p.id = m.person_id join unit u on u.id = m.unit_id
     where m.org_id = $1 and m.period = $2`,
    [orgId, period],
  );
  const byCode = new Map<string, { unit: string; score: number; version: number }[]>();
  for (const s of stored) byCode.set(s.code, [...(byCode.get(s.code) ?? []), s]);
  const expected = run.raters.flatMap((r) => r.rows.map((row) => ({ unit: r.unit, ...row })));
  const missing = expected.filter((e) => !byCode.has(e.code)).map((e) => e.code);
  const twice = [...byCode].filter(([, xs]) => xs.length > 1).map(([code]) => code);
  const foreign = stored.filter((s) => !expected.some((e) => e.code === s.code)).map((s) => s.code);
  check('every rater’s rows stored exactly once', missing.length === 0 && twice.length === 0 && foreign.length === 0 && stored.length === expected.length,
    `${stored.length} rows for ${expected.length} expected; missing ${sample(missing)}, twice ${sample(twice)}, not sent ${sample(foreign)}`);

  const perUnit = await db.query<{ unit: string; n: number; codes: number }>(
    `select u.name as unit, count(*)::int as n, count(distinct p.code)::int as codes
     from person_month m join person p on p.id = m.person_id join unit u on u.id = m.unit_id
     where m.org_id = $1 and m.period = $2 group by u.name`,
    [orgId, period],
  );
  const badUnits = run.raters.filter((r) => {
    const u = perUnit.find((x) => x.unit === r.unit);
    return u?.n !== ROWS_PER_RATER || u.codes !== ROWS_PER_RATER;
  });
  check(`every unit has its ${ROWS_PER_RATER} rows, no person code twice`, badUnits.length === 0 && perUnit.length === run.raters.length,
    `units off: ${sample(badUnits.map((r) => [r.unit, perUnit.find((x) => x.unit === r.unit)]))}; ${perUnit.length} units stored`);
  const [dupPeople] = await db.query<{ n: number }>(
    `select count(*)::int as n from (select code from person where org_id = $1 group by code having count(*) > 1) d`,
    [orgId],
  );
  check('no duplicate person', dupPeople!.n === 0, `${dupPeople!.n} codes stored twice`);

  const drift = expected
    .filter((e) => {
      const s = byCode.get(e.code)?.[0];
      return !s || s.score !== e.score || s.version !== e.version || s.unit !== e.unit;
    })
    .map((e) => ({ code: e.code, rater: { score: e.score, version: e.version }, stored: byCode.get(e.code)?.[0] }));
  check('stored score and version equal each rater’s last answer (no lost write)', drift.length === 0, sample(drift));

  const audit = await db.query<{ key: string; n: number }>(
    `select entity_key as key, count(*)::int as n from audit
     where org_id = $1 and period = $2 and entity = 'person_month' group by entity_key`,
    [orgId, period],
  );
  const auditTotal = audit.reduce((a, x) => a + x.n, 0);
  check('audit rows of the month = accepted writes counted from the answers', auditTotal === t.acceptedRows,
    `${auditTotal} audit rows, ${t.acceptedRows} accepted in the answers`);
  const auditOff = expected.filter((e) => audit.find((a) => a.key === e.code)?.n !== e.version).map((e) => e.code);
  check('each row audited once per version', auditOff.length === 0, `audit count ≠ version for ${sample(auditOff)}`);

  const [pushes] = await db.query<{ n: number; unfinished: number }>(
    `select count(*)::int as n, count(*) filter (where status <> 200)::int as unfinished
     from push where org_id = $1 and idempotency_key like $2`,
    [orgId, `person:u%:load-${run.runId}-%`],
  );
  check('every push stored once under its idempotency key', pushes!.n === run.pushesSent && pushes!.unfinished === 0,
    `${pushes!.n} stored push keys (${pushes!.unfinished} unfinished) for ${run.pushesSent} pushes sent`);

  const rows = await loadPersonMonth(db, orgId, period);
  const { ruleSet } = await loadRuleSet(db, orgId);
  const fresh = classifyMonth(
    rows.map(personMonthInput),
    ruleSet,
    ruleSet.quota.personMonth,
    { raisedRate: null, awards: [] },
  );
  const view = (r: any) => JSON.stringify([r.code ?? r.key, r.level, r.levelBeforeQuota, r.rankInUnit, r.rankInOrg, r.tieAtQuota, r.reasons]);
  const pulledRows: any[] = pulled?.rows ?? [];
  const differing = pulledRows.map(view).filter((v, i) => v !== view({ ...fresh.rows[i], key: rows[i]?.code }));
  const sameStored = pulledRows.every((r, i) => r.code === rows[i]?.code && r.score === rows[i]?.score && r.version === rows[i]?.version);
  check('the month’s GET equals a from-scratch classifyMonth of the stored rows',
    pulledRows.length === rows.length && sameStored && differing.length === 0 && JSON.stringify(pulled?.quotas) === JSON.stringify(fresh.quotas),
    `${pulledRows.length} pulled rows, ${rows.length} stored, same stored values ${sameStored}, differing ${sample(differing)}, quotas ${JSON.stringify(pulled?.quotas)} vs ${JSON.stringify(fresh.quotas)}`);
  return checks;
}

/** One load run against `target`, then the month pulled as the admin and every invariant recounted. */
export async function runAndRecount(target: LoadTarget, options: Omit<LoadOptions, 'url' | 'adminKey'>): Promise<{ run: LoadRun; checks: Check[] }> {
  const run = await runLoad({ ...options, url: target.url, adminKey: target.adminKey });
  const res = await fetch(`${target.url}/api/v1/months/${options.period}/people`, { headers: { authorization: `Bearer ${target.adminKey}` } });
  const pulled = res.status === 200 ? await res.json() : null;
  return { run, checks: await recount(target.db, target.orgId, run, pulled) };
}
