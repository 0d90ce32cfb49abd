'use client';

import { type RefObject, useEffect } from 'react';

/**
 * Moves focus to `ref` each time `shown` becomes a new truthy value (an alert for a new problem), after React
 * has committed it. A frame callback set where the state changes can run before that commit on a busy device,
 * and the alert would appear without focus (so without being read out as the place to look).
 */
export function useFocusOnShow(ref: RefObject<HTMLElement | null>, shown: unknown): void {
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [ref, shown]);
}
