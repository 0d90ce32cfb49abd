import { describe, expect, it } from 'vitest';
import { readCsrfToken, withCsrfHeader } from './csrf';

describe('readCsrfToken', () => {
  it('finds the CSRF cookie among others and decodes it', () => {
    expect(readCsrfToken('a=1; __Host-ontrack_csrf=abc%2Bdef; b=2')).toBe('abc+def');
  });

  it('is undefined without the cookie, or for a look-alike name', () => {
    expect(readCsrfToken('')).toBeUndefined();
    expect(readCsrfToken('x__Host-ontrack_csrf=abc; __Host-ontrack_csrf=')).toBeUndefined();
  });
});

describe('withCsrfHeader', () => {
  it('adds the header to unsafe methods only, and only when the cookie exists', () => {
    const cookies = '__Host-ontrack_csrf=tok';
    const url = 'http://127.0.0.1/api/v1/x';
    expect(withCsrfHeader(new Request(url, { method: 'DELETE' }), cookies).headers.get('x-csrf-token')).toBe('tok');
    expect(withCsrfHeader(new Request(url), cookies).headers.get('x-csrf-token')).toBeNull();
    expect(withCsrfHeader(new Request(url, { method: 'POST' }), '').headers.get('x-csrf-token')).toBeNull();
  });
});
