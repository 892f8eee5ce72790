/**
 * How the add-in's per-document state is laid out in its hidden sheet. A1 holds a directory
 * `{"v":1,"keys":{"<key>":[row, cells]}}`; row `row` holds the key in column A and the JSON text from column B on,
 * cut into cells of at most STATE_CELL_CHARS characters (Excel keeps at most 32,767 per cell).
 */

export const STATE_SHEET = '_binhxet';
export const STATE_CELL_CHARS = 30_000;

export interface StateDirectory {
  keys: Record<string, [row: number, cells: number]>;
}

/** Text cut into pieces of at most `size` characters, never between the two halves of a surrogate pair. */
export function splitText(text: string, size = STATE_CELL_CHARS): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}

/** The directory read from A1; an empty or damaged one is an empty directory (the state is a cache, not data). */
export function parseDirectory(cell: unknown): StateDirectory {
  if (typeof cell !== 'string' || cell === '') return { keys: {} };
  try {
    const parsed: unknown = JSON.parse(cell);
    const keys = (parsed as { keys?: unknown }).keys;
    if (typeof keys !== 'object' || keys === null) return { keys: {} };
    const valid = Object.entries(keys).filter(
      (entry): entry is [string, [number, number]] =>
        Array.isArray(entry[1]) && entry[1].length === 2 && entry[1].every((n) => Number.isInteger(n) && n >= 0),
    );
    return { keys: Object.fromEntries(valid) };
  } catch {
    return { keys: {} };
  }
}

export function formatDirectory(directory: StateDirectory): string {
  return JSON.stringify({ v: 1, keys: directory.keys });
}

/** The row for a key: its own, or the first one below every other key's. Row 0 is the directory's. */
export function stateRow(directory: StateDirectory, key: string): number {
  const own = directory.keys[key];
  if (own) return own[0];
  return Math.max(0, ...Object.values(directory.keys).map(([row]) => row)) + 1;
}

const SECRET_NAME = /^(access_?|refresh_?|api_?|id_?)?(token|secret|password|passwd|api_?key|authorization|bearer)$/i;

/**
 * Refuses values that look like credentials: the workbook is a file that travels, and anyone who opens it can
 * unhide the sheet. Checks property names holding strings, at any depth.
 */
export function assertNoSecrets(value: unknown, path = 'state'): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => assertNoSecrets(item, `${path}[${index}]`));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [name, item] of Object.entries(value)) {
    if (typeof item === 'string' && SECRET_NAME.test(name)) {
      throw new Error(`Không lưu khóa truy cập vào sổ làm việc (${path}.${name}) / refusing to store secrets`);
    }
    assertNoSecrets(item, `${path}.${name}`);
  }
}
