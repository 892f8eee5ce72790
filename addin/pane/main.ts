import { createClient, type BinhXetClient } from '../api/client.ts';
import { fieldLabel, type SheetKind } from '../sheet/index.ts';
import { addCodeColumn } from '../actions/code-column.ts';
import { createMonthSheet } from '../actions/new-month.ts';
import type { SyncOutcome } from '../actions/outcome.ts';
import { periodWords } from '../actions/report-lines.ts';
import { checkSheet, keepMyValues, refreshSheet, syncSheet, type SyncOptions } from '../actions/sync-sheet.ts';
import type { WorkbookAdapter } from '../workbook/adapter.ts';
import { officePartitionKey, officeReady, officeWorkbook } from '../workbook/office/index.ts';
import { loadConnection, saveConnection, type Connection } from './connection.ts';
import { councilSection } from './council.ts';
import { yearCouncilSection } from './year-council.ts';
import { wireTaskImport } from './import-tasks.ts';
import { wireAssessmentForms } from './assessment-forms.ts';
import { t } from './i18n.ts';
import { actionRunner, Hint, type ActionResult } from './run-action.ts';
import * as view from './view.ts';

/** The task pane: inside Excel it works on the open workbook; in a plain browser, on an .xlsx file the user picks. */
const { $ } = view;

let workbook: WorkbookAdapter | null = null;
let client: BinhXetClient | null = null;
/** The address of the service connected to, to name it when it cannot be reached. */
let serverUrl = '';
let mapping: Record<string, string> = {};
let fileDownload: (() => Promise<void>) | null = null;
const partition = () => officePartitionKey();
const run = actionRunner({ busy: view.setBusy, status: view.setStatus });
let detectedPeriod: string | null = null;

function options(): SyncOptions {
  const sheet = $<HTMLSelectElement>('sheet').value;
  const period = $<HTMLInputElement>('period').value.trim();
  return { kind: $<HTMLSelectElement>('kind').value as SheetKind, period: period || null, mapping, ...(sheet ? { sheet } : {}) };
}

function needWorkbook(): WorkbookAdapter {
  if (!workbook) throw new Hint(t('needFile'));
  return workbook;
}

function needClient(): BinhXetClient {
  if (!client) throw new Hint(t('needConnection'));
  return client;
}

/** The month typed in the pane, else the one the last sync found (shown as the box's placeholder). */
function workingPeriod(): string {
  const period = $<HTMLInputElement>('period').value.trim() || detectedPeriod;
  if (!period) throw new RangeError(t('needPeriod'));
  return period;
}

const progress = view.showProgress;

/**
 * What an action did, in the status line and beside it: the problems, the typed cells kept, the month at a
 * glance. Green only when nothing was refused, held back or kept; amber when something asks to be looked at.
 */
function show(outcome: SyncOutcome, kind: SheetKind): ActionResult {
  const label = (field: string) => fieldLabel(field, kind);
  view.renderProblems(view.problemsOf(outcome), jump, keepMine);
  view.renderMapping(outcome.missing, outcome.headers, label);
  typedKept = outcome.action === 'check' ? 0 : outcome.typed.length;
  view.renderTypedConfirm(typedKept, overwriteTyped);
  if (outcome.period) view.showDetectedPeriod((detectedPeriod = outcome.period));
  const period = periodWords(kind, outcome.period);
  view.renderGlance(outcome.glance, period);
  $<HTMLButtonElement>('download').disabled = fileDownload === null;
  if (outcome.missing.length > 0) {
    return { text: outcome.missing.map((f) => `Không tìm thấy cột ${label(f)}`).join('; '), tone: 'error' };
  }
  if (outcome.offline) {
    const text = outcome.pending > 0 ? t('offlineKept', { url: serverUrl, count: outcome.pending }) : t('offlineAt', { url: serverUrl });
    return { text, tone: 'error' };
  }
  const errors = outcome.issues.filter((i) => i.severity === 'error').length;
  const warnings = outcome.issues.length - errors;
  const tone = errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'ok';
  if (outcome.action === 'check') return { text: t('checked', { rows: outcome.rows, errors, warnings }), tone };
  if (!outcome.period) return { text: outcome.issues.at(-1)?.message ?? '', tone: 'error' };
  const refused = outcome.counts.rejected + outcome.counts.conflict;
  const notSent = outcome.notSent > 0 ? t('syncedNotSent', { count: outcome.notSent }) : '';
  const typed = outcome.typed.length > 0 ? t('syncedTyped', { count: outcome.typed.length }) : '';
  const done =
    outcome.action === 'refresh'
      ? t('refreshed', { period })
      : outcome.sent === 0
        ? t('nothingToSend', { period })
        : t('synced', { ...outcome.counts, period });
  const taken = outcome.taken > 0 ? t('takenStored', { count: outcome.taken }) : '';
  const syncTone = refused + outcome.notSent > 0 ? 'error' : typed || taken || warnings > 0 ? 'warning' : 'ok';
  return { text: done + notSent + taken + typed, tone: syncTone };
}

