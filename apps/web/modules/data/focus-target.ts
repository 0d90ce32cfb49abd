/**
 * The element to give focus back to: the visible one carrying `data-focus-key` (lists are drawn as a table on
 * wide screens and as cards on phones, so the same button exists twice, one of them hidden).
 */
export function visibleFocusTarget(key: string): HTMLElement | null {
  const candidates = document.querySelectorAll<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`);
  return [...candidates].find((element) => element.getClientRects().length > 0) ?? null;
}
