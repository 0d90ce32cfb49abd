import { ConflictException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { LeadStageView, LeadView } from '@ontrack/schemas/leads';
import { problem } from '../../platform/http/problem-details.js';
import { requestContext, type TenantAccess } from '../../platform/request-context/request-context.js';
import type { LeadStageRow } from './lead-stages.repository.js';
import type { LeadRow } from './leads.repository.js';

// What the lead services share: the acting member, the lead as the API shows it, and the problems they answer.

/** The tenant and the acting user of a request that passed the tenant guard. */
export function currentMember(): TenantAccess & { userId: string } {
  const { tenant, actor } = requestContext();
  if (!tenant || !actor) throw new Error('the lead routes run behind the tenant guard');
  return { ...tenant, userId: actor.userId };
}

/**
 * Whether the caller reaches the whole business. Without it (a Property Manager) a lead is visible only on a
 * property they manage, so such a caller must always name one: a lead without a property would vanish from
 * their view the moment they saved it.
 */
export function seesWholeTenant(access: Pick<TenantAccess, 'scopes'>): boolean {
  return access.scopes.includes('tenant');
}

export function toLeadView(row: LeadRow): LeadView {
  return {
    id: row.id,
    source: row.source,
    requestedService: row.requestedService,
    contact: { id: row.contactId, displayName: row.contactName ?? '' },
    propertyId: row.propertyId,
    stageId: row.stageId,
    assigneeUserId: row.assigneeUserId,
    estimatedValue:
      row.estimatedValueMinor === null || row.currency === null
        ? null
        : { amountMinor: row.estimatedValueMinor, currency: row.currency },
    nextFollowUpOn: row.nextFollowUpOn,
    lostReason: row.lostReason,
    convertedAt: row.convertedAt?.toISOString() ?? null,
    notes: row.notes,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}

/** How the activity log names a lead: what was asked for, and by whom. */
export function leadLabel(row: Pick<LeadRow, 'requestedService' | 'contactName'>): string {
  return row.contactName ? `${row.requestedService} — ${row.contactName}` : row.requestedService;
}

/** 422 on one body field, with the pointer a form puts the message under. */
export function invalidField(field: string, detail: string, code = 'invalid'): UnprocessableEntityException {
  const path = field.split('.');
  return new UnprocessableEntityException(
    problem(422, {
      detail: `${path.at(-1)} ${detail}.`,
      errors: [{ in: 'body', pointer: `#/${path.join('/')}`, field, detail, code }],
    }),
  );
}

export function leadNotFound(): NotFoundException {
  return new NotFoundException(problem(404, { detail: 'There is no such lead in this business.' }));
}

export function leadInTrash(): ConflictException {
  return new ConflictException(problem(409, { detail: 'The lead is in the trash: restore it before changing it.' }));
}

export function conflict(detail: string): ConflictException {
  return new ConflictException(problem(409, { detail }));
}

/** Escapes LIKE's wildcards in user text, so "50%" searches for "50%" (backslash is LIKE's default escape). */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

export function toStageView(row: LeadStageRow): LeadStageView {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    position: row.position,
    kind: row.kind,
    isDefault: row.isDefault,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    version: row.version,
  };
}
