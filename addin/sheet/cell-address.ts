/** A1-style addresses from 0-based sheet coordinates (row 0 is Excel's row 1, column 0 is A). */

const letterCache: string[] = [];

export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0) throw new RangeError(`Cột không hợp lệ: ${col}`);
  const cached = letterCache[col];
  if (cached !== undefined) return cached;
  let n = col + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  if (col < 1024) letterCache[col] = letters;
  return letters;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

const ADDRESS = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** "AA10" → { row: 9, col: 26 }; null when the text is not a single-cell address. */
export function parseCellAddress(address: string): { row: number; col: number } | null {
  const m = ADDRESS.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1) return null;
  return { row: row - 1, col: col - 1 };
}
