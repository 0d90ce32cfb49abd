import { Injectable } from '@nestjs/common';
import { contacts } from '@ontrack/db/schema/contacts';
import { memberships } from '@ontrack/db/schema/memberships';
import { type GeocodeStatus, properties, propertyAccess, propertyManagers } from '@ontrack/db/schema/properties';
import { roles, userRoles } from '@ontrack/db/schema/rbac';
import { users } from '@ontrack/db/schema/users';
import { and, asc, desc, eq, getTableColumns, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { currentDb } from '../../platform/db/current-transaction.js';

const { tenantId: _tenantId, searchText: _searchText, ...propertyColumns } = getTableColumns(properties);

export type PropertyRow = Omit<typeof properties.$inferSelect, 'tenantId' | 'searchText'>;

export interface AccessRow {
  gateCode: string | null;
  accessNotes: string | null;
  updatedAt: Date;
}

/** A property with its access details: null when none are recorded or the caller may not read them. */
export type PropertyWithAccess = PropertyRow & { access: AccessRow | null };

export interface PropertyListFilter {
  contactId?: string;
  /** Lower-cased words, each of which must occur in the address. */
  words: string[];
  trash: boolean;
  /** Position after which the page starts: the sort value (ISO instant) and id of the previous page's last row. */
  after?: { sortValue: string; id: string };
  limit: number;
}

export type NewPropertyRow = Pick<
  typeof properties.$inferInsert,
  | 'id'
  | 'contactId'
  | 'label'
  | 'addressLine1'
  | 'addressLine2'
  | 'city'
  | 'region'
  | 'postalCode'
  | 'country'
  | 'notes'
  | 'geocodeStatus'
>;

export type PropertyFields = Partial<
  Pick<
    typeof properties.$inferInsert,
    'label' | 'addressLine1' | 'addressLine2' | 'city' | 'region' | 'postalCode' | 'country' | 'notes'
  >
>;

export interface ManagerRow {
  userId: string;
  name: string;
  email: string;
  since: Date;
}

export interface ManagerCandidate {
  userId: string;
  name: string;
  email: string;
  /** Holds a role with the managed_properties scope. */
  managesProperties: boolean;
}

/**
 * Properties and their access details, in the request's transaction. Row-level security decides which rows
 * exist for the caller: a Property Manager's statements see only the properties they manage, and
 * property_access rows only reach holders of properties:access-notes (so a left join simply finds none).
 */
@Injectable()
export class PropertiesRepository {
  async list(filter: PropertyListFilter): Promise<PropertyWithAccess[]> {
    // Live rows oldest first (properties_created_idx); the trash most recently deleted first.
    const sortColumn = filter.trash ? properties.deletedAt : properties.createdAt;
    const conditions: SQL[] = [filter.trash ? isNotNull(properties.deletedAt) : isNull(properties.deletedAt)];
    if (filter.contactId) conditions.push(eq(properties.contactId, filter.contactId));
    for (const word of filter.words) {
      conditions.push(sql`${properties.searchText} like ${`%${escapeLike(word)}%`}`);
    }
    if (filter.after) {
      const position = sql`(${sortColumn}, ${properties.id})`;
      const after = sql`(${filter.after.sortValue}::timestamptz, ${filter.after.id}::uuid)`;
      conditions.push(filter.trash ? sql`${position} < ${after}` : sql`${position} > ${after}`);
    }
    const order = filter.trash ? [desc(sortColumn), desc(properties.id)] : [asc(sortColumn), asc(properties.id)];
    const rows = await this.select()
      .where(and(...conditions))
      .orderBy(...order)
      .limit(filter.limit);
    return rows.map(withAccess);
  }

  async findById(id: string): Promise<PropertyWithAccess | undefined> {
    const [row] = await this.select().where(eq(properties.id, id));
    return row && withAccess(row);
  }

  /** The owner a new property names, if the caller can see it. */
  async findContact(id: string): Promise<{ id: string; displayName: string; deletedAt: Date | null } | undefined> {
    const [row] = await currentDb()
      .select({ id: contacts.id, displayName: contacts.displayName, deletedAt: contacts.deletedAt })
      .from(contacts)
      .where(eq(contacts.id, id));
    return row;
  }

  async insert(tenantId: string, property: NewPropertyRow): Promise<void> {
    await currentDb()
      .insert(properties)
      .values({ tenantId, ...property });
  }

  /** Changes the given fields if the property is still at `version`; undefined when it is not (or not visible). */
  async update(
    id: string,
    version: number,
    fields: PropertyFields & { geocodeStatus?: GeocodeStatus; resetCoordinates?: boolean },
  ): Promise<number | undefined> {
    const { resetCoordinates, ...columns } = fields;
    const [row] = await currentDb()
      .update(properties)
      .set({
        ...columns,
        ...(resetCoordinates && { latitude: null, longitude: null, geocodedAt: null }),
        version: sql`${properties.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(properties.id, id), eq(properties.version, version)))
      .returning({ version: properties.version });
    return row?.version;
  }

  /** Moves to the trash (or back): one version up, like any change. False when nothing changed. */
  async setDeleted(id: string, deleted: boolean): Promise<boolean> {
    const rows = await currentDb()
      .update(properties)
      .set({
        deletedAt: deleted ? sql`now()` : null,
        version: sql`${properties.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(properties.id, id), deleted ? isNull(properties.deletedAt) : isNotNull(properties.deletedAt)))
      .returning({ id: properties.id });
    return rows.length > 0;
  }

  async upsertAccess(
    tenantId: string,
    propertyId: string,
    access: { gateCode: string | null; accessNotes: string | null },
    userId: string,
  ): Promise<void> {
    await currentDb()
      .insert(propertyAccess)
      .values({ tenantId, propertyId, ...access, updatedByUserId: userId })
      .onConflictDoUpdate({
        target: [propertyAccess.tenantId, propertyAccess.propertyId],
        set: {
          ...access,
          updatedByUserId: userId,
          version: sql`${propertyAccess.version} + 1`,
          updatedAt: sql`now()`,
        },
      });
  }

  async listManagers(propertyId: string): Promise<ManagerRow[]> {
    return currentDb()
      .select({
        userId: propertyManagers.userId,
        name: users.name,
        email: users.email,
        since: propertyManagers.createdAt,
      })
      .from(propertyManagers)
      .innerJoin(users, eq(users.id, propertyManagers.userId))
      .where(eq(propertyManagers.propertyId, propertyId))
      .orderBy(asc(users.name), asc(users.email));
  }

  /** The given users that are members of the tenant, and whether one of their roles manages properties. */
  async findManagerCandidates(userIds: readonly string[]): Promise<ManagerCandidate[]> {
    if (userIds.length === 0) return [];
    const managesProperties = sql<boolean>`exists (
      select 1 from ${userRoles} join ${roles} on ${roles.tenantId} = ${userRoles.tenantId} and ${roles.id} = ${userRoles.roleId}
      where ${userRoles.tenantId} = ${memberships.tenantId} and ${userRoles.userId} = ${memberships.userId}
        and ${roles.scope} = 'managed_properties')`;
    return currentDb()
      .select({ userId: memberships.userId, name: users.name, email: users.email, managesProperties })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(inArray(memberships.userId, [...userIds]));
  }

  async addManagers(tenantId: string, propertyId: string, userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    await currentDb()
      .insert(propertyManagers)
      .values(userIds.map((userId) => ({ tenantId, propertyId, userId })))
      .onConflictDoNothing();
  }

  async removeManagers(propertyId: string, userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    await currentDb()
      .delete(propertyManagers)
      .where(and(eq(propertyManagers.propertyId, propertyId), inArray(propertyManagers.userId, [...userIds])));
  }

  /**
   * Properties left-joined with their access row, in one statement. The policy withholds that row from roles
   * without properties:access-notes, so for them `access` is null whatever is recorded (the service leaves
   * the field out altogether).
   */
  private select() {
    return currentDb()
      .select({
        ...propertyColumns,
        accessOf: propertyAccess.propertyId,
        gateCode: propertyAccess.gateCode,
        accessNotes: propertyAccess.accessNotes,
        accessUpdatedAt: propertyAccess.updatedAt,
      })
      .from(properties)
      .leftJoin(
        propertyAccess,
        and(eq(propertyAccess.tenantId, properties.tenantId), eq(propertyAccess.propertyId, properties.id)),
      )
      .$dynamic();
  }
}

type JoinedRow = PropertyRow & {
  accessOf: string | null;
  gateCode: string | null;
  accessNotes: string | null;
  accessUpdatedAt: Date | null;
};

function withAccess({ accessOf, gateCode, accessNotes, accessUpdatedAt, ...property }: JoinedRow): PropertyWithAccess {
  const access =
    accessOf === null || accessUpdatedAt === null ? null : { gateCode, accessNotes, updatedAt: accessUpdatedAt };
  return { ...property, access };
}

/** `%` and `_` match literally; `\` is LIKE's default escape character. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
