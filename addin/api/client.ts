import type { YearStatisticsAnswer } from '../../server/contract/year-statistics.ts';
import type { TaskQuarter } from '../../server/contract/task-sheet.ts';
import type { MonthSummary } from '../../server/contract/council.ts';
import type { DecisionSheet, VoteSheet } from '../../server/contract/dossier-sheets.ts';
import type { ProposalLists } from '../../server/contract/proposal-list.ts';
import type { RuleSet } from '../../server/contract/rule-set.ts';
import type { DecisionRequest } from '../../server/contract/council.ts';
import type { ErrorBody } from '../../server/contract/errors.ts';
import type { ReturnPreference } from '../../server/contract/push.ts';
import type { ClassCommendations, ClassList } from '../../server/contract/students.ts';
import type { YearProposals, YearResults } from '../../server/contract/year-results.ts';
import { SHEET_KINDS, type AnswersOf } from '../sheet/kinds/index.ts';
import type { SheetKind } from '../sheet/types.ts';

/**
 * The service's API, typed by its contract, for the task pane, the file page and the command line.
 * A push carries an idempotency key and is retried with the same key after a dropped connection or a
 * 503, so a retry can never store a row twice.
 */

export type ApiErrorCode = ErrorBody['error']['code'] | 'offline' | 'bad_response';

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
  get retryable(): boolean {
    return this.code === 'offline' || this.status === 503 || this.code === 'idempotency_in_use';
  }
}

export interface ClientOptions {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  /** Attempts for a request that failed for a retryable reason (default 3). */
  attempts?: number;
  /** Delay before the n-th retry, ms (default 400 × 2^n). */
  backoff?: (attempt: number) => number;
  /** Bodies of at least this many characters are sent gzip-compressed (default 16 KiB; Infinity: never). */
  gzipFrom?: number;
}

/** A body as sent: JSON, gzip-compressed when it is big and the platform can (Excel's WebView2, Safari, Node). */
interface Encoded {
  body: BodyInit;
  headers: Record<string, string>;
}

async function encodeBody(body: unknown, gzipFrom: number): Promise<Encoded> {
  const text = JSON.stringify(body);
  const json = { 'content-type': 'application/json' };
  if (text.length < gzipFrom || typeof CompressionStream !== 'function') return { body: text, headers: json };
  // A 5,000-row sheet: ≈ 1.2 MB of JSON, ≈ 130 KB packed (the service unpacks it, server/middleware/request-body.ts).
  const packed = await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
  return { body: packed, headers: { ...json, 'content-encoding': 'gzip' } };
}

export interface Roster {
  units: { name: string }[];
  people: { code: string; name: string; unit: string | null; dutyGroup: string | null; title: string | null; sex?: string | null; recruitedOn?: string | null }[];
}

export interface Me {
  organisation: { id: number; slug: string; name: string };
  user: { id: number; name: string; role: 'admin' | 'council' | 'rater' | 'viewer'; units: string[] };
}

export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

/** A push's answer by the representation asked for (`Prefer: return=minimal` answers no computed rows). */
export type PushAnswerOf<P extends ReturnPreference, Full, Minimal> = P extends 'minimal' ? Minimal : Full;

