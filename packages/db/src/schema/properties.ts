import { sql } from 'drizzle-orm';
import {
  char,
  check,
  foreignKey,
  index,
  integer,
  numeric,
  pgEnum,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { contacts } from './contacts.js';
import { memberships } from './memberships.js';
import { currentContactId, currentUserId, hasPermission, inSystemContext, scopedTo, tenantTable } from './rls.js';
import { tenants } from './tenants.js';
import { users } from './users.js';

/**
 * Where geocoding of an address stands. `pending`: written, the geocoding job has not run (or the address
 * changed); `ok`: coordinates filled; `failed`: the provider found nothing or refused; `skipped`: no geocoder
 * is configured (no Mapbox token), the address is kept without coordinates.
 */
export const geocodeStatus = pgEnum('geocode_status', ['pending', 'ok', 'failed', 'skipped']);

/** Rows of the properties the current user manages (property_managers), for the `managed_properties` rules. */
const managedPropertyIds = sql`(select pm.property_id from property_managers pm where pm.user_id = ${currentUserId})`;

/**
 * A service address of a contact (docs/contacts.md). Coordinates are filled after the write by the geocoding
 * job; gate codes and access notes live in `property_access`, which fewer people may read.
 */
export const properties = tenantTable(
  'properties',
  {
    id: uuid().notNull(),
    contactId: uuid().notNull(),
    /** How the owner calls it ("Home", "Lake house", "Unit 4B"); optional. */
    label: text(),
    addressLine1: text().notNull(),
    addressLine2: text(),
    city: text().notNull(),
    /** State, province or region (US: the two-letter state). */
    region: text(),
    postalCode: text(),
    /** ISO 3166-1 alpha-2. */
    country: char({ length: 2 }).notNull().default('US'),
    latitude: numeric({ precision: 9, scale: 6 }),
    longitude: numeric({ precision: 9, scale: 6 }),
    geocodeStatus: geocodeStatus().notNull().default('pending'),
    geocodedAt: timestamp({ withTimezone: true, precision: 3 }),
    notes: text(),
    /** Lower-cased address for trigram search (generated). */
    searchText: text()
      .notNull()
      .generatedAlwaysAs(
        sql`lower(coalesce(label, '') || ' ' || address_line1 || ' ' || coalesce(address_line2, '') || ' ' || city || ' ' || coalesce(region, '') || ' ' || coalesce(postal_code, ''))`,
      ),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    deletedAt: timestamp({ withTimezone: true, precision: 3 }),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    foreignKey({ columns: [table.tenantId, table.contactId], foreignColumns: [contacts.tenantId, contacts.id] }),
    check('properties_country_alpha2', sql`${table.country} ~ '^[A-Z]{2}$'`),
    check('properties_latitude_range', sql`${table.latitude} between -90 and 90`),
    check('properties_longitude_range', sql`${table.longitude} between -180 and 180`),
    // Both coordinates or neither; `ok` means there are some.
    check('properties_coordinates_pair', sql`(${table.latitude} is null) = (${table.longitude} is null)`),
    check('properties_geocoded_ok', sql`${table.geocodeStatus} <> 'ok' or ${table.latitude} is not null`),
    check('properties_version_positive', sql`${table.version} >= 1`),
    index('properties_contact_idx').on(table.tenantId, table.contactId),
    index('properties_created_idx')
      .on(table.tenantId, table.createdAt, table.id)
      .where(sql`${table.deletedAt} is null`),
    index('properties_search_idx').using('gin', table.tenantId, table.searchText.op('gin_trgm_ops')),
    // The geocoding job's backlog (and a sweep after a Mapbox token is configured).
    index('properties_geocode_pending_idx')
      .on(table.tenantId, table.geocodeStatus)
      .where(sql`${table.geocodeStatus} in ('pending', 'skipped')`),
  ],
  {
    narrow: (table) =>
      scopedTo({
        managedProperties: sql`${table.id} in ${managedPropertyIds}`,
        ownContact: sql`${table.contactId} = ${currentContactId}`,
      }),
  },
);

/**
 * Gate codes and access notes of a property, one row per property, apart from the address so that row-level
 * security can withhold them: a session reads a row only if the user holds `properties:access-notes` AND the
 * row is in their scope (whole tenant; the properties a Property Manager manages; crews — who hold the
 * permission — get their rule with job assignments). Clients do not read them (they know their gate code).
 */
export const propertyAccess = tenantTable(
  'property_access',
  {
    propertyId: uuid().notNull(),
    accessNotes: text(),
    gateCode: text(),
    updatedByUserId: uuid(),
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.propertyId] }),
    foreignKey({ columns: [table.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    foreignKey({
      columns: [table.tenantId, table.propertyId],
      foreignColumns: [properties.tenantId, properties.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [table.updatedByUserId], foreignColumns: [users.id] }),
  ],
  {
    narrow: (table) =>
      sql`${inSystemContext} or (${hasPermission('properties:access-notes')} and (${scopedTo({
        managedProperties: sql`${table.propertyId} in ${managedPropertyIds}`,
      })}))`,
  },
);

/**
 * Which Property Manager users manage which properties: what the `managed_properties` scope reaches
 * (properties, their owners' contacts, their leads and, later, their jobs). A Property Manager reads only
 * their own links.
 */
export const propertyManagers = tenantTable(
  'property_managers',
  {
    propertyId: uuid().notNull(),
    userId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.propertyId, table.userId] }),
    foreignKey({ columns: [table.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    foreignKey({
      columns: [table.tenantId, table.propertyId],
      foreignColumns: [properties.tenantId, properties.id],
    }).onDelete('cascade'),
    // A manager is a member of the tenant; leaving it removes their links.
    foreignKey({
      columns: [table.tenantId, table.userId],
      foreignColumns: [memberships.tenantId, memberships.userId],
    }).onDelete('cascade'),
    index('property_managers_user_idx').on(table.tenantId, table.userId, table.propertyId),
  ],
  { narrow: (table) => scopedTo({ managedProperties: sql`${table.userId} = ${currentUserId}` }) },
);

export type Property = typeof properties.$inferSelect;
export type NewProperty = typeof properties.$inferInsert;
export type GeocodeStatus = Property['geocodeStatus'];
export type PropertyAccess = typeof propertyAccess.$inferSelect;
export type PropertyManager = typeof propertyManagers.$inferSelect;
