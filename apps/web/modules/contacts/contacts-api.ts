'use client';

import type { ContactView } from '@ontrack/schemas/contacts';
import { type InfiniteData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../data/api-client';
import type { ContactListQuery } from './contact-filters';

/** Contacts per request: a screenful on a desk, quick on a phone. */
export const CONTACT_PAGE_SIZE = 25;

/** Every key starts with `contacts`, so one call can drop them all. */
export const contactKeys = {
  all: ['contacts'] as const,
  lists: ['contacts', 'list'] as const,
  list: (query: ContactListQuery) => ['contacts', 'list', query] as const,
  detail: (id: string) => ['contacts', 'detail', id] as const,
  /** The duplicates the API warned about when this page's contact was created (kept in memory only). */
  duplicates: (id: string) => ['contacts', 'duplicates', id] as const,
  properties: (id: string) => ['contacts', 'properties', id] as const,
  leads: (id: string) => ['contacts', 'leads', id] as const,
  leadStages: ['contacts', 'lead-stages'] as const,
  timeline: (id: string) => ['contacts', 'timeline', id] as const,
  /** The people of the business, named in the history (this module's own shape of GET /members). */
  members: ['contacts', 'members'] as const,
};

/** If-Match for a version the page read: the API's ETag is the quoted version. */
export const ifMatch = (version: number) => `"${version}"`;

export type ContactDuplicate = { id: string; displayName: string; matchedOn: 'email' | 'phone'; value: string };
export interface ContactPage {
  items: ContactView[];
  nextCursor: string | null;
}

export function useContactList(query: ContactListQuery) {
  return useInfiniteQuery<
    ContactPage,
    Error,
    InfiniteData<ContactPage, string | undefined>,
    ReturnType<typeof contactKeys.list>,
    string | undefined
  >({
    queryKey: contactKeys.list(query),
    queryFn: ({ pageParam }) =>
      unwrap(() =>
        api.GET('/api/v1/contacts', {
          params: { query: { ...query, limit: CONTACT_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useContact(id: string) {
  return useQuery<ContactView>({
    queryKey: contactKeys.detail(id),
    queryFn: () => unwrap(() => api.GET('/api/v1/contacts/{id}', { params: { path: { id } } })),
  });
}

/** The warning of a create, handed from the "New contact" dialog to the new contact's page. */
export function useCreatedDuplicates(id: string) {
  return useQuery<ContactDuplicate[]>({
    queryKey: contactKeys.duplicates(id),
    queryFn: () => [],
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}

/** After a change the contact's page, the lists and its timeline show it. */
export function useContactChanged() {
  const client = useQueryClient();
  return async (contact: ContactView) => {
    client.setQueryData(contactKeys.detail(contact.id), contact);
    await Promise.all([
      client.invalidateQueries({ queryKey: contactKeys.lists }),
      client.invalidateQueries({ queryKey: contactKeys.timeline(contact.id) }),
    ]);
  };
}

export function useDeleteContact() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      unwrap(() =>
        api.DELETE('/api/v1/contacts/{id}', { params: { path: { id }, header: { 'If-Match': ifMatch(version) } } }),
      ),
    onSuccess: async (_nothing, { id }) => {
      await Promise.all([
        // The page shows it in the trash (the API still returns it, with deletedAt).
        client.invalidateQueries({ queryKey: contactKeys.detail(id) }),
        client.invalidateQueries({ queryKey: contactKeys.lists }),
        client.invalidateQueries({ queryKey: contactKeys.timeline(id) }),
      ]);
    },
  });
}

export function useRestoreContact() {
  const changed = useContactChanged();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      unwrap(() =>
        api.POST('/api/v1/contacts/{id}/restore', {
          params: { path: { id }, header: { 'If-Match': ifMatch(version) } },
        }),
      ) as Promise<ContactView>,
    onSuccess: changed,
  });
}