export function createClient(options: ClientOptions) {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl.replace(/\/+$/, '');
  const attempts = options.attempts ?? 3;
  const backoff = options.backoff ?? ((n: number) => 400 * 2 ** n);
  const gzipFrom = options.gzipFrom ?? 16 * 1024;

  async function once<T>(method: string, path: string, body: Encoded | undefined, headers: Record<string, string> = {}): Promise<T> {
    let res: Response;
    try {
      res = await doFetch(base + path, {
        method,
        headers: { authorization: `Bearer ${options.token}`, ...body?.headers, ...headers },
        ...(body !== undefined ? { body: body.body } : {}),
      });
    } catch {
      throw new ApiError('offline', `Không kết nối được máy chủ ${base}. Kiểm tra mạng hoặc địa chỉ máy chủ.`, 0);
    }
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new ApiError('bad_response', `${base} trả lời không đúng dạng (HTTP ${res.status}): đó có phải địa chỉ máy chủ Bình Xét?`, res.status);
    }
    if (!res.ok) {
      const error = (parsed as Partial<ErrorBody> | undefined)?.error;
      if (error?.code && error.message) throw new ApiError(error.code, error.message, res.status, error.details);
      throw new ApiError('bad_response', `${base} báo lỗi HTTP ${res.status}: đó có phải địa chỉ máy chủ Bình Xét?`, res.status);
    }
    return parsed as T;
  }

  async function request<T>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
    // Encoded once: a retry sends the same bytes.
    const encoded = body === undefined ? undefined : await encodeBody(body, gzipFrom);
    for (let attempt = 0; ; attempt++) {
      try {
        return await once<T>(method, path, encoded, headers);
      } catch (error) {
        if (!(error instanceof ApiError) || !error.retryable || attempt + 1 >= attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, backoff(attempt)));
      }
    }
  }

  const year = (y: string, what: string) => `/api/v1/years/${encodeURIComponent(y)}/${what}`;
  const klass = (name: string, what: string) => `/api/v1/classes/${encodeURIComponent(name)}/${what}`;
  const pushHeaders = (key: string, prefer: ReturnPreference | undefined) => ({
    'idempotency-key': key,
    ...(prefer === 'minimal' ? { prefer: 'return=minimal' } : {}),
  });

  return {
    me: () => request<Me>('GET', '/api/v1/me'),
    roster: () => request<Roster>('GET', '/api/v1/roster'),
    /** A push of a kind's rows; with 'minimal' the service answers the row results without computing the period. */
    push: <K extends SheetKind, P extends ReturnPreference = 'representation'>(
      kind: K,
      period: string,
      rows: unknown[],
      key: string = newIdempotencyKey(),
      prefer?: P,
    ) =>
      request<PushAnswerOf<P, AnswersOf<K>['pushed'], AnswersOf<K>['minimal']>>(
        'POST',
        SHEET_KINDS[kind].endpoint.path(period),
        { rows },
        pushHeaders(key, prefer),
      ),
    /** A period's rows of a kind, computed. */
    pull: <K extends SheetKind>(kind: K, period: string) => request<AnswersOf<K>['pulled']>('GET', SHEET_KINDS[kind].endpoint.path(period)),
    taskQuarter: (quarter: string) => request<TaskQuarter>('GET', `/api/v1/quarters/${encodeURIComponent(quarter)}/tasks`),
    summary: (period: string) => request<MonthSummary>('GET', `/api/v1/months/${encodeURIComponent(period)}/summary`),
    decide: (period: string, decision: DecisionRequest) =>
      request<unknown>('POST', `/api/v1/months/${encodeURIComponent(period)}/decisions`, decision),
    yearResults: (y: string) => request<YearResults>('GET', year(y, 'results')),
    yearProposals: (y: string, baseSalary?: number) =>
      request<YearProposals>('GET', year(y, `proposals${baseSalary === undefined ? '' : `?baseSalary=${baseSalary}`}`)),
    /** "Tổng hợp thi đua" (DOC-7). */
    yearStatistics: (y: string) => request<YearStatisticsAnswer>('GET', year(y, 'statistics')),
    /** DOC-1: one list, or two split by who decides (Luật TĐKT Điều 80). */
    proposalList: (y: string, splitByAuthority = false) =>
      request<ProposalLists>('GET', year(y, `proposal-list${splitByAuthority ? '?splitByAuthority=true' : ''}`)),
    ruleSet: () => request<{ version: number; ruleSet: RuleSet }>('GET', '/api/v1/rule-set'),
    decideYear: (y: string, decision: DecisionRequest) => request<unknown>('POST', year(y, 'decisions'), decision),
    classes: () => request<ClassList>('GET', '/api/v1/classes'),
    classCommendations: (name: string) => request<ClassCommendations>('GET', klass(name, 'commendations')),
    /** The year's dossier as the service holds it (the Word documents are filled from these). */
    yearVotes: (y: string) => request<VoteSheet>('GET', year(y, 'votes')),
    decisionsRegister: (y: string) => request<DecisionSheet>('GET', year(y, 'decisions-register')),
  };
}

export type BinhXetClient = ReturnType<typeof createClient>;
