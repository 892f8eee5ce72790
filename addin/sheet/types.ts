/** Plain data the sheet engine takes and gives: no Office, no DOM, no network. */

export type CellValue = string | number | boolean | null;

/** A block of cells in sheet coordinates (0-based). */
export interface CellArea {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** A sheet as an adapter reads it: the used range's values, and where that range starts (0-based). */
export interface SheetGrid {
  name: string;
  /** A merged area's value sits in its top-left cell only, the other cells blank, as Excel reports them. */
  values: CellValue[][];
  /** Sheet row of values[0] (0-based; row 0 is Excel's row 1). */
  top: number;
  /** Sheet column of values[i][0] (0-based; column 0 is Excel's A). */
  left: number;
  /** The merged areas of the sheet, when the adapter can tell (sheet coordinates). */
  merges?: CellArea[];
}

/**
 * What a sheet holds: a month of people or of units (khoa, phòng), the yearly sheet of people, the year's
 * initiatives (sáng kiến, đề tài), or the students of one class. Each has one spec in `kinds/`.
 */
export type SheetKind =
  | 'person'
  | 'unit'
  | 'year'
  | 'initiative'
  | 'student'
  | 'tasks'
  | 'registration'
  | 'pledge'
  | 'vote'
  | 'decision'
  | 'movement'
  | 'contribution';

/** A problem found in the sheet, named by its cell (A1 style) when it has one. */
export interface SheetIssue {
  cell: string | null;
  row: number | null;
  field: string | null;
  message: string;
  severity: 'error' | 'warning';
  /** Every cell the issue is about (sheet coordinates), when it spans several (e.g. score = parts). */
  refs?: CellRef[];
  /** The person (or unit, or student) of the row, for lists that show the issue away from its row. */
  who?: string;
}

/** A block of cells to write, in sheet coordinates (0-based). Strings are written as text, never as formulas. */
export interface WriteBlock {
  row: number;
  col: number;
  values: CellValue[][];
}

export interface CellRef {
  row: number;
  col: number;
}

/** What a sync writes back: only computed and status columns (and their headers), plus highlights. */
export interface WritePlan {
  blocks: WriteBlock[];
  /** Cells to mark invalid, and cells whose mark must go. */
  highlight: CellRef[];
  clearHighlight: CellRef[];
  /** Header cells of columns appended this time, to be given the look of the sheet's own header. */
  looks?: HeaderLook[];
}

/** New header cells (`to`) dressed like a header cell of the sheet (`from`): font, fill, borders, wrap, width. */
export interface HeaderLook {
  from: CellRef;
  to: CellArea;
  /** A width in characters per column of `to`, at least: the sheet's own width is kept when wider. */
  minWidths: number[];
}

/** What the workbook remembers between syncs for one sheet: per row key, what was last synced. */
export interface SyncState {
  period: string | null;
  kind: SheetKind;
  /** Manual column mapping chosen in the pane: header text → field. */
  mapping: Record<string, string>;
  rows: Record<string, { hash: string; version: number }>;
  /** Rows that changed but could not be sent yet (offline): kept until a sync succeeds. */
  pending: string[];
}

/**
 * A field the sheet engine reads from a column: a contract field of the kind's row (the same name can mean
 * different columns on different kinds: `title` is Chức vụ for people, the initiative's name on the
 * initiatives sheet), or the month ("Tháng", read but never sent).
 */
export type InputField =
  | 'code'
  | 'name'
  | 'unit'
  | 'dutyGroup'
  | 'title'
  | 'sex'
  | 'recruitedOn'
  | 'leave'
  | 'score'
  | 'selfScore'
  | 'general'
  | 'results'
  | 'allTasksDone'
  | 'exceededPct'
  | 'latePct'
  | 'discipline'
  | 'note'
  | 'pendingDisciplineCase'
  | 'voteAgree'
  | 'voteTotal'
  | 'priorTitles'
  | 'kind'
  | 'level'
  | 'recognisedOn'
  | 'class'
  | 'gpa'
  | 'conduct'
  | 'taskRef'
  | 'taskName'
  | 'source'
  | 'role'
  | 'k'
  | 'g'
  | 'h'
  | 'dueOn'
  | 'doneOn'
  | 'qFails'
  | 'dFails'
  | 'exceeded'
  | 'objective'
  | 'confirmedBy'
  | 'leaderOrganisePct'
  | 'leaderOtherPct'
  | 'docRef'
  | 'from'
  | 'to'
  | 'ask'
  | 'target'
  | 'driveCode'
  | 'form'
  | 'amount'
  | 'inKind'
  | 'inKindValue'
  | 'date'
  | 'receiptNo'
  | 'holder'
  | 'titleRegistered'
  | 'awardRegistered'
  | 'initiativeRegistered'
  | 'pledge'
  | 'registeredOn'
  | 'content'
  | 'measure'
  | 'plan'
  | 'result'
  | 'members'
  | 'present'
  | 'agree'
  | 'decisionNo'
  | 'decidedOn'
  | 'issuer'
  | 'achievementYear'
  | 'goldBookNo'
  | 'headScore'
  | 'generalI1'
  | 'generalI2'
  | 'generalII1'
  | 'generalII2'
  | 'generalII3'
  | 'generalII4'
  | 'generalIII'
  | 'assessmentStatus'
  | 'period';

/** The columns the add-in writes: never read as input. Each kind writes some of them (`kinds/`). */
export type ComputedColumn =
  | 'classification'
  | 'rankInUnit'
  | 'rankInOrg'
  | 'band'
  | 'commended'
  | 'explanation'
  | 'syncStatus'
  | 'taskPoints'
  | 'taskDeductions'
  | 'taskAxes'
  | 'taskResults'
  | 'registrationCheck'
  | 'registrationOutcome'
  | 'pledgeRate'
  | 'voteRate'
  | 'voteResult';

/** What one header column turned out to be. */
export type HeaderRole =
  | { type: 'field'; field: InputField }
  | { type: 'computed'; column: ComputedColumn }
  | { type: 'ignore' };

export interface HeaderColumn {
  col: number;
  text: string;
  /** null: a column the service does not know, kept untouched. */
  role: HeaderRole | null;
}

/** Where the table's header is and what each column means (sheet coordinates, 0-based). */
export interface HeaderInfo {
  kind: SheetKind;
  /** One or two rows (a group title over sub-columns); empty when no header was found. */
  headerRows: number[];
  fields: Partial<Record<InputField, number>>;
  computed: Partial<Record<ComputedColumn, number>>;
  columns: HeaderColumn[];
  unknown: { col: number; text: string }[];
  firstDataRow: number;
  /** Rightmost column holding header text. */
  lastColumn: number;
  missing: InputField[];
  issues: SheetIssue[];
}

/** One row of the table as read: raw cells, and the contract input built from them. */
export interface SheetRow {
  /** Sheet row, 0-based. */
  row: number;
  cells: Partial<Record<InputField, CellValue>>;
  /** The kind's contract row input (PersonRowInput, StudentRowInput…); `ref` is the Excel row number. */
  input: Record<string, unknown> & { ref: number };
  /** What identifies the row across syncs (its kind's `key`): a staff code, `name|unit`, a unit name… */
  key: string | null;
}

/** A unit's heading between the rows ("II. KHOA LÝ LUẬN CƠ SỞ"): not a row; the unit of the rows under it. */
export interface SectionRow {
  /** Sheet row, 0-based. */
  row: number;
  /** The unit as read (numbering dropped), or a known unit's spelling when it names one. */
  unit: string;
}

export type PeriodSource = 'column' | 'sheetName' | 'title' | 'hint';

export interface SheetTable {
  sheet: string;
  kind: SheetKind;
  header: HeaderInfo;
  rows: SheetRow[];
  /** `YYYY-MM` for months, `YYYY` for the yearly and initiatives sheets, the class's name for students. */
  period: string | null;
  periodSource: PeriodSource | null;
  /** Rightmost non-empty column over the header and the rows read: new columns go right of it. */
  lastColumn: number;
  issues: SheetIssue[];
  /** Unit headings found between the rows; on a sheet without a unit column they give the rows their unit. */
  sections?: SectionRow[];
}
