// CouchDB's HTTP API, the few calls sync needs, over an injectable fetch (web: window.fetch;
// desktop: the main process, so the renderer's CSP keeps connect-src 'self').
import type { SyncDoc } from '../../../../shared/sync/doc';
import { bytesToBase64 } from '../../../../shared/sync/json-value';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface CouchTarget {
  /** The server, e.g. https://couch.gestoria.es or http://localhost:5984 */
  url: string;
  database: string;
  user: string;
  password: string;
}

/** Why a call failed, in terms the status line can put into words. */
export type CouchErrorKind = 'offline' | 'auth' | 'not_found' | 'server' | 'timeout' | 'bad_url';

export class CouchError extends Error {
  constructor(
    readonly kind: CouchErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'CouchError';
  }
}

/** HTTPS is required, except for a server on this computer. */
export function checkServerUrl(raw: string): { ok: true; origin: string } | { ok: false } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false };
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && local)) {
    if (url.username || url.password) return { ok: false };
    return { ok: true, origin: url.origin };
  }
  return { ok: false };
}

export interface ChangesPage {
  results: { id: string; seq: string | number; doc?: unknown; deleted?: boolean }[];
  lastSeq: string;
}

export interface BulkResult {
  id: string;
  ok: boolean;
  rev?: string;
  /** 'conflict' when the server has a newer revision than the one sent. */
  error?: string;
}

const TIMEOUT_MS = 30_000;

export class CouchClient {
  private readonly base: string;
  private readonly auth: string;

  constructor(
    target: CouchTarget,
    private readonly fetchImpl: FetchLike = (url, init) => fetch(url, init),
  ) {
    const checked = checkServerUrl(target.url);
    if (!checked.ok) throw new CouchError('bad_url', 'The server address must use https://');
    const path = new URL(target.url.trim()).pathname.replace(/\/+$/, '');
    this.base = `${checked.origin}${path}/${encodeURIComponent(target.database)}`;
    const credentials = new TextEncoder().encode(`${target.user}:${target.password}`);
    this.auth = `Basic ${bytesToBase64(credentials)}`;
  }

  /** The database's address (the checkpoint belongs to it). */
  get databaseUrl(): string {
    return this.base;
  }

  private async call(path: string, init: RequestInit = {}): Promise<unknown> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.base}${path}`, {
        ...init,
        signal: controller.signal,
        headers: {
          Accept: 'application/json',
          'Content-Type': 'application/json',
          Authorization: this.auth,
        },
      });
    } catch (error) {
      const kind = controller.signal.aborted ? 'timeout' : 'offline';
      throw new CouchError(kind, error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(timer);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      // A cut while the body arrives: nothing of it is used.
      throw new CouchError('offline', error instanceof Error ? error.message : String(error));
    }
    if (response.ok) return body;
    const reason = (body as { reason?: unknown } | null)?.reason;
    const text = typeof reason === 'string' ? reason : response.statusText;
    if (response.status === 401 || response.status === 403) {
      throw new CouchError('auth', text, response.status);
    }
    if (response.status === 404) throw new CouchError('not_found', text, response.status);
    throw new CouchError('server', text, response.status);
  }

  /** The database's info: proves the address, the database and the credentials. */
  async info(): Promise<{ docCount: number; updateSeq: string }> {
    const body = (await this.call('')) as { doc_count?: number; update_seq?: string | number };
    return { docCount: body.doc_count ?? 0, updateSeq: String(body.update_seq ?? '0') };
  }

  async changes(since: string, limit: number): Promise<ChangesPage> {
    const query = new URLSearchParams({
      since,
      limit: String(limit),
      include_docs: 'true',
      style: 'main_only',
    });
    const body = (await this.call(`/_changes?${query.toString()}`)) as {
      results?: ChangesPage['results'];
      last_seq?: string | number;
    };
    return { results: body.results ?? [], lastSeq: String(body.last_seq ?? since) };
  }

  async bulkDocs(docs: SyncDoc[]): Promise<BulkResult[]> {
    const body = (await this.call('/_bulk_docs', {
      method: 'POST',
      body: JSON.stringify({ docs }),
    })) as { id: string; rev?: string; ok?: boolean; error?: string }[];
    return body.map((row) => ({
      id: row.id,
      ok: row.ok === true || (row.rev !== undefined && row.error === undefined),
      ...(row.rev ? { rev: row.rev } : {}),
      ...(row.error ? { error: row.error } : {}),
    }));
  }

  /** The current revision of each document (those the server has). */
  async bulkGet(ids: string[]): Promise<unknown[]> {
    const body = (await this.call('/_bulk_get', {
      method: 'POST',
      body: JSON.stringify({ docs: ids.map((id) => ({ id })) }),
    })) as { results?: { docs?: { ok?: unknown }[] }[] };
    return (body.results ?? []).flatMap((result) =>
      (result.docs ?? []).flatMap((entry) => (entry.ok ? [entry.ok] : [])),
    );
  }
}
