/**
 * The user's connection (server address and personal access key), kept in this browser profile's storage,
 * partitioned per Office user when Office gives a partition key, and never written into the workbook.
 */
export interface Connection {
  baseUrl: string;
  token: string;
}

const KEY = 'binhxet.connection';

export function loadConnection(storage: Storage, partition = ''): Connection | null {
  try {
    const parsed = JSON.parse(storage.getItem(partition + KEY) ?? 'null') as Connection | null;
    return parsed && typeof parsed.baseUrl === 'string' && typeof parsed.token === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

export function saveConnection(storage: Storage, connection: Connection | null, partition = ''): void {
  if (connection) storage.setItem(partition + KEY, JSON.stringify(connection));
  else storage.removeItem(partition + KEY);
}
