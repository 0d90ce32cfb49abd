import type { KeyboardCoordinateGetter } from '@dnd-kit/core';

interface Rect {
  left: number;
  width: number;
}

/**
 * The column a keyboard drag lands on: the next one to the right (`step` 1) or the left (-1) as they appear
 * on screen (by their centres, so a right-to-left page works too), staying put at either end.
 */
export function neighbourColumn<Id>(rects: ReadonlyMap<Id, Rect>, fromId: Id, step: 1 | -1): Id | undefined {
  const ordered = [...rects.entries()].sort(([, a], [, b]) => a.left + a.width / 2 - (b.left + b.width / 2));
  const index = ordered.findIndex(([id]) => id === fromId);
  if (index === -1) return undefined;
  return ordered[index + step]?.[0];
}

/**
 * The keyboard sensor's moves on the board: ArrowRight / ArrowLeft carry the card to the next column (keeping
 * its offset inside the column, so it lands over it), the other keys do nothing (the board is not sorted by
 * hand: a column is ordered by last change). Space or Enter drops, Escape puts it back (the sensor's defaults).
 */
export const columnCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const step = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
  if (step === 0) {
    // Up and down would only scroll the page under a card that cannot go anywhere.
    if (event.code === 'ArrowUp' || event.code === 'ArrowDown') event.preventDefault();
    return undefined;
  }
  event.preventDefault();
  const { over, active, droppableRects } = context;
  const fromId = over?.id ?? (active?.data.current as { lead?: { stageId: string } } | undefined)?.lead?.stageId;
  if (fromId === undefined) return undefined;
  const from = droppableRects.get(fromId);
  const targetId = neighbourColumn(droppableRects, fromId, step);
  const target = targetId === undefined ? undefined : droppableRects.get(targetId);
  if (!from || !target) return undefined;
  return { x: target.left + (currentCoordinates.x - from.left), y: currentCoordinates.y };
};
