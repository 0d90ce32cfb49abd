import { HttpException, Injectable } from '@nestjs/common';
import { newId } from '@ontrack/db/ids';
import { decodeKeysetCursor, encodeKeysetCursor } from '@ontrack/schemas/contacts';
import type {
  CreateProperty,
  PropertyView,
  propertyListQuerySchema,
  propertyPageSchema,
  UpdateProperty,
} from '@ontrack/schemas/properties';
import type { z } from 'zod';
import { formatAddress } from '../../integrations/geocoding/geocoding.port.js';
import { ActivityRecorder } from '../../platform/activity/activity-recorder.js';
import { problem } from '../../platform/http/problem-details.js';
import { staleVersion } from '../../platform/http/versioning.js';
import { PropertiesRepository, type PropertyFields, type PropertyWithAccess } from './properties.repository.js';
import { ADDRESS_FIELDS } from './property-address.js';
import { PropertyGeocoding } from './property-geocoding.service.js';
import {
  accessNotesForbidden,
  caller,
  inTrash,
  invalidFields,
  mayReadAccess,
  propertyNotFound,
  toView,
} from './property-view.js';

type PropertyListQuery = z.output<typeof propertyListQuerySchema>;
type PropertyPage = z.output<typeof propertyPageSchema>;
type AccessInput = NonNullable<CreateProperty['access']>;

/** Fields a PATCH may change on the property row itself (access details live in property_access). */
const ROW_FIELDS = ['label', ...ADDRESS_FIELDS, 'notes'] as const;
/** At most this many words of a search must each occur in the address. */
const MAX_SEARCH_WORDS = 8;

/**
 * Service addresses of contacts. Who sees which property is row-level security's job (a Property Manager sees
 * the properties they manage); this service adds the rules the database cannot see: the owner must be a live
 * contact the caller can see, gate codes need properties:access-notes, a new address is geocoded again.
 */
@Injectable()
export class PropertiesService {
  constructor(
    private readonly repository: PropertiesRepository,
    private readonly geocoding: PropertyGeocoding,
    private readonly activity: ActivityRecorder,
  ) {}