/** "Giữ giá trị của tôi": the row's value goes over the stored version its conflict showed. */
function keepMine(key: string): void {
  void run(async () => {
    const o = options();
    return show(await keepMyValues({ workbook: needWorkbook(), client: needClient(), progress }, o, [key]), o.kind);
  });
}

/** Typed cells the last sync or refresh kept: what the confirm step names. */
let typedKept = 0;

/** The confirm step: the computed values go over the typed cells the last sync kept. */
function overwriteTyped(): void {
  const count = typedKept;
  void run(async () => {
    const o = { ...options(), overwriteTyped: true, keepConflicts: true };
    const said = show(await refreshSheet({ workbook: needWorkbook(), client: needClient(), progress }, o), o.kind);
    const text = typeof said === 'object' ? said.text : (said ?? '');
    return { text: `${t('overwritten', { count })} ${text}`, tone: typeof said === 'object' ? said.tone : 'ok' };
  });
}

function jump(cell: string): void {
  const sheet = $<HTMLSelectElement>('sheet').value;
  void run(async () => {
    await needWorkbook().session((s) => s.selectCell(sheet, cell));
  });
}

async function listSheets(): Promise<void> {
  const { names, active } = await needWorkbook().session(async (s) => ({ names: await s.sheetNames(), active: await s.activeSheetName() }));
  view.fillSheets(names, active);
}

const council = councilSection({
  run,
  workbook: needWorkbook,
  client: needClient,
  period: workingPeriod,
  // A report sheet does not become the sheet the pane syncs: the choice made before stays.
  sheetsChanged: async () => {
    const chosen = $<HTMLSelectElement>('sheet').value;
    await listSheets();
    if (chosen) $<HTMLSelectElement>('sheet').value = chosen;
    $<HTMLButtonElement>('download').disabled = fileDownload === null;
  },
});

const yearCouncil = yearCouncilSection({ run, client: needClient, period: workingPeriod });

async function connect(connection: Connection): Promise<void> {
  const candidate = createClient(connection);
  const me = await candidate.me();
  client = candidate;
  serverUrl = connection.baseUrl;
  saveConnection(localStorage, connection, partition());
  $('connect-form').hidden = true;
  $('connected').hidden = false;
  council.setRole(me.user.role);
  yearCouncil.setRole(me.user.role);
  $('who').textContent = t('connectedAs', {
    user: me.user.name,
    role: t(`role_${me.user.role}`),
    org: me.organisation.name,
  });
}

function disconnect(): void {
  client = null;
  saveConnection(localStorage, null, partition());
  council.setRole(null);
  yearCouncil.setRole(null);
  $('connect-form').hidden = false;
  $('connected').hidden = true;
}

