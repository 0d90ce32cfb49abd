import { describe, expect, it } from 'vitest';
import { clockOffset, formatCountdown, timeoutPhase, WARNING_LEAD_MS } from './session-timeout';

const at = (iso: string) => Date.parse(iso);
const limits = { idleExpiresAt: '2026-11-24T20:00:00Z', expiresAt: '2026-12-20T08:00:00Z' };

describe('timeoutPhase', () => {
  it('is quiet until five minutes before the idle limit, then warns that a refresh helps', () => {
    expect(timeoutPhase(limits, at('2026-11-24T19:54:59Z'), 0)).toEqual({
      phase: 'active',
      warnAt: at('2026-11-24T20:00:00Z') - WARNING_LEAD_MS,
    });
    expect(timeoutPhase(limits, at('2026-11-24T19:57:00Z'), 0)).toEqual({
      phase: 'warning',
      endsAt: at('2026-11-24T20:00:00Z'),
      msLeft: 3 * 60_000,
      renewable: true,
    });
    expect(timeoutPhase(limits, at('2026-11-24T20:00:00Z'), 0)).toEqual({ phase: 'ended' });
  });

  it('says the absolute limit cannot be renewed', () => {
    const last = { idleExpiresAt: '2026-12-20T08:00:00Z', expiresAt: '2026-12-20T08:00:00Z' };
    expect(timeoutPhase(last, at('2026-12-20T07:58:00Z'), 0)).toMatchObject({ phase: 'warning', renewable: false });
  });

  it('reads the expiries on the server’s clock: a browser running 10 minutes fast does not sign out early', () => {
    const tenMinutesFast = at('2026-11-24T20:05:00Z'); // the server says 19:55
    const offset = -10 * 60_000;
    expect(timeoutPhase(limits, tenMinutesFast, offset)).toMatchObject({ phase: 'warning', msLeft: 5 * 60_000 });
    expect(timeoutPhase(limits, tenMinutesFast, 0)).toEqual({ phase: 'ended' });
  });
});

describe('clockOffset and formatCountdown', () => {
  it('takes the offset from the Date header, or none', () => {
    expect(clockOffset('Tue, 24 Nov 2026 20:00:00 GMT', at('2026-11-24T20:00:03Z'))).toBe(-3000);
    expect(clockOffset(null, 123)).toBe(0);
    expect(clockOffset('garbage', 123)).toBe(0);
  });

  it('counts down in minutes and seconds, never below zero', () => {
    expect(formatCountdown(4 * 60_000 + 5_000)).toBe('4:05');
    expect(formatCountdown(59_001)).toBe('1:00');
    expect(formatCountdown(-10)).toBe('0:00');
  });
});
