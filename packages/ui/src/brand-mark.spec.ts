import type { ReactElement, ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { BrandMark } from './brand-mark.js';

// No DOM and no react-dom here: the component is a pure function, so its element tree is inspected directly.
type Tree = ReactElement<Record<string, unknown> & { children?: ReactNode }>;

function parts(element: ReactElement) {
  const [symbol, wordmark] = (element as Tree).props.children as [Tree, Tree | null];
  return { symbol: symbol.props, wordmark };
}

describe('BrandMark', () => {
  it('names itself with the visible wordmark and hides the symbol from assistive technology', () => {
    const { symbol, wordmark } = parts(BrandMark({}));
    expect(wordmark?.props.children).toBe('OnTrack');
    expect(symbol['aria-hidden']).toBe(true);
    expect(symbol.role).toBeUndefined();
  });

  it('gives the symbol the accessible name when it stands alone', () => {
    const { symbol, wordmark } = parts(BrandMark({ iconOnly: true }));
    expect(wordmark).toBeNull();
    expect(symbol.role).toBe('img');
    expect(symbol['aria-label']).toBe('OnTrack');
    expect(symbol['aria-hidden']).toBeUndefined();
  });
});
