/** The sheet engine: pure functions from sheet values to rows, issues, changes and write plans. */
export type * from './types.ts';
export { cellAddress, columnLetters, parseCellAddress } from './cell-address.ts';
export { headerKey, headerWords, matchHeader, parseMappingTarget } from './header-aliases.ts';
export { findHeader } from './find-header.ts';
export { COMPUTED_HEADERS, computedHeader, fieldLabel } from './sheet-fields.ts';
export { detectLegacyEncoding, type LegacyEncoding } from './legacy-encoding.ts';
export {
  detectPeriod,
  formatPeriod,
  parsePeriodValue,
  periodFromSheetName,
  periodFromTitle,
  type PeriodCell,
  type PeriodDetection,
} from './period.ts';
export { readTable, type ReadOptions } from './read-table.ts';
export { nameUnitKey } from './kinds/keys.ts';
export { SHEET_KINDS, SHEET_KIND_IDS, isSheetKind, rowKey, type KindSpec, type PeriodKind } from './kinds/index.ts';
export { detectClass, detectYear, yearFromSheetName, yearFromTitle } from './period-kinds.ts';
export { validateTable, type TableValidation, type ValidRow } from './validate-table.ts';
export { hash53, rowHash } from './row-hash.ts';
export { changedRows, markPending, nextSyncState, type ChangedRow } from './changes.ts';
export {
  matchRoster,
  planCodeColumn,
  withRosterCodes,
  type RosterEntry,
  type RosterMatch,
  type RosterMatching,
} from './roster.ts';
export { planWriteBack, type WriteBackOptions } from './write-plan.ts';
export { MONTH_SHEET_HEADER, monthSheet, monthSheetName, rosterFromRows, type MonthSheet } from './month-sheet.ts';
