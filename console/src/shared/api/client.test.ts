import { describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError, parseProblem, readCookie, toQueryString } from './client';

interface Call {
  url: string;
  init: RequestInit;
}

function json(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': contentType },
  });
}

/** A client whose server answers from a list, recording every request, with cookies the test controls. */
function fakeServer(answers: Response[], cookies = { value: '' }) {
  const calls: Call[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init: init ?? {} });
    const answer = answers.shift();
    if (!answer) {
      throw new Error(`unexpected request to ${String(input)}`);
    }
    return answer;
  });
  const onUnauthorized = vi.fn();
  const client = new ApiClient({ fetch: fetchStub as typeof fetch, readCookies: () => cookies.value, onUnauthorized });
  return { client, calls, cookies, onUnauthorized };
}

function header(call: Call, name: string): string | undefined {
  return (call.init.headers as Record<string, string> | undefined)?.[name];
}

describe('ApiClient', () => {
  it('sends the CSRF cookie back in a header on every change, read anew each time', async () => {
    const cookies = { value: 'SIYU_SESSION=abc; XSRF-TOKEN=first' };
    const { client, calls } = fakeServer([json(200, { ok: true }), json(200, { ok: true })], cookies);

    await client.post('/api/v1/write-keys', { name: 'shop' });
    cookies.value = 'XSRF-TOKEN=second%2Bvalue; other=1';
    await client.delete('/api/v1/write-keys/1');

    expect(header(calls[0], 'X-XSRF-TOKEN')).toBe('first');
    expect(header(calls[1], 'X-XSRF-TOKEN')).toBe('second+value');
    expect(calls[0].init.body).toBe('{"name":"shop"}');
    expect(header(calls[0], 'Content-Type')).toBe('application/json');
  });

  it('sends a text body as it is when given its media type', async () => {
    const { client, calls } = fakeServer([json(200, { assigned: 2 })], { value: 'XSRF-TOKEN=token' });

    await client.post('/api/v1/tags/1/assignments', '42\nphone:+8613800138000\n', { contentType: 'text/csv' });

    expect(calls[0].init.body).toBe('42\nphone:+8613800138000\n');
    expect(header(calls[0], 'Content-Type')).toBe('text/csv');
    expect(header(calls[0], 'X-XSRF-TOKEN')).toBe('token');
  });

  it('sends an idempotency key when given one, so the server answers a retry as the first', async () => {
    const { client, calls } = fakeServer([json(201, { id: 1 }), json(200, [])], { value: 'XSRF-TOKEN=token' });

    await client.post('/api/v1/customers/7/points/adjustments', { points: 5, reason: 'x' }, { idempotencyKey: 'k-1' });
    await client.get('/api/v1/write-keys');

    expect(header(calls[0], 'Idempotency-Key')).toBe('k-1');
    expect(header(calls[1], 'Idempotency-Key')).toBeUndefined();
  });

  it('sends no CSRF header with reads', async () => {
    const { client, calls } = fakeServer([json(200, [])], { value: 'XSRF-TOKEN=token' });

    await client.get('/api/v1/operators');

    expect(header(calls[0], 'X-XSRF-TOKEN')).toBeUndefined();
    expect(calls[0].init.method).toBe('GET');
    expect(calls[0].init.credentials).toBe('same-origin');
  });

  it('asks the server for a CSRF cookie before a change when it has none yet', async () => {
    let cookies = '';
    const urls: string[] = [];
    const sent: (string | undefined)[] = [];
    const fetchStub = async (input: RequestInfo | URL, init?: RequestInit) => {
      urls.push(String(input));
      sent.push((init?.headers as Record<string, string> | undefined)?.['X-XSRF-TOKEN']);
      if (String(input) === '/api/v1/session') {
        cookies = 'XSRF-TOKEN=fresh'; // every answer of the server sets it
        return json(401, { status: 401 });
      }
      return json(200, { id: 2 });
    };
    const client = new ApiClient({ fetch: fetchStub as typeof fetch, readCookies: () => cookies });

    await client.patch('/api/v1/operators/2', { role: 'ANALYST' });

    expect(urls).toEqual(['/api/v1/session', '/api/v1/operators/2']);
    expect(sent[1]).toBe('fresh');
  });

  it('turns problem details into an ApiError with the detail and each field error', async () => {
    const problem = {
      type: '/problems/invalid-input',
      title: 'Invalid input',
      status: 400,
      detail: 'the request has 2 invalid fields',
      errors: [
        { field: 'name', rule: 'required', detail: 'must not be blank' },
        { field: 'password', rule: 'min-length', detail: 'must have at least 10 characters' },
      ],
    };
    const { client } = fakeServer([json(400, problem, 'application/problem+json')], { value: 'XSRF-TOKEN=t' });

    const error = await client.post('/api/v1/operators', {}).catch((failure: unknown) => failure);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.message).toBe('the request has 2 invalid fields');
    expect(apiError.problem.errors).toEqual(problem.errors);
  });

  it('keeps extension members such as retryAt', async () => {
    const { client } = fakeServer(
      [json(429, { status: 429, title: 'Too many attempts', detail: 'too many', retryAt: '2026-11-22T12:00:00Z' })],
      { value: 'XSRF-TOKEN=t' },
    );

    const error = (await client.post('/api/v1/session', {}, { redirectOnUnauthorized: false }).catch((e: unknown) => e)) as ApiError;

    expect(error.status).toBe(429);
    expect(error.problem.retryAt).toBe('2026-11-22T12:00:00Z');
  });

  it('reports a 401 as a lost session', async () => {
    const { client, onUnauthorized } = fakeServer([json(401, { status: 401, detail: 'sign in' })]);

    await expect(client.get('/api/v1/customers')).rejects.toBeInstanceOf(ApiError);

    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('leaves a 401 to the caller when asked to, as signing in does', async () => {
    const { client, onUnauthorized } = fakeServer([json(401, { status: 401, detail: 'wrong password' })], {
      value: 'XSRF-TOKEN=t',
    });

    await expect(client.post('/api/v1/session', {}, { redirectOnUnauthorized: false })).rejects.toMatchObject({ status: 401 });

    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('does not treat other failures as a lost session', async () => {
    const { client, onUnauthorized } = fakeServer([json(403, { status: 403, detail: 'your role does not allow this' })]);

    await expect(client.get('/api/v1/audit-log')).rejects.toMatchObject({ status: 403 });

    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('answers nothing for 204 No Content', async () => {
    const { client } = fakeServer([new Response(null, { status: 204 })], { value: 'XSRF-TOKEN=t' });

    await expect(client.put('/api/v1/operators/1/password', { password: '0123456789' })).resolves.toBeUndefined();
  });

  it('adds only the query parameters that have a value', async () => {
    const { client, calls } = fakeServer([json(200, { items: [] })]);

    await client.get('/api/v1/customers', { query: { q: ' 林 ', channel: '', minOrders: 0, cursor: undefined, limit: 50 } });

    expect(calls[0].url).toBe('/api/v1/customers?q=%E6%9E%97&minOrders=0&limit=50');
  });
});

describe('parseProblem', () => {
  it('keeps the status of an answer whose body is not JSON', async () => {
    const problem = await parseProblem(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));

    expect(problem).toEqual({ status: 502, title: 'Bad Gateway' });
  });

  it('keeps the status of an empty answer', async () => {
    const problem = await parseProblem(new Response(null, { status: 503 }));

    expect(problem.status).toBe(503);
  });

  it('ignores an errors member that is not a list', async () => {
    const problem = await parseProblem(json(400, { status: 400, errors: 'nope' }));

    expect(problem.errors).toBeUndefined();
  });
});

describe('readCookie', () => {
  it('finds a cookie among others and decodes it', () => {
    expect(readCookie('a=1; XSRF-TOKEN=x%3Dy; b=2', 'XSRF-TOKEN')).toBe('x=y');
    expect(readCookie('NOT-XSRF-TOKEN=1', 'XSRF-TOKEN')).toBeUndefined();
    expect(readCookie('', 'XSRF-TOKEN')).toBeUndefined();
  });
});

describe('toQueryString', () => {
  it('is empty without parameters', () => {
    expect(toQueryString(undefined)).toBe('');
    expect(toQueryString({ q: '  ', cursor: null })).toBe('');
  });
});
