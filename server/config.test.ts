import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('fills in defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.PUBLIC_URL).toBe('http://localhost:3000');
    expect(config.publicOrigin).toBe('http://localhost:3000');
    expect(config.isHttps).toBe(false);
    expect(config.SECURITY_CONTACT).toBe('mailto:security@localhost');
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('derives the public URL from PORT and treats empty values as unset', () => {
    const config = loadConfig({ PORT: '4100', DATABASE_URL: '' });
    expect(config.PUBLIC_URL).toBe('http://localhost:4100');
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('turns on https behaviour for an https PUBLIC_URL and drops a trailing slash', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://stadshart.velsen.nl/' });
    expect(config.isHttps).toBe(true);
    expect(config.PUBLIC_URL).toBe('https://stadshart.velsen.nl');
    expect(config.SECURITY_CONTACT).toBe('mailto:security@stadshart.velsen.nl');
  });

  it('names every wrong variable and what it expects', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        SMTP_URL: 'mail.example.nl',
        TRUST_PROXY: 'maybe',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT: .*"eighty"/m);
    expect(problems).toMatch(/^DATABASE_URL: a postgres:\/\/ or postgresql:\/\/ connection URL/m);
    expect(problems).toMatch(/^SMTP_URL: an smtp:\/\/ or smtps:\/\/ URL/m);
    expect(problems).toMatch(/^TRUST_PROXY: /m);
  });
});
