import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadDatabaseUrl } from '../../domain/config.js';

const valid = {
  DATABASE_URL: 'postgres://tandem:pw@localhost:5432/tandem',
  PUBLIC_BASE_URL: 'https://mentoring.example.org/',
  ADMIN_USER: 'admin',
  ADMIN_PASSWORD: 'a long enough password',
  SESSION_SECRET: 's'.repeat(32),
  LINK_SECRET: 'l'.repeat(32),
  PAYLOAD_KEYS: `2026-11:${Buffer.alloc(32, 7).toString('base64')}`,
};

describe('loadConfig', () => {
  it('applies defaults and shapes the config', () => {
    const config = loadConfig(valid);
    expect(config.temporal).toEqual({
      address: 'localhost:7233',
      namespace: 'default',
      taskQueue: 'tandem',
      uiUrl: 'http://localhost:8233',
    });
    expect(config.publicBaseUrl).toBe('https://mentoring.example.org');
    expect(config.port).toBe(3000);
    expect(config.email).toEqual({ from: 'Tandem <tandem@localhost>', requestsPerSecond: 5 });
    expect(loadConfig({ ...valid, EMAIL_REQUESTS_PER_SECOND: '10' }).email.requestsPerSecond).toBe(10);
    expect(() => loadConfig({ ...valid, EMAIL_REQUESTS_PER_SECOND: '0' })).toThrow(/EMAIL_REQUESTS_PER_SECOND.* must be above 0/);
    expect(loadConfig({ ...valid, RESEND_API_KEY: 're_x', RESEND_BASE_URL: 'http://127.0.0.1:9999' }).email.resend).toEqual({
      apiKey: 're_x',
      baseUrl: 'http://127.0.0.1:9999',
    });
  });

  it("reads the organisation's OpenID provider, and refuses one without its client", () => {
    expect(loadConfig(valid).sso).toBeUndefined();
    const sso = { OIDC_ISSUER: 'https://login.example.org/realms/alumni', OIDC_CLIENT_ID: 'tandem', OIDC_CLIENT_SECRET: 'secret' };
    expect(
      loadConfig({ ...valid, ...sso, OIDC_ALLOWED_DOMAINS: ' Alumni-Lyon.org, @staff.alumni-lyon.org', OIDC_ROLE: 'manager' }).sso,
    ).toEqual({
      issuer: 'https://login.example.org/realms/alumni',
      clientId: 'tandem',
      clientSecret: 'secret',
      name: 'your organisation',
      allowedDomains: ['alumni-lyon.org', 'staff.alumni-lyon.org'],
      role: 'manager',
    });
    expect(() => loadConfig({ ...valid, OIDC_ISSUER: sso.OIDC_ISSUER })).toThrow(/OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required/);
    expect(() => loadConfig({ ...valid, ...sso, OIDC_ALLOWED_DOMAINS: 'not a domain' })).toThrow(
      /OIDC_ALLOWED_DOMAINS.* must be email domains/,
    );
    expect(() => loadConfig({ ...valid, ...sso, OIDC_ROLE: 'admin' })).toThrow(/OIDC_ROLE must be one of owner, manager, viewer/);
  });

  it('names every bad or missing variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ ...valid, DATABASE_URL: 'mysql://x', LINK_SECRET: 'short', PORT: 'eighty', ADMIN_PASSWORD: '' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'DATABASE_URL must start with postgres://',
      'PORT must be a port number',
      'ADMIN_PASSWORD is required (the admin password)',
      'LINK_SECRET must be at least 32 characters',
    ]);
    expect(String(error)).toContain('See .env.example');
  });

  it('lets the migrate command run with the database URL alone', () => {
    expect(loadDatabaseUrl({ DATABASE_URL: valid.DATABASE_URL })).toBe(valid.DATABASE_URL);
    expect(() => loadDatabaseUrl({})).toThrow(/DATABASE_URL is required/);
  });
});