async function openFile(file: File): Promise<void> {
  // exceljs is a large library: loaded only here, in the browser file mode.
  view.showWorking(t('readingFile', { name: file.name }));
  const { fileWorkbook, readXlsx, resultFileName, writeXlsx } = await import('../workbook/file.ts');
  const wb = await readXlsx(new Uint8Array(await file.arrayBuffer()), file.name);
  workbook = fileWorkbook(wb);
  $('file-name').textContent = file.name;
  fileDownload = async () => {
    const blob = new Blob([(await writeXlsx(wb)) as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = resultFileName(file.name);
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };
  await listSheets();
}

function wire(): void {
  $('language').addEventListener('click', () => {
    view.toggleLanguage();
    council.translate();
    yearCouncil.translate();
  });
  $('connect-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const baseUrl = $<HTMLInputElement>('server').value.trim();
    const token = $<HTMLInputElement>('token').value.trim();
    void run(async () => {
      await connect({ baseUrl, token });
      $<HTMLInputElement>('token').value = '';
    });
  });
  $('disconnect').addEventListener('click', disconnect);
  $('file').addEventListener('change', () => {
    const file = $<HTMLInputElement>('file').files?.[0];
    if (file) void run(() => openFile(file));
  });
  $('download').addEventListener('click', () => void run(async () => fileDownload?.()));
  const action = (act: typeof syncSheet, withClient: () => BinhXetClient | null) => () =>
    void run(async () => {
      const o = options();
      return show(await act({ workbook: needWorkbook(), client: withClient(), progress }, o), o.kind);
    });
  $('check').addEventListener('click', action(checkSheet, () => client));
  $('sync').addEventListener('click', action(syncSheet, needClient));
  $('refresh').addEventListener('click', action(refreshSheet, needClient));
  $('new-month').addEventListener('click', () =>
    void run(async () => {
      const period = $<HTMLInputElement>('period').value.trim() || new Date().toISOString().slice(0, 7);
      const created = await createMonthSheet({ workbook: needWorkbook(), client: needClient() }, period);
      await listSheets();
      $<HTMLSelectElement>('sheet').value = created.sheet;
      return t('created', created);
    }),
  );
  $('add-codes').addEventListener('click', () =>
    void run(async () => {
      const sheet = $<HTMLSelectElement>('sheet').value;
      const added = await addCodeColumn({ workbook: needWorkbook(), client: needClient() }, sheet ? { sheet } : {});
      view.renderProblems(added.issues.map((i) => ({ cell: i.cell, message: i.message, severity: i.severity })), jump);
      if (added.issues.length > 0) return { text: t('codesAdded', { matched: added.matched, left: added.issues.length }), tone: 'warning' as const };
      return added.existed ? t('codesExist') : t('codesAdded', { matched: added.matched, left: added.issues.length });
    }),
  );
  wireTaskImport({
    run,
    workbook: needWorkbook,
    client: needClient,
    period: workingPeriod,
    imported: async (sheet) => {
      await listSheets();
      $<HTMLSelectElement>('sheet').value = sheet;
      $<HTMLSelectElement>('kind').value = 'tasks';
      $<HTMLButtonElement>('download').disabled = fileDownload === null;
    },
  });
  wireAssessmentForms({
    run,
    workbook: needWorkbook,
    client: needClient,
    period: workingPeriod,
    written: async () => {
      const chosen = $<HTMLSelectElement>('sheet').value;
      await listSheets();
      if (chosen) $<HTMLSelectElement>('sheet').value = chosen;
      $<HTMLButtonElement>('download').disabled = fileDownload === null;
    },
  });
  $('save-mapping').addEventListener('click', () => {
    mapping = { ...mapping, ...view.chosenMapping() };
    $('check').click();
  });
}

async function start(): Promise<void> {
  view.translatePage();
  wire();
  $<HTMLInputElement>('server').value = location.origin;
  const inExcel = await officeReady().catch(() => false);
  if (inExcel) {
    workbook = officeWorkbook();
    await listSheets().catch(() => undefined);
  } else {
    $('file-mode').hidden = false;
  }
  const saved = loadConnection(localStorage, partition());
  if (saved) await run(() => connect(saved));
  document.body.dataset.ready = 'true';
}

void start();
