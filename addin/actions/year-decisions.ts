import { decisionRequestSchema, type DecisionRequest } from '../../server/contract/council.ts';
import { DOSSIER_TITLE_SHORT, type DossierTitle, type Holder } from '../../server/contract/dossier-titles.ts';
import type { BinhXetClient } from '../api/client.ts';
import { yearCouncilView, type YearCouncilView, type YearTieRun } from '../report/year-council.ts';
import { checkYear } from './year-sheets.ts';

/**
 * The council's decisions on a year from the pane, the month's way (summary-decisions.ts): checked against the
 * contract before they are sent, so a missing reason or choice is named without a round trip; the service
 * checks again (the yearly quota, a finalised year, the holder, the role).
 */
export async function decideYear(client: BinhXetClient, year: string, request: DecisionRequest): Promise<void> {
  const parsed = decisionRequestSchema.safeParse(request);
  if (!parsed.success) throw new RangeError(parsed.error.issues[0]?.message ?? 'Quyết định không hợp lệ');
  await client.decideYear(checkYear(year), parsed.data);
}

/** The year's state, its tie runs and the titles on the list, asked of the service at once. */
export async function loadYearCouncil(client: BinhXetClient, year: string): Promise<YearCouncilView> {
  const y = checkYear(year);
  const [results, proposals] = await Promise.all([client.yearResults(y), client.yearProposals(y)]);
  return yearCouncilView(results, proposals);
}

/** Awards HTXS to members of a yearly tie run, refusing locally what the run's places cannot take. */
export async function awardYearTie(client: BinhXetClient, year: string, run: YearTieRun, keys: readonly string[], reason: string): Promise<void> {
  const members = new Set(run.members.map((m) => m.code));
  const chosen = [...new Set(keys)].filter((key) => members.has(key));
  const noun = run.subject === 'unit' ? 'khoa, phòng' : 'người';
  if (chosen.length === 0) throw new RangeError(`Hãy chọn ít nhất một ${noun} trong nhóm đồng điểm`);
  if (chosen.length > run.left) {
    throw new RangeError(`Nhóm "${run.group}" chỉ còn ${run.left} suất HTXS của năm; đã chọn ${chosen.length} ${noun}`);
  }
  await decideYear(client, year, { kind: 'award', subject: run.subject, keys: chosen, reason });
}

/** Chốt năm: the pane asks a reason for every finalisation, though the service takes one without. */
export function finaliseYear(client: BinhXetClient, year: string, reason: string): Promise<void> {
  if (reason.trim().length < 3) return Promise.reject(new RangeError('Cần ghi lý do (ít nhất 3 ký tự)'));
  return decideYear(client, year, { kind: 'finalise', reason });
}

export function reopenYear(client: BinhXetClient, year: string, reason: string): Promise<void> {
  return decideYear(client, year, { kind: 'reopen', reason });
}

export interface TitleChoice {
  holder: Holder;
  key: string;
  title: DossierTitle;
}

/** Rút đề nghị: one holder's title off the proposal list (DOC-1), with the council's reason. */
export function withdrawProposal(client: BinhXetClient, year: string, choice: TitleChoice | null, reason: string): Promise<void> {
  if (!choice) return Promise.reject(new RangeError('Hãy chọn danh hiệu cần rút khỏi danh sách đề nghị'));
  return decideYear(client, year, { kind: 'withdraw', subject: choice.holder, key: choice.key, title: choice.title, reason });
}

/** Khôi phục: undoes a withdrawal; the title goes back on the list if it still qualifies. */
export function reinstateProposal(client: BinhXetClient, year: string, choice: TitleChoice, reason: string): Promise<void> {
  return decideYear(client, year, { kind: 'reinstate', subject: choice.holder, key: choice.key, title: choice.title, reason });
}

/** "CB004 — CSTĐCS", as the pane's messages name a holder's title. */
export function titleChoiceText(choice: TitleChoice & { name?: string }): string {
  const who = choice.holder === 'person' ? [choice.key, choice.name].filter(Boolean).join(' ') : choice.key;
  return `${who} — ${DOSSIER_TITLE_SHORT[choice.title]}`;
}

/** The year of the pane's box: "2021", or the year of a month "2021-10". */
export function yearOfPeriod(period: string): string | null {
  return /^((?:19|20|21)\d\d)(?:-\d\d)?$/.exec(period.trim())?.[1] ?? null;
}
