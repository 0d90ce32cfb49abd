'use client';

import type { PropertyView } from '@ontrack/schemas/properties';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../data/api-client';
import { contactKeys } from './contacts-api';

// The reads of the contact page's sections (properties, leads, history), apart from the list's.

export function useContactProperties(contactId: string, enabled: boolean) {
  return useQuery<PropertyView[]>({
    queryKey: contactKeys.properties(contactId),
    // A contact has a handful of addresses; the API's largest page holds them all.
    queryFn: async () =>
      (await unwrap(() => api.GET('/api/v1/properties', { params: { query: { contactId, limit: 100 } } }))).items,
    enabled,
  });
}

export function useContactLeads(contactId: string, enabled: boolean) {
  return useQuery({
    queryKey: contactKeys.leads(contactId),
    queryFn: async () =>
      (await unwrap(() => api.GET('/api/v1/leads', { params: { query: { contactId, limit: 100 } } }))).items,
    enabled,
  });
}

/** Stage names for the contact's leads (a lead names its stage by id). */
export function useLeadStages(enabled: boolean) {
  return useQuery({
    queryKey: contactKeys.leadStages,
    queryFn: () => unwrap(() => api.GET('/api/v1/lead-stages', { params: { query: { archived: 'include' } } })),
    enabled,
  });
}

export const TIMELINE_PAGE_SIZE = 20;

export function useContactTimeline(contactId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: contactKeys.timeline(contactId),
    queryFn: ({ pageParam }: { pageParam: string | undefined }) =>
      unwrap(() =>
        api.GET('/api/v1/activity/entities/{entityType}/{entityId}', {
          params: {
            path: { entityType: 'contact', entityId: contactId },
            query: { limit: TIMELINE_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/** The people of the business, to name who did what in the history (asked only with users:read). */
export function useTimelineMembers(enabled: boolean) {
  return useQuery({
    queryKey: contactKeys.members,
    queryFn: () => unwrap(() => api.GET('/api/v1/members')),
    enabled,
  });
}
