/** One rule an input broke, as the server names it in a 400 answer. */
export interface FieldError {
  field: string;
  rule?: string;
  detail: string;
}

/** RFC 9457 problem details, with the extension members Siyu sends. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  /** When a client held back after too many failed sign-ins may try again. */
  retryAt?: string;
  [extension: string]: unknown;
}

/** A failed call: the answer's status and its problem details (made up from the status when the body had none). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
}

/** A page of a keyset-paginated list: pass `next` back as `cursor` for the following page. */
export interface Page<T> {
  items: T[];
  next?: string;
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Sends a text body as it is with this media type (such as `text/csv`), instead of the body as JSON. */
  contentType?: string;
  signal?: AbortSignal;
  /** An idempotency key: the server answers a request sent again with it as it answered the first. */
  idempotencyKey?: string;
  /** Whether a 401 means "signed out" (go to the sign-in page) or is an answer the caller handles itself. */
  redirectOnUnauthorized?: boolean;
}

export interface ApiClientSettings {
  fetch?: typeof fetch;
  readCookies?: () => string;
  onUnauthorized?: () => void;
}

const CSRF_COOKIE = 'XSRF-TOKEN';
const CSRF_HEADER = 'X-XSRF-TOKEN';
const SESSION_PATH = '/api/v1/session';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Reads one cookie's value out of a `document.cookie` string. */
export function readCookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) {
      continue;
    }
    if (part.slice(0, separator).trim() === name) {
      return decodeURIComponent(part.slice(separator + 1).trim());
    }
  }
  return undefined;
}

/** Builds a query string that leaves out absent and blank parameters. */
export function toQueryString(query: Query | undefined): string {
  if (!query) {
    return '';
  }
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) {
      continue;
    }
    const text = String(value).trim();
    if (text !== '') {
      params.append(name, text);
    }
  }
  const encoded = params.toString();
  return encoded ? `?${encoded}` : '';
}

/** Turns any failed response into problem details, whether or not its body is `application/problem+json`. */
export async function parseProblem(response: Response): Promise<Problem> {
  const fallback: Problem = { status: response.status, title: response.statusText || undefined };
  const text = await response.text().catch(() => '');
  if (!text) {
    return fallback;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const problem = parsed as Partial<Problem>;
      return {
        ...problem,
        status: typeof problem.status === 'number' ? problem.status : response.status,
        errors: Array.isArray(problem.errors) ? problem.errors : undefined,
      };
    }
  } catch {
    // a proxy's HTML error page, for example: keep the status
  }
  return fallback;
}

/**
 * The console's way to the server: JSON in and out, the session cookie sent along, the CSRF double-submit token copied
 * from its cookie into a header on every change, and failures raised as {@link ApiError}.
 */
export class ApiClient {
  private readonly fetchImpl: typeof fetch;
  private readonly readCookies: () => string;
  private onUnauthorized: () => void;

  constructor(settings: ApiClientSettings = {}) {
    this.fetchImpl = settings.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.readCookies = settings.readCookies ?? (() => (typeof document === 'undefined' ? '' : document.cookie));
    this.onUnauthorized = settings.onUnauthorized ?? (() => undefined);
  }

  /** Sets what happens when the server says the session is gone. */
  setUnauthorizedHandler(handler: () => void): void {
    this.onUnauthorized = handler;
  }

  get<T>(path: string, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('GET', path, options);
  }

  post<T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('POST', path, { ...options, body });
  }

  put<T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('PUT', path, { ...options, body });
  }

  patch<T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('PATCH', path, { ...options, body });
  }

  delete<T>(path: string, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('DELETE', path, options);
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    const raw = options.contentType !== undefined && typeof options.body === 'string';
    if (options.body !== undefined) {
      headers['Content-Type'] = raw ? options.contentType! : 'application/json';
    }
    if (options.idempotencyKey) {
      headers['Idempotency-Key'] = options.idempotencyKey;
    }
    if (UNSAFE_METHODS.has(method)) {
      const token = await this.csrfToken();
      if (token) {
        headers[CSRF_HEADER] = token;
      }
    }
    const response = await this.fetchImpl(path + toQueryString(options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : raw ? (options.body as string) : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
    if (!response.ok) {
      const problem = await parseProblem(response);
      if (response.status === 401 && options.redirectOnUnauthorized !== false) {
        this.onUnauthorized();
      }
      throw new ApiError(problem);
    }
    if (response.status === 204) {
      return undefined as T;
    }
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /**
   * The token to echo, read anew before every change because the server issues a new one at sign-in. Any answer of
   * the server sets the cookie, so when it is missing one harmless request fetches it.
   */
  private async csrfToken(): Promise<string | undefined> {
    const token = readCookie(this.readCookies(), CSRF_COOKIE);
    if (token) {
      return token;
    }
    await this.fetchImpl(SESSION_PATH, { method: 'GET', credentials: 'same-origin' }).catch(() => undefined);
    return readCookie(this.readCookies(), CSRF_COOKIE);
  }
}

/** The client every page uses. */
export const api = new ApiClient();
