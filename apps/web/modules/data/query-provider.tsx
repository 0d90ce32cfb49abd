'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ProblemError } from './api-client';

/** A refusal (4xx) will be refused again: only network failures and server faults are worth a retry. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (!(error instanceof ProblemError)) return true;
  const { status } = error.problem;
  return status === 0 || status >= 500;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // What a page shows stays fresh for 30 s: moving between pages does not refetch what was just read;
      // a change made here invalidates its own queries at once.
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}

/** TanStack Query for the signed-in app and the portal (one client per browser tab). */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
