// The database errors the client must hear of differently: a value the database cannot hold (422), the database away (503, retry).

export function sqlState(err: unknown): string | null {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
}

/**
 * A value the request carried that PostgreSQL cannot hold (NUL in text, an int or date out of range, an
 * escape jsonb refuses). The contract refuses most of them first; this keeps the rest from looking like a
 * server fault. The transaction is rolled back, so nothing was stored.
 */
export function unstorableValue(err: unknown): boolean {
  return ['22003', '22007', '22008', '22021', '22P02', '22P05'].includes(sqlState(err) ?? '');
}

/**
 * Connection lost, server shutting down or restarting, or a transaction the database chose to abort
 * (serialization failure, deadlock): the client may retry the same push.
 */
export function databaseDown(err: unknown): boolean {
  const code = sqlState(err) ?? '';
  return /^(08|57P0|40001|40P01)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED'].includes(code);
}
