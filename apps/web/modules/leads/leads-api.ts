'use client';

import type { ConvertLead, CreateLead, UpdateLead } from '@ontrack/schemas/leads';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../data/api-client';
import { newIdempotencyKey } from '../data/problem-fields';
import { shellKeys } from '../shell/shell-context';
import { type Board, type BoardLead, findLead, moveLeadOnBoard, replaceLead } from './board-state';

/** Leads per column on first load; "Show more" continues a column through GET /leads. */
export const BOARD_PER_STAGE = 20;

/** The queries of the leads screens; every key starts with `leads` so one call can drop them all. */
export const leadKeys = {
  all: ['leads'] as const,
  board: ['leads', 'board'] as const,
  stages: ['leads', 'stages'] as const,
  lead: (id: string) => ['leads', 'lead', id] as const,
  history: (id: string) => ['leads', 'history', id] as const,
  /** The people of the business (assignee names and choices); kept under this module's key, shaped for it. */
  members: ['leads', 'members'] as const,
  contacts: (q: string) => ['leads', 'contacts', q] as const,
};

/** `"7"`: a lead's version as the ETag the API expects in If-Match. */
const ifMatch = (version: number) => `"${version}"`;

export const leadQueries = {
  board: () => unwrap(() => api.GET('/api/v1/leads/board', { params: { query: { perStage: BOARD_PER_STAGE } } })),
  stages: () => unwrap(() => api.GET('/api/v1/lead-stages')),
  columnPage: (stageId: string, cursor: string) =>
    unwrap(() =>
      api.GET('/api/v1/leads', {
        params: { query: { stageId, cursor, sort: 'updated', limit: BOARD_PER_STAGE } },
      }),
    ),
  lead: (id: string) => unwrap(() => api.GET('/api/v1/leads/{id}', { params: { path: { id } } })),
  history: (id: string) => unwrap(() => api.GET('/api/v1/leads/{id}/history', { params: { path: { id } } })),
  members: () => unwrap(() => api.GET('/api/v1/members')),
  contacts: (q: string) =>
    unwrap(() => api.GET('/api/v1/contacts', { params: { query: { ...(q ? { q } : {}), limit: 10 } } })),
};

export type LeadStage = Awaited<ReturnType<typeof leadQueries.stages>>[number];
export type LeadStageChange = Awaited<ReturnType<typeof leadQueries.history>>[number];
export type ContactOption = Awaited<ReturnType<typeof leadQueries.contacts>>['items'][number];
export type Member = Awaited<ReturnType<typeof leadQueries.members>>[number];

export interface MoveInput {
  lead: Pick<BoardLead, 'id' | 'version'>;
  stageId: string;
  reason?: string;
}

export const leadMutations = {
  create: ({ body, idempotencyKey }: { body: CreateLead; idempotencyKey: string }) =>
    unwrap(() => api.POST('/api/v1/leads', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body })),
  update: ({ id, version, patch }: { id: string; version: number; patch: UpdateLead }) =>
    unwrap(() =>
      api.PATCH('/api/v1/leads/{id}', {
        params: { path: { id }, header: { 'If-Match': ifMatch(version) } },
        body: patch,
      }),
    ),
  move: ({ lead, stageId, reason }: MoveInput) =>
    unwrap(() =>
      api.POST('/api/v1/leads/{id}/move', {
        params: {
          path: { id: lead.id },
          header: { 'If-Match': ifMatch(lead.version), 'Idempotency-Key': newIdempotencyKey() },
        },
        body: { stageId, ...(reason ? { reason } : {}) },
      }),
    ),
  convert: ({ id, version, body }: { id: string; version: number; body: ConvertLead }) =>
    unwrap(() =>
      api.POST('/api/v1/leads/{id}/convert', {
        params: { path: { id }, header: { 'If-Match': ifMatch(version), 'Idempotency-Key': newIdempotencyKey() } },
        body,
      }),
    ),
  remove: (id: string) => unwrap(() => api.DELETE('/api/v1/leads/{id}', { params: { path: { id } } })),
  restore: (id: string) =>
    unwrap(() =>
      api.POST('/api/v1/leads/{id}/restore', {
        params: { path: { id }, header: { 'Idempotency-Key': newIdempotencyKey() } },
      }),
    ),
};

