import { type ReactNode, useSyncExternalStore } from 'react';

// toast(): show a toast from anywhere (an event handler, a mutation's onError). The queue is plain state with
// no UI: <Toaster /> (toast.tsx) renders it.

export type ToastVariant = 'neutral' | 'success' | 'danger';

export interface ToastMessage {
  id: number;
  title: ReactNode;
  description?: ReactNode;
  variant?: ToastVariant;
  action?: { label: string; altText: string; onClick: () => void };
  /** Milliseconds before it closes; Radix pauses the timer while the toast is hovered or focused. */
  duration?: number;
}

let messages: ToastMessage[] = [];
let lastId = 0;
const listeners = new Set<() => void>();
const emit = () => {
  for (const listener of listeners) listener();
};

/** Queues a toast for the mounted <Toaster />; returns its id for dismissToast. */
export function toast(message: Omit<ToastMessage, 'id'>): number {
  lastId += 1;
  messages = [...messages, { ...message, id: lastId }];
  emit();
  return lastId;
}

export function dismissToast(id: number): void {
  messages = messages.filter((message) => message.id !== id);
  emit();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const snapshot = () => messages;
const noMessages: ToastMessage[] = [];

/** The queued toasts, re-rendering when one is added or dismissed. */
export function useToastMessages(): ToastMessage[] {
  return useSyncExternalStore(subscribe, snapshot, () => noMessages);
}
