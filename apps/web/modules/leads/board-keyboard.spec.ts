import { describe, expect, it } from 'vitest';
import { neighbourColumn } from './board-keyboard';

describe('neighbourColumn', () => {
  const rects = new Map([
    ['contacted', { left: 300, width: 280 }],
    ['new', { left: 0, width: 280 }],
    ['won', { left: 600, width: 280 }],
  ]);

  it('steps to the column on screen to the right or the left, whatever the map’s order', () => {
    expect(neighbourColumn(rects, 'new', 1)).toBe('contacted');
    expect(neighbourColumn(rects, 'contacted', 1)).toBe('won');
    expect(neighbourColumn(rects, 'contacted', -1)).toBe('new');
  });

  it('stays put at either end and for an unknown column', () => {
    expect(neighbourColumn(rects, 'won', 1)).toBeUndefined();
    expect(neighbourColumn(rects, 'new', -1)).toBeUndefined();
    expect(neighbourColumn(rects, 'missing', 1)).toBeUndefined();
  });
});
