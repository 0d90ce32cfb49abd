import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type {
  ContactListQuery,
  ContactView,
  CreateContact,
  contactCreatedSchema,
  contactPageSchema,
  UpdateContact,
} from '@ontrack/schemas/contacts';
import type { ContactExportQuery } from '@ontrack/schemas/contacts-import';
import type { z } from 'zod';
import { ActivityRecorder } from '../../platform/activity/activity-recorder.js';
import { postgresError, SQLSTATE } from '../../platform/db/postgres-errors.js';
import { problem } from '../../platform/http/problem-details.js';
import { staleVersion } from '../../platform/http/versioning.js';
import { requestContext } from '../../platform/request-context/request-context.js';
import { contactsToCsv } from './contact-csv.js';
import { duplicatesOf, matchKeysOf } from './contact-duplicates.js';
import { cursorOf, orderOf, positionIn, searchOf } from './contact-list.js';
import { type ContactRow, ContactsRepository } from './contacts.repository.js';

type ContactPage = z.infer<typeof contactPageSchema>;
type ContactCreated = z.infer<typeof contactCreatedSchema>;

/** Fields an update may change, in the order a change is summarised in the activity log. */
const FIELDS = [
  'displayName',
  'kind',
  'companyName',
  'email',
  'phone',
  'emails',
  'phones',
  'preferredChannel',
  'locale',
  'tags',
  'notes',
] as const satisfies readonly (keyof UpdateContact & keyof ContactRow)[];

/**
 * Contacts: the rules around the repository. Who may do what is settled before a method runs (the route's
 * permission, then row-level security, which makes a contact the user may not see simply absent: 404).
 * Every write records an activity entry naming the contact; duplicates are warned about, never refused.
 */
@Injectable()
export class ContactsService {
  constructor(
    private readonly repository: ContactsRepository,
    private readonly activity: ActivityRecorder,
  ) {}

  async list(query: ContactListQuery): Promise<ContactPage> {
    const search = searchOf(query.q);
    const order = orderOf(query, search);
    const after = query.cursor === undefined ? undefined : positionIn(order, query.cursor);
    if (query.cursor !== undefined && !after) throw foreignCursor();
    const rows = await this.repository.list(
      { search, tags: query.tag, kind: query.kind, deleted: query.deleted },
      order,
      after,
      query.limit + 1,
    );
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: items.map(toView),
      nextCursor: rows.length > query.limit && last ? cursorOf(order, { sortKey: last.sortKey, id: last.id }) : null,
    };
  }

  /** Every contact the list would show with these filters, as CSV; the read is logged as sensitive. */
  async export(query: ContactExportQuery): Promise<string> {
    const search = searchOf(query.q);
    const rows = await this.repository.list(
      { search, tags: query.tag, kind: query.kind, deleted: query.deleted },
      orderOf(query, search),
    );
    this.activity.record({
      entityType: 'contact',
      action: 'export',
      sensitiveRead: true,
      summary: {
        rowCount: rows.length,
        filters: { q: query.q ?? null, tag: query.tag ?? [], kind: query.kind ?? null, deleted: query.deleted },
      },
    });
    return contactsToCsv(rows.map(toView));
  }

  async get(id: string): Promise<ContactView> {
    return toView(await this.load(id));
  }

  async create(input: CreateContact): Promise<ContactCreated> {
    const duplicates = duplicatesOf(input, await this.repository.findByMatchKeys(matchKeysOf(input)));
    const contact = await this.repository.insert(currentTenantId(), input).catch((error: unknown) => {
      throw isPolicyViolation(error) ? outsideScope() : error;
    });
    this.activity.record({
      entityType: 'contact',
      entityId: contact.id,
      action: 'create',
      summary: {
        displayName: contact.displayName,
        kind: contact.kind,
        ...(contact.email && { email: contact.email }),
        ...(contact.phone && { phone: contact.phone }),
        ...(contact.tags.length > 0 && { tags: contact.tags }),
        ...(duplicates.length > 0 && { duplicateOf: duplicates.map(({ id, displayName }) => ({ id, displayName })) }),
      },
    });
    return { contact: toView(contact), duplicates };
  }

  /** A change based on `version` (If-Match): 412 when someone changed the contact since, 409 in the trash. */
  async update(id: string, version: number, patch: UpdateContact): Promise<ContactView> {
    const before = await this.load(id);
    if (before.deletedAt) throw inTrash(before);
    if (before.version !== version) throw staleVersion('contact', before.version);
    // The schema checked the fields sent; the channel rule needs the contact as it will be. Only a change of
    // the channel or an address is held to it, so an older contact can still get a tag or a note.
    if (patch.preferredChannel !== undefined || patch.email !== undefined || patch.phone !== undefined) {
      assertChannelHasAddress({ ...before, ...patch });
    }

    const changes = diff(before, patch);
    if (Object.keys(changes).length === 0) return toView(before);
    const after = await this.repository.update(id, version, patch);
    if (!after) throw await this.whyNotChanged(id);
    this.activity.record({
      entityType: 'contact',
      entityId: id,
      action: 'update',
      summary: { ...(!changes.displayName && { displayName: after.displayName }), ...changes },
    });
    return toView(after);
  }

  /** Moves a contact to the trash. Idempotent: a contact already there stays there (If-Match, if sent, must match). */
  async remove(id: string, version?: number): Promise<void> {
    const contact = await this.load(id);
    if (version !== undefined && contact.version !== version) throw staleVersion('contact', contact.version);
    if (contact.deletedAt) return;
    const deleted = await this.repository.softDelete(id, contact.version);
    if (!deleted) throw await this.whyNotChanged(id);
    this.activity.record({
      entityType: 'contact',
      entityId: id,
      action: 'delete',
      summary: { displayName: deleted.displayName },
    });
  }

  /** Takes a contact out of the trash. Idempotent: a live contact is returned as it is. */
  async restore(id: string, version?: number): Promise<ContactView> {
    const contact = await this.load(id);
    if (version !== undefined && contact.version !== version) throw staleVersion('contact', contact.version);
    if (!contact.deletedAt) return toView(contact);
    const restored = await this.repository.restore(id, contact.version);
    if (!restored) throw await this.whyNotChanged(id);
    this.activity.record({
      entityType: 'contact',
      entityId: id,
      action: 'restore',
      summary: { displayName: restored.displayName },
    });
    return toView(restored);
  }

  private async load(id: string): Promise<ContactRow> {
    const contact = await this.repository.findById(id.toLowerCase());
    if (!contact) throw notFound();
    return contact;
  }

  /** A guarded write changed nothing: someone else got there first. Say what is true now. */
  private async whyNotChanged(id: string): Promise<Error> {
    const now = await this.repository.findById(id);
    if (!now) return notFound();
    if (now.deletedAt) return inTrash(now);
    return staleVersion('contact', now.version);
  }
}