/** The business's currency: a new lead's value is in it (the shell has read the business already). */
export function useBusinessCurrency(): string {
  const tenant = useQuery({ queryKey: shellKeys.tenant, queryFn: () => unwrap(() => api.GET('/api/v1/tenant')) });
  return tenant.data?.currency ?? 'USD';
}

export function useLeadBoard() {
  return useQuery({ queryKey: leadKeys.board, queryFn: leadQueries.board });
}

export function useLeadStages() {
  // Stages change when an admin edits the pipeline, not while someone works a lead.
  return useQuery({ queryKey: leadKeys.stages, queryFn: leadQueries.stages, staleTime: 5 * 60_000 });
}

export function useLead(id: string) {
  return useQuery({ queryKey: leadKeys.lead(id), queryFn: () => leadQueries.lead(id) });
}

export function useLeadHistory(id: string) {
  return useQuery({ queryKey: leadKeys.history(id), queryFn: () => leadQueries.history(id) });
}

/** Only asked of people who may read the members (`users:read`); the others see no names. */
export function useLeadMembers(enabled: boolean) {
  return useQuery({ queryKey: leadKeys.members, queryFn: leadQueries.members, enabled, staleTime: 5 * 60_000 });
}

/** What every change of one lead refreshes: the lead, its history, and the board it sits on. */
async function afterLeadChange(client: QueryClient, lead: BoardLead | undefined, id: string) {
  if (lead) client.setQueryData(leadKeys.lead(id), lead);
  await Promise.all([
    client.invalidateQueries({ queryKey: leadKeys.history(id) }),
    client.invalidateQueries({ queryKey: leadKeys.board }),
  ]);
}

/**
 * A move from the board: the card moves at once (optimistic), and goes back where it was if the API refuses.
 * The caller shows why (a lost stage without reason, a stale version).
 */
export function useBoardMove() {
  const client = useQueryClient();
  return useMutation({
    // One move at a time: a card moved again before the first move's answer must send the version that answer
    // brings (If-Match), so the second request waits for the first and reads the lead's version only then.
    scope: { id: 'lead-board-move' },
    mutationFn: ({ lead, ...move }: MoveInput) => {
      const latest = findLead(client.getQueryData<Board>(leadKeys.board) ?? { columns: [] }, lead.id)?.lead;
      return leadMutations.move({ lead: { id: lead.id, version: latest?.version ?? lead.version }, ...move });
    },
    onMutate: async ({ lead, stageId }) => {
      // A board read in flight must not land on top of the optimistic move and undo it.
      await client.cancelQueries({ queryKey: leadKeys.board });
      const before = client.getQueryData<Board>(leadKeys.board);
      if (before) client.setQueryData(leadKeys.board, moveLeadOnBoard(before, lead.id, stageId));
      return { before };
    },
    onError: (_error, _input, context) => {
      if (context?.before) client.setQueryData(leadKeys.board, context.before);
    },
    onSuccess: (updated, { lead, stageId }) => {
      // The API's lead (new version, same place): the next move of the card sends the right If-Match.
      client.setQueryData<Board>(leadKeys.board, (board) => board && moveLeadOnBoard(board, lead.id, stageId, updated));
      client.setQueryData(leadKeys.lead(lead.id), updated);
      void client.invalidateQueries({ queryKey: leadKeys.history(lead.id) });
    },
  });
}

export function useCreateLead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: leadMutations.create,
    onSuccess: (lead) => {
      client.setQueryData(leadKeys.lead(lead.id), lead);
      return client.invalidateQueries({ queryKey: leadKeys.board });
    },
  });
}

export function useUpdateLead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: leadMutations.update,
    onSuccess: (lead) => {
      client.setQueryData(leadKeys.lead(lead.id), lead);
      client.setQueryData<Board>(leadKeys.board, (board) => board && replaceLead(board, lead));
    },
  });
}

export function useMoveLead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: leadMutations.move,
    onSuccess: (lead) => afterLeadChange(client, lead, lead.id),
  });
}

export function useConvertLead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: leadMutations.convert,
    onSuccess: (converted) => afterLeadChange(client, converted.lead, converted.lead.id),
  });
}

export function useDeleteLead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: leadMutations.remove,
    onSuccess: (_nothing, id) =>
      client
        .invalidateQueries({ queryKey: leadKeys.lead(id) })
        .then(() => client.invalidateQueries({ queryKey: leadKeys.board })),
  });
}

export function useRestoreLead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: leadMutations.restore,
    onSuccess: (lead) => afterLeadChange(client, lead, lead.id),
  });
}
