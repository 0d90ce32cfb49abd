'use client';

import type { ContactView } from '@ontrack/schemas/contacts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../data/api-client';
import type { ContactPatch, CreateContactBody } from './contact-form';
import { type ContactDuplicate, contactKeys, ifMatch, useContactChanged } from './contacts-api';

// The writes of the contact forms, apart from contacts-api.ts: only the forms (loaded when opened) need them.

export function useCreateContact() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: CreateContactBody; key: string }) => createContact(body, key),
    onSuccess: async ({ contact, duplicates }) => {
      client.setQueryData(contactKeys.detail(contact.id), contact);
      client.setQueryData(contactKeys.duplicates(contact.id), duplicates);
      await client.invalidateQueries({ queryKey: contactKeys.lists });
    },
  });
}

function createContact(body: CreateContactBody, idempotencyKey: string) {
  return unwrap(() =>
    api.POST('/api/v1/contacts', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body }),
  ) as Promise<{ contact: ContactView; duplicates: ContactDuplicate[] }>;
}

export function useUpdateContact() {
  const changed = useContactChanged();
  return useMutation({
    mutationFn: ({ id, version, patch }: { id: string; version: number; patch: ContactPatch }) =>
      unwrap(() =>
        api.PATCH('/api/v1/contacts/{id}', {
          params: { path: { id }, header: { 'If-Match': ifMatch(version) } },
          body: patch,
        }),
      ) as Promise<ContactView>,
    onSuccess: changed,
  });
}