  async list(query: PropertyListQuery): Promise<PropertyPage> {
    const trash = query.deleted === 'only';
    const words = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS);
    const rows = await this.repository.list({
      contactId: query.contactId,
      words,
      trash,
      after: query.cursor === undefined ? undefined : decodeKeysetCursor(query.cursor),
      limit: query.limit + 1,
    });
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    const sortValue = last && (trash ? last.deletedAt : last.createdAt);
    const withAccess = mayReadAccess();
    return {
      items: items.map((row) => toView(row, withAccess)),
      nextCursor:
        rows.length > query.limit && last && sortValue ? encodeKeysetCursor(sortValue.toISOString(), last.id) : null,
    };
  }

  async get(id: string): Promise<PropertyView> {
    return toView(await this.load(id), mayReadAccess());
  }

  async create(input: CreateProperty): Promise<PropertyView> {
    const { tenantId, userId } = caller();
    if (input.access && !mayReadAccess()) throw accessNotesForbidden();
    const contact = await this.repository.findContact(input.contactId.toLowerCase());
    if (!contact) {
      throw invalidFields([
        { field: 'contactId', detail: 'is not a contact of this business', code: 'no_such_contact' },
      ]);
    }
    if (contact.deletedAt) {
      throw invalidFields([
        { field: 'contactId', detail: 'is a contact in the trash; restore it first', code: 'contact_deleted' },
      ]);
    }
    const { access, ...fields } = input;
    const id = newId();
    await this.repository.insert(tenantId, {
      ...fields,
      id,
      contactId: contact.id,
      geocodeStatus: this.geocoding.initialStatus,
    });
    const recordsAccess = access && (access.gateCode !== null || access.accessNotes !== null);
    if (access && recordsAccess) await this.repository.upsertAccess(tenantId, id, access, userId);
    await this.geocoding.schedule(id, fields);
    this.activity.record({
      entityType: 'property',
      entityId: id,
      action: 'create',
      summary: {
        address: formatAddress(fields),
        label: fields.label,
        contactId: contact.id,
        contact: contact.displayName,
        // Never the gate code itself: the activity log is read more widely than property_access.
        ...(access?.gateCode != null && { gateCode: 'set' }),
        ...(access?.accessNotes != null && { accessNotes: 'set' }),
      },
    });
    return toView(await this.load(id), mayReadAccess());
  }

  async update(id: string, version: number, patch: UpdateProperty): Promise<PropertyView> {
    const { tenantId, userId } = caller();
    if (patch.access && !mayReadAccess()) throw accessNotesForbidden();
    const before = await this.load(id);
    if (before.deletedAt) throw inTrash();
    if (before.version !== version) throw staleVersion('property', before.version);

    const fields: PropertyFields = {};
    const summary: Record<string, unknown> = {};
    for (const field of ROW_FIELDS) {
      const value = patch[field];
      if (value === undefined || value === before[field]) continue;
      Object.assign(fields, { [field]: value });
      summary[field] = [before[field], value];
    }
    const accessChange = patch.access && changedAccess(before, patch.access);
    if (Object.keys(fields).length === 0 && !accessChange) return toView(before, mayReadAccess());

    const moved = ADDRESS_FIELDS.some((field) => field in fields);
    const saved = await this.repository.update(before.id, version, {
      ...fields,
      ...(moved && { geocodeStatus: this.geocoding.initialStatus, resetCoordinates: true }),
    });
    if (saved === undefined) throw await this.conflictOf(before.id);
    if (patch.access && accessChange) {
      await this.repository.upsertAccess(tenantId, before.id, patch.access, userId);
      Object.assign(summary, accessChange);
    }
    const after = { ...before, ...fields };
    if (moved) await this.geocoding.schedule(before.id, after);
    this.activity.record({
      entityType: 'property',
      entityId: before.id,
      action: 'update',
      summary: { address: formatAddress(after), ...summary },
    });
    return toView(await this.load(before.id), mayReadAccess());
  }

  /** Moves the property to the trash; deleting it again changes nothing. */
  async remove(id: string): Promise<void> {
    const property = await this.load(id);
    if (property.deletedAt || !(await this.repository.setDeleted(property.id, true))) return;
    this.activity.record({
      entityType: 'property',
      entityId: property.id,
      action: 'delete',
      summary: { address: formatAddress(property), label: property.label },
    });
  }

  async restore(id: string): Promise<PropertyView> {
    const property = await this.load(id);
    if (property.deletedAt) {
      const owner = await this.repository.findContact(property.contactId);
      if (!owner || owner.deletedAt) {
        throw new HttpException(
          problem(409, { detail: 'The property’s contact is in the trash. Restore the contact first.' }),
          409,
        );
      }
      if (await this.repository.setDeleted(property.id, false)) {
        this.activity.record({
          entityType: 'property',
          entityId: property.id,
          action: 'restore',
          summary: { address: formatAddress(property), label: property.label, contact: owner.displayName },
        });
      }
    }
    return toView(await this.load(property.id), mayReadAccess());
  }

  private async load(id: string): Promise<PropertyWithAccess> {
    const property = await this.repository.findById(id.toLowerCase());
    if (!property) throw propertyNotFound();
    return property;
  }

  /** Why a versioned update changed no row: gone (404) or changed meanwhile (412). */
  private async conflictOf(id: string): Promise<HttpException> {
    const current = await this.repository.findById(id);
    return current ? staleVersion('property', current.version) : propertyNotFound();
  }
}

/** What an access update changes, without the values: `{ gateCode: 'changed' }`. */
function changedAccess(before: PropertyWithAccess, next: AccessInput) {
  const change: Record<string, 'changed' | 'removed'> = {};
  for (const field of ['gateCode', 'accessNotes'] as const) {
    const old = before.access?.[field] ?? null;
    if (old !== next[field]) change[field] = next[field] === null ? 'removed' : 'changed';
  }
  return Object.keys(change).length > 0 ? change : undefined;
}
