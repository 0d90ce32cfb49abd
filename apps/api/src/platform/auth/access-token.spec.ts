import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppConfig } from '../config/config.schema.js';
import { AccessTokens, InvalidAccessTokenError } from './access-token.js';

const USER = '01970000-0000-7000-8000-0000000000b1';
const SESSION = '01970000-0000-7000-8000-0000000000c1';
const tokens = (secret = 'a'.repeat(32)) => new AccessTokens({ AUTH_JWT_SECRET: secret } as AppConfig);

describe('AccessTokens', () => {
  afterEach(() => vi.useRealTimers());

  it('verifies what it signed, the same way every time the same token is presented', async () => {
    const signer = tokens();
    const token = await signer.sign({ sub: USER, sid: SESSION });
    const first = await signer.verify(token);
    expect(first).toEqual({ sub: USER, sid: SESSION, tid: undefined, mfa: undefined });
    expect(await signer.verify(token)).toEqual(first);
  });

  it('refuses a remembered token once it has expired', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-24T12:00:00Z'), toFake: ['Date'] });
    const signer = tokens();
    const token = await signer.sign({ sub: USER }, 60);
    await signer.verify(token);
    vi.setSystemTime(new Date('2026-11-24T12:00:59Z'));
    await expect(signer.verify(token)).resolves.toMatchObject({ sub: USER });
    vi.setSystemTime(new Date('2026-11-24T12:01:00Z'));
    await expect(signer.verify(token)).rejects.toThrow('the access token has expired');
  });

  it('never remembers a failure: a token signed with another key, or altered, is refused every time', async () => {
    const signer = tokens();
    const foreign = await tokens('b'.repeat(32)).sign({ sub: USER });
    const genuine = await signer.sign({ sub: USER });
    const [header, , signature] = genuine.split('.');
    const altered = `${header}.${Buffer.from(JSON.stringify({ sub: SESSION })).toString('base64url')}.${signature}`;
    for (const token of [foreign, foreign, altered, altered]) {
      await expect(signer.verify(token)).rejects.toBeInstanceOf(InvalidAccessTokenError);
    }
  });
});
