import { describe, expect, it } from 'vitest';
import { InvalidConfigError, loadConfig } from './load-config.js';

const valid = { APP_DATABASE_URL: 'postgres://ontrack_app:secret@127.0.0.1:5432/ontrack' };

describe('loadConfig', () => {
  it('applies defaults to a minimal environment', () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({ API_HOST: '127.0.0.1', API_PORT: 4000, LOG_LEVEL: 'info', API_DOCS_ENABLED: true });
    expect(config.REDIS_URL).toBeUndefined();
  });

  it('names a missing variable', () => {
    expect(() => loadConfig({})).toThrow(/APP_DATABASE_URL is missing/);
  });

  it('names every invalid variable at once, without echoing its value', () => {
    try {
      loadConfig({ ...valid, API_PORT: 'eighty', REDIS_URL: 'http://secret-host:6379', API_DOCS_ENABLED: 'yes' });
      expect.unreachable('loadConfig accepted invalid values');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidConfigError);
      const { problems, message } = error as InvalidConfigError;
      expect(problems.map((line) => line.split(' ')[0])).toEqual(['API_PORT', 'REDIS_URL', 'API_DOCS_ENABLED']);
      expect(message).not.toContain('secret-host');
    }
  });

  it('refuses an audit signing key that is not an Ed25519 private key, naming the variable', () => {
    expect(() => loadConfig({ ...valid, AUDIT_SIGNING_KEY: '-----BEGIN PRIVATE KEY-----\nnope' })).toThrow(
      /AUDIT_SIGNING_KEY is invalid: must be an Ed25519 private key/,
    );
  });

  it('reads booleans literally ("false" is false)', () => {
    expect(loadConfig({ ...valid, API_DOCS_ENABLED: 'false' }).API_DOCS_ENABLED).toBe(false);
  });
});
