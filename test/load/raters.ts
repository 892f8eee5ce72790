/**
 * One rater of the load test as its client would be: the unit's rows with what it last learnt of their stored
 * score and version, the pushes it built, and what their answers said. Each rater writes only its own unit,
 * so after the run its model must equal the stored rows exactly.
 */
export const ROWS_PER_RATER = 20;
/** Every STALE_EVERY-th push (after the first) sends one changed row over an old version, which must conflict. */
const STALE_EVERY = 5;

export interface ModelRow {
  code: string;
  name: string;
  dutyGroup: string;
  score: number;
  /** Null until the first answer. */
  version: number | null;
}

export interface PendingPush {
  idem: string;
  body: string;
  /** Score sent per row, in order. */
  scores: number[];
  /** The row sent over an old version on purpose, if any. */
  stale: number | null;
}

export interface Tally {
  pushesAnswered: number;
  acceptedRows: number;
  unchangedRows: number;
  rejectedRows: number;
  expectedConflicts: number;
  unexpectedConflicts: number;
  /** A deliberate conflict that was accepted, or whose stored values were not the rater's last known ones. */
  conflictMismatches: string[];
  /** Answers whose counts disagreed with their row results, or that were not the service's JSON. */
  malformed: string[];
}

export interface Rater {
  index: number;
  unit: string;
  key: string;
  rows: ModelRow[];
  pushesBuilt: number;
  /** The push on the wire; one at a time, as one connection carries one request at a time. */
  inflight: PendingPush | null;
  /** Pushes sent whose answers never came (timeout, connection reset, end of the run): replayed afterwards. */
  unanswered: PendingPush[];
}

export const newTally = (): Tally => ({
  pushesAnswered: 0,
  acceptedRows: 0,
  unchangedRows: 0,
  rejectedRows: 0,
  expectedConflicts: 0,
  unexpectedConflicts: 0,
  conflictMismatches: [],
  malformed: [],
});

export function newRater(index: number, key: string, runId: string): Rater {
  const unit = `Đơn vị tải ${runId} ${index}`;
  return {
    index,
    unit,
    key,
    rows: Array.from({ length: ROWS_PER_RATER }, (_, i) => ({
      code: `T${runId}-${index}-${i}`,
      name: `Cán bộ tải ${index}-${i}`,
      dutyGroup: i % 3 === 0 ? 'Chuyên viên' : 'Giảng viên',
      score: 0,
      version: null,
    })),
    pushesBuilt: 0,
    inflight: null,
    unanswered: [],
  };
}

/** A new whole-number score for row i in push n, never equal to the old one. */
function nextScore(old: number, n: number, i: number): number {
  const s = 40 + ((n * 17 + i * 7 + Math.floor(n / 3)) % 61);
  return s === old ? (s === 100 ? 99 : s + 1) : s;
}

/**
 * The next push of the rater's whole unit: the first without versions (all new rows), later ones with the
 * version of the last answer and about a third of the scores changed, as a rater correcting a few cells.
 */
export function buildPush(r: Rater, runId: string): PendingPush {
  const n = r.pushesBuilt++;
  const staleCandidates = r.rows.map((row, i) => ((row.version ?? 0) >= 2 ? i : -1)).filter((i) => i >= 0);
  const stale = n > 0 && n % STALE_EVERY === 0 && staleCandidates.length > 0 ? staleCandidates[n % staleCandidates.length]! : null;
  const scores: number[] = [];
  const rows = r.rows.map((row, i) => {
    const changed = n === 0 || (i + n) % 3 === 0 || i === stale;
    const score = changed ? nextScore(row.score, n, i) : row.score;
    scores.push(score);
    const baseVersion = i === stale ? row.version! - 1 : row.version;
    return { code: row.code, name: row.name, unit: r.unit, dutyGroup: row.dutyGroup, score, ...(baseVersion === null ? {} : { baseVersion }) };
  });
  const push = { idem: `load-${runId}-${r.index}-${n}`, body: JSON.stringify({ rows }), scores, stale };
  if (r.inflight) r.unanswered.push(r.inflight);
  r.inflight = push;
  return push;
}

interface RowResult {
  status: 'accepted' | 'unchanged' | 'rejected' | 'conflict';
  version: number | null;
  stored: { score: number | null; version: number } | null;
}

/** Learns a newer stored state of a row; an older answer (a late replay) never moves the model back. */
function learn(row: ModelRow, score: number | null, version: number | null): void {
  if (version === null || score === null) return;
  if (row.version === null || version > row.version) {
    row.version = version;
    row.score = score;
  }
}

/**
 * Applies a 200 answer of `push` to the rater's model and the tally. `strict`: the answer came in order
 * (not a replay after a lost answer), so a deliberate conflict must show exactly the rater's last known values.
 */
export function applyPushAnswer(r: Rater, push: PendingPush, text: string, tally: Tally, strict: boolean): void {
  let answer: { results?: RowResult[]; counts?: Record<string, number> };
  try {
    answer = JSON.parse(text);
  } catch {
    tally.malformed.push(`${push.idem}: not JSON`);
    return;
  }
  const results = answer.results ?? [];
  if (results.length !== r.rows.length) {
    tally.malformed.push(`${push.idem}: ${results.length} results for ${r.rows.length} rows`);
    return;
  }
  tally.pushesAnswered++;
  const counted = { accepted: 0, unchanged: 0, rejected: 0, conflict: 0 };
  results.forEach((res, i) => {
    const row = r.rows[i]!;
    counted[res.status]++;
    if (res.status === 'accepted') {
      tally.acceptedRows++;
      if (i === push.stale) tally.conflictMismatches.push(`${push.idem} row ${row.code}: an old baseVersion was accepted`);
      learn(row, push.scores[i]!, res.version);
    } else if (res.status === 'unchanged') {
      tally.unchangedRows++;
      learn(row, push.scores[i]!, res.version);
    } else if (res.status === 'conflict') {
      if (i === push.stale) tally.expectedConflicts++;
      else tally.unexpectedConflicts++;
      const stored = res.stored;
      if (strict && i === push.stale && (stored?.version !== row.version || stored?.score !== row.score)) {
        tally.conflictMismatches.push(
          `${push.idem} row ${row.code}: conflict shows v${stored?.version} score ${stored?.score}, rater last saw v${row.version} score ${row.score}`,
        );
      }
      learn(row, stored?.score ?? null, stored?.version ?? null);
    } else tally.rejectedRows++;
  });
  const counts = answer.counts ?? {};
  if (Object.entries(counted).some(([k, v]) => counts[k] !== v)) {
    tally.malformed.push(`${push.idem}: counts ${JSON.stringify(counts)} but results ${JSON.stringify(counted)}`);
  }
}
