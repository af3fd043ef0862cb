import { Factory } from '../support/factories';
import { request } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';

describe('operations', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp();
  });
  afterAll(() => test.close());

  it('GET /api/health answers ok when the database answers', async () => {
    const response = await request(test.baseUrl, 'GET', '/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('tells the browser app the tile template and whom to credit for the tiles, before sign-in', async () => {
    const response = await request(test.baseUrl, 'GET', '/api/client-config');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ tileUrl: expect.stringContaining('{z}'), tileAttribution: null });

    const credited = await startTestApp({ env: { TILE_ATTRIBUTION: '© Lantmäteriet' } });
    try {
      const answer = await request(credited.baseUrl, 'GET', '/api/client-config');
      expect(answer.body).toMatchObject({ tileAttribution: '© Lantmäteriet' });
    } finally {
      await credited.close();
    }
  });

  it('answers an unknown /api path with a JSON 404, not the web page', async () => {
    const response = await request(test.baseUrl, 'GET', '/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('serves the web app at / and for the app’s own paths', async () => {
    for (const path of ['/', '/zones/some-zone']) {
      const response = await fetch(test.baseUrl + path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toContain('<div id="app"');
    }
  });

  it('publishes the OpenAPI description generated from the DTOs', async () => {
    const response = await request(test.baseUrl, 'GET', '/api/docs/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.paths['/api/auth/login']).toBeDefined();
    expect(response.body.components.schemas.CreateUserDto.properties.password).toBeDefined();
    expect((await fetch(`${test.baseUrl}/api/docs`)).status).toBe(200);
  });

  it('refuses a JSON body over 1 MB with 413 and bad JSON with 400, in the error format', async () => {
    const factory = await Factory.create(test.baseUrl);
    const big = await factory.admin.post('/api/organisations', { name: 'x', kind: 'service', padding: 'x'.repeat(1_100_000) });
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    const broken = await factory.admin.post('/api/organisations', undefined, { rawBody: '{"name": ' });
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ statusCode: 400, message: 'The request body is not valid JSON' });
  });

  it('sends security headers and a request id', async () => {
    const response = await fetch(`${test.baseUrl}/api/health`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('gives CORS headers only to the app’s own origin and listed ones', async () => {
    const own = new URL(test.baseUrl).origin;
    const fromOwn = await fetch(`${test.baseUrl}/api/health`, { headers: { origin: own } });
    expect(fromOwn.headers.get('access-control-allow-origin')).toBe(own);
    const foreign = await fetch(`${test.baseUrl}/api/health`, { headers: { origin: 'https://evil.example' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const nullOrigin = await fetch(`${test.baseUrl}/api/health`, { headers: { origin: 'null' } });
    expect(nullOrigin.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('running the migrations again does nothing and harms nothing', async () => {
    const before = await test.dataSource.query('SELECT count(*)::int AS n FROM migrations');
    expect(await test.dataSource.runMigrations()).toEqual([]);
    const second = await startTestApp();
    await second.close();
    const after = await test.dataSource.query('SELECT count(*)::int AS n FROM migrations');
    expect(after[0].n).toBe(before[0].n);
    expect(await test.dataSource.showMigrations()).toBe(false);
  });
});
