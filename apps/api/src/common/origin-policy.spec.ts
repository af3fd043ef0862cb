import { isOriginAllowed } from './origin-policy';

const config = { allowedOrigins: ['https://partner.example.org'], trustProxy: false as const };

describe('isOriginAllowed', () => {
  it('lets requests without an Origin through (scripts)', () => {
    expect(isOriginAllowed(undefined, { host: 'localhost:3000' }, false, config)).toBe(true);
  });

  it('allows the app’s own origin and listed origins only', () => {
    expect(isOriginAllowed('http://localhost:3000', { host: 'localhost:3000' }, false, config)).toBe(true);
    expect(isOriginAllowed('https://partner.example.org', { host: 'localhost:3000' }, false, config)).toBe(true);
    expect(isOriginAllowed('http://localhost:3001', { host: 'localhost:3000' }, false, config)).toBe(false);
    expect(isOriginAllowed('https://localhost:3000', { host: 'localhost:3000' }, false, config)).toBe(false);
    expect(isOriginAllowed('https://evil.example', { host: 'localhost:3000' }, false, config)).toBe(false);
  });

  it('never allows Origin: null', () => {
    expect(isOriginAllowed('null', { host: 'localhost:3000' }, false, config)).toBe(false);
  });

  it('uses forwarded headers only when the proxy is trusted', () => {
    const headers = { host: 'api:3000', 'x-forwarded-host': 'samverkan.example.se', 'x-forwarded-proto': 'https' };
    expect(isOriginAllowed('https://samverkan.example.se', headers, false, config)).toBe(false);
    expect(isOriginAllowed('https://samverkan.example.se', headers, false, { ...config, trustProxy: 1 })).toBe(true);
  });
});
