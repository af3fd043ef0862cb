import { createApiFetch, type ApiCredentials } from './api-client';
import { ApiError } from './api-error';

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

function setup(response: Response | Error, token: string | null = 'token-1') {
  const unauthorized = jest.fn<void, [string]>();
  const credentials: ApiCredentials = { token: () => token, unauthorized };
  const fetchMock = jest.fn<Promise<Response>, [string, RequestInit]>(async () => {
    if (response instanceof Error) throw response;
    return response;
  });
  return {
    apiFetch: createApiFetch(credentials, fetchMock as unknown as typeof fetch),
    fetchMock,
    unauthorized,
  };
}

describe('apiFetch', () => {
  it('sends the bearer token and JSON, and returns the parsed body', async () => {
    const { apiFetch, fetchMock } = setup(jsonResponse(200, { ok: true }));

    await expect(apiFetch('/api/things', { method: 'POST', body: { name: 'x' } })).resolves.toEqual({
      ok: true,
    });

    const [path, init] = fetchMock.mock.calls[0];
    expect(path).toBe('/api/things');
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"name":"x"}');
    expect(init.headers).toMatchObject({
      Authorization: 'Bearer token-1',
      'Content-Type': 'application/json',
    });
  });

  it('sends no token when auth is false', async () => {
    const { apiFetch, fetchMock } = setup(jsonResponse(200, {}));
    await apiFetch('/api/auth/login', { method: 'POST', body: {}, auth: false });
    expect(fetchMock.mock.calls[0][1].headers).not.toHaveProperty('Authorization');
  });

  it('sends a given token instead of the current one, and a 401 on it signs nobody out', async () => {
    const { apiFetch, fetchMock, unauthorized } = setup(jsonResponse(401, { statusCode: 401 }), null);
    await expect(apiFetch('/api/auth/logout', { method: 'POST', token: 'ended', keepalive: true })).rejects.toThrow();
    expect(fetchMock.mock.calls[0][1].headers).toMatchObject({ Authorization: 'Bearer ended' });
    expect(fetchMock.mock.calls[0][1].keepalive).toBe(true);
    expect(unauthorized).not.toHaveBeenCalled();
  });

  it('returns undefined for 204', async () => {
    const { apiFetch } = setup(new Response(null, { status: 204 }));
    await expect(apiFetch('/api/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });

  it("turns the contract's error body into an ApiError", async () => {
    const body = {
      statusCode: 400,
      error: 'Bad Request',
      message: 'name: too long',
      details: [{ field: 'name', message: 'too long' }],
    };
    const { apiFetch } = setup(jsonResponse(400, body));

    const error = await apiFetch('/api/sites').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      error: 'Bad Request',
      message: 'name: too long',
      details: body.details,
    });
  });

  it('reads Retry-After on 429', async () => {
    const body = { statusCode: 429, error: 'Too Many Requests', message: 'wait' };
    const { apiFetch } = setup(jsonResponse(429, body, { 'Retry-After': '42' }));
    await expect(apiFetch('/api/auth/login', { auth: false })).rejects.toMatchObject({
      status: 429,
      retryAfterSeconds: 42,
    });
  });

  it('gives a typed error for a body that is not JSON', async () => {
    const { apiFetch } = setup(
      new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    await expect(apiFetch('/api/sites')).rejects.toMatchObject({
      status: 502,
      error: 'Bad Gateway',
      details: [],
    });
  });

  it('reports a failed connection as status 0', async () => {
    const { apiFetch } = setup(new TypeError('Failed to fetch'));
    const error = await apiFetch<unknown>('/api/sites').catch((caught: ApiError) => caught);
    expect(error).toMatchObject({ status: 0, isNetworkError: true });
  });

  it('tells the credentials when a token stops working', async () => {
    const body = { statusCode: 401, error: 'Unauthorized', message: 'Not signed in' };
    const { apiFetch, unauthorized } = setup(jsonResponse(401, body));
    await expect(apiFetch('/api/sites')).rejects.toMatchObject({ status: 401 });
    expect(unauthorized).toHaveBeenCalledWith('token-1');
  });

  it('does not sign anyone out for a 401 on a call made without a token (a wrong password)', async () => {
    const body = { statusCode: 401, error: 'Unauthorized', message: 'Wrong e-mail or password' };
    const { apiFetch, unauthorized } = setup(jsonResponse(401, body));
    await expect(
      apiFetch('/api/auth/login', { method: 'POST', body: {}, auth: false }),
    ).rejects.toMatchObject({ status: 401 });
    expect(unauthorized).not.toHaveBeenCalled();
  });
});
