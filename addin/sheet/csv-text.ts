import type { CellValue } from './types.ts';

/**
 * CSV exports of document systems, read the same in the pane and on the command line: exceljs's CSV reader
 * needs Node streams, which the pane does not have.
 */

/** CSV bytes as text: UTF-8 with or without BOM, else Windows-1258 (the Vietnamese Windows code page). */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1258').decode(bytes);
  }
}

/** The delimiter of the first line: the one of `;`, tab and `,` that splits it most (Excel in Vietnamese writes `;`). */
function delimiterOf(text: string): string {
  const end = text.indexOf('\n');
  const first = end < 0 ? text : text.slice(0, end);
  return [';', '\t', ','].reduce((best, d) => (first.split(d).length > first.split(best).length ? d : best), ',');
}

/**
 * RFC 4180 text as rows of cells: quoted fields may hold the delimiter, line breaks and doubled quotes; lines
 * end with CRLF or LF. Every cell is text, as the export wrote it ("" for an empty one).
 */
export function parseCsv(text: string): CellValue[][] {
  const delimiter = delimiterOf(text);
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) endCell();
    else if (ch === '\n') endRow();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endRow();
      i++;
    } else cell += ch;
    i++;
  }
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}
