import { afterEach, describe, expect, it, vi } from 'vitest';
import { isOverdue, todayIn } from './follow-up';

describe('follow-up dates', () => {
  afterEach(() => vi.useRealTimers());

  it('reads today on the business’s clock, not the viewer’s', () => {
    vi.useFakeTimers();
    // 03:30 UTC on March 17 is still March 16 in Austin (UTC-5 in daylight time).
    vi.setSystemTime(new Date('2026-03-17T03:30:00Z'));
    expect(todayIn('America/Chicago')).toBe('2026-03-16');
    expect(todayIn('UTC')).toBe('2026-03-17');
  });

  it('is overdue only before today', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-17T03:30:00Z'));
    expect(isOverdue('2026-03-15', 'America/Chicago')).toBe(true);
    expect(isOverdue('2026-03-16', 'America/Chicago')).toBe(false);
    expect(isOverdue('2026-03-16', 'UTC')).toBe(true);
    expect(isOverdue(null, 'UTC')).toBe(false);
  });
});