export function toView(row: ContactRow): ContactView {
  return {
    id: row.id,
    kind: row.kind,
    displayName: row.displayName,
    companyName: row.companyName,
    email: row.email,
    phone: row.phone,
    emails: row.emails,
    phones: row.phones,
    preferredChannel: row.preferredChannel,
    locale: row.locale,
    tags: row.tags,
    notes: row.notes,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}

/** `{ field: [before, after] }` for each field the patch really changes. */
function diff(before: ContactRow, patch: UpdateContact): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const field of FIELDS) {
    const next = patch[field];
    if (next === undefined) continue;
    const previous = before[field];
    const same = Array.isArray(next) ? JSON.stringify(next) === JSON.stringify(previous) : next === previous;
    if (!same) changes[field] = [previous, next];
  }
  return changes;
}

function assertChannelHasAddress(contact: Pick<ContactRow, 'preferredChannel' | 'email' | 'phone'>): void {
  // Like POST /contacts: a contact without any address (yet) may keep the default channel.
  if (contact.email === null && contact.phone === null) return;
  const field =
    contact.preferredChannel === 'sms' && contact.phone === null
      ? 'phone'
      : contact.preferredChannel === 'email' && contact.email === null
        ? 'email'
        : undefined;
  if (!field) return;
  throw new UnprocessableEntityException(
    problem(422, {
      detail: `A contact who prefers ${contact.preferredChannel === 'sms' ? 'SMS' : 'email'} needs ${field === 'phone' ? 'a phone number' : 'an email address'}.`,
      errors: [
        {
          in: 'body',
          pointer: `#/${field}`,
          field,
          detail: field === 'phone' ? 'is needed to prefer SMS' : 'is needed to prefer email',
          code: 'custom',
        },
      ],
    }),
  );
}

export function currentTenantId(): string {
  const tenantId = requestContext().tenant?.tenantId;
  if (!tenantId) throw new Error('contacts are written in a tenant request');
  return tenantId;
}

/**
 * A role narrower than the whole business (a custom Property Manager or Client role given contacts:write)
 * cannot see a contact it just created (nothing links it to them yet), and PostgreSQL refuses to return a
 * row its policies hide: 42501, which is the caller's scope talking, not a server fault.
 */
function isPolicyViolation(error: unknown): boolean {
  return postgresError(error, SQLSTATE.insufficientPrivilege) !== undefined;
}

function outsideScope(): ForbiddenException {
  return new ForbiddenException(
    problem(403, {
      detail:
        'Your role sees only some contacts (those of your properties or your own), so it cannot create new ones. Ask the office to add the contact.',
    }),
  );
}

function notFound(): NotFoundException {
  return new NotFoundException(problem(404, { detail: 'There is no contact with this id.' }));
}

function inTrash(contact: ContactRow): ConflictException {
  return new ConflictException(
    problem(409, { detail: `"${contact.displayName}" is in the trash. Restore the contact before changing it.` }),
  );
}

function foreignCursor(): UnprocessableEntityException {
  return new UnprocessableEntityException(
    problem(422, {
      detail: 'This cursor belongs to a list in another order. Start again without a cursor.',
      errors: [
        {
          in: 'query',
          pointer: '#/cursor',
          field: 'cursor',
          detail: 'was returned for another sort, search or trash view',
          code: 'invalid',
        },
      ],
    }),
  );
}
