import { ForbiddenException, HttpException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { Permission } from '@ontrack/schemas/permissions';
import { problemTypes } from '@ontrack/schemas/problem';
import type { PropertyView } from '@ontrack/schemas/properties';
import { problem } from '../../platform/http/problem-details.js';
import { requestContext } from '../../platform/request-context/request-context.js';
import type { PropertyWithAccess } from './properties.repository.js';

/** The caller's tenant, user and permissions (the routes run behind the tenant guard). */
export function caller(): { tenantId: string; userId: string; permissions: ReadonlySet<Permission> } {
  const { tenant, actor } = requestContext();
  if (!tenant || !actor) throw new Error('the properties routes run behind the tenant guard');
  return { tenantId: tenant.tenantId, userId: actor.userId, permissions: tenant.permissions };
}

export const mayReadAccess = () => caller().permissions.has('properties:access-notes');

/** `access` only for holders of properties:access-notes: absent for everyone else, not merely null. */
export function toView(row: PropertyWithAccess, withAccess: boolean): PropertyView {
  return {
    id: row.id,
    contactId: row.contactId,
    label: row.label,
    addressLine1: row.addressLine1,
    addressLine2: row.addressLine2,
    city: row.city,
    region: row.region,
    postalCode: row.postalCode,
    country: row.country,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    geocodeStatus: row.geocodeStatus,
    geocodedAt: row.geocodedAt?.toISOString() ?? null,
    notes: row.notes,
    ...(withAccess && {
      access: row.access && {
        gateCode: row.access.gateCode,
        accessNotes: row.access.accessNotes,
        updatedAt: row.access.updatedAt.toISOString(),
      },
    }),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}

export function propertyNotFound(): NotFoundException {
  return new NotFoundException(problem(404, { detail: 'There is no property with this id.' }));
}

export function inTrash(): HttpException {
  return new HttpException(
    problem(409, { detail: 'The property is in the trash. Restore it before changing it.' }),
    409,
  );
}

/** 403 on the `access` field: the rest of the request would have been allowed. */
export function accessNotesForbidden(): ForbiddenException {
  return new ForbiddenException(
    problem(403, {
      detail: 'Gate codes and access notes can only be written with the properties:access-notes permission.',
      errors: [
        {
          in: 'body',
          pointer: '#/access',
          field: 'access',
          detail: 'needs the properties:access-notes permission',
          code: 'forbidden',
        },
      ],
    }),
  );
}

/** 422 naming one body field, shaped like the validation problems of the request pipe. */
export function invalidFields(errors: { field: string; detail: string; code: string }[]): UnprocessableEntityException {
  return new UnprocessableEntityException(
    problem(422, {
      type: problemTypes.validation,
      title: 'Your request has invalid fields',
      detail: errors.map((error) => `${error.field} ${error.detail}`).join('; '),
      errors: errors.map((error) => ({
        in: 'body' as const,
        pointer: `#/${error.field.split('.').join('/')}`,
        ...error,
      })),
    }),
  );
}
