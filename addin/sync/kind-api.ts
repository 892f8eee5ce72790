import type { RowResult } from '../../server/contract/push.ts';
import type { QuotaFacts } from '../../server/contract/results.ts';
import type { BinhXetClient } from '../api/client.ts';
import type { TaskMonth } from '../../server/contract/task-sheet.ts';
import type { ComputedRow, TaskRowView } from '../sheet/computed-rows.ts';
import type { PeriodKind, SheetKind } from '../sheet/index.ts';

/** The service's endpoints for each kind of sheet, answering alike: the period's rows, and a push's results. */

export interface PeriodAnswer {
  rows: readonly ComputedRow[];
  /** The quota groups of a month (people, units): why a level is what it is. */
  quotas?: readonly QuotaFacts[];
}

/** A push's row results, all a minimal answer (`Prefer: return=minimal`) carries. */
export interface PushReceipt {
  results: RowResult[];
  counts: { accepted: number; unchanged: number; rejected: number; conflict: number };
}

export interface PushAnswer extends PeriodAnswer, PushReceipt {}

export interface KindApi {
  /** A push answered with the period's computed rows. */
  push(client: BinhXetClient, period: string, rows: unknown[], key: string): Promise<PushAnswer>;
  /** A push answered with its row results alone: the service does not compute the period for it. */
  pushMinimal(client: BinhXetClient, period: string, rows: unknown[], key: string): Promise<PushReceipt>;
  pull(client: BinhXetClient, period: string): Promise<PeriodAnswer>;
}

export const KIND_API: Readonly<Record<SheetKind, KindApi>> = {
  person: {
    push: (c, p, rows, key) => c.pushPeople(p, rows, key),
    pushMinimal: (c, p, rows, key) => c.pushPeople(p, rows, key, 'minimal'),
    pull: (c, p) => c.pullPeople(p),
  },
  unit: {
    push: (c, p, rows, key) => c.pushUnits(p, rows, key),
    pushMinimal: (c, p, rows, key) => c.pushUnits(p, rows, key, 'minimal'),
    pull: (c, p) => c.pullUnits(p),
  },
  year: {
    push: (c, p, rows, key) => c.pushYearPeople(p, rows, key),
    pushMinimal: (c, p, rows, key) => c.pushYearPeople(p, rows, key, 'minimal'),
    pull: (c, p) => c.pullYearPeople(p),
  },
  initiative: {
    push: (c, p, rows, key) => c.pushInitiatives(p, rows, key),
    pushMinimal: (c, p, rows, key) => c.pushInitiatives(p, rows, key, 'minimal'),
    pull: (c, p) => c.pullInitiatives(p),
  },
  student: {
    push: async (c, p, rows, key) => {
      const answer = await c.pushStudents(p, rows, key);
      return { rows: answer.students, results: answer.results, counts: answer.counts };
    },
    pushMinimal: (c, p, rows, key) => c.pushStudents(p, rows, key, 'minimal'),
    pull: async (c, p) => ({ rows: (await c.pullStudents(p)).students }),
  },
  tasks: {
    push: async (c, p, rows, key) => {
      const answer = await c.pushTasks(p, rows, key);
      return { rows: taskRows(answer), results: answer.results, counts: answer.counts };
    },
    pushMinimal: (c, p, rows, key) => c.pushTasks(p, rows, key, 'minimal'),
    pull: async (c, p) => ({ rows: taskRows(await c.pullTasks(p)) }),
  },
};

/** A tasks answer as rows: each task row carries its person's figures (written on every row of theirs). */
function taskRows(answer: Pick<TaskMonth, 'rows' | 'people'>): TaskRowView[] {
  const people = new Map(answer.people.map((p) => [p.code, p]));
  return answer.rows.map((r) => Object.assign({}, r, { person: people.get(r.code) ?? null }));
}

/** What the pane and the command line say when a sheet's period cannot be found. */
export const NEED_PERIOD: Record<PeriodKind, string> = {
  month:
    'Không xác định được tháng: hãy ghi tháng vào tên trang tính (T10-2021), tiêu đề, cột "Tháng" hoặc chọn ở khung bên phải',
  year: 'Không xác định được năm: hãy ghi năm vào tên trang tính ("Năm 2021"), tiêu đề, hoặc ở khung bên phải (--period 2021)',
  class: 'Không xác định được lớp: hãy thêm cột "Lớp", đặt tên trang tính là tên lớp, hoặc ghi lớp ở khung bên phải (--period "TC K45")',
};
