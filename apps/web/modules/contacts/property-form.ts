import type { PropertyView } from '@ontrack/schemas/properties';

// A service address as the property form holds it, and the API bodies made from it. The gate code and
// access notes are part of the form only for people holding properties:access-notes; for anyone else they
// are neither shown nor sent (the API would refuse them).

export interface PropertyDraft {
  label: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  notes: string;
  gateCode: string;
  accessNotes: string;
}

export type PropertyField = keyof PropertyDraft;
export type PropertyErrorKey = 'addressRequired' | 'cityRequired' | 'countryInvalid';

export function emptyPropertyDraft(): PropertyDraft {
  return {
    label: '',
    addressLine1: '',
    addressLine2: '',
    city: '',
    region: '',
    postalCode: '',
    country: 'US',
    notes: '',
    gateCode: '',
    accessNotes: '',
  };
}

export function propertyDraftOf(property: PropertyView): PropertyDraft {
  return {
    label: property.label ?? '',
    addressLine1: property.addressLine1,
    addressLine2: property.addressLine2 ?? '',
    city: property.city,
    region: property.region ?? '',
    postalCode: property.postalCode ?? '',
    country: property.country,
    notes: property.notes ?? '',
    gateCode: property.access?.gateCode ?? '',
    accessNotes: property.access?.accessNotes ?? '',
  };
}

export function checkPropertyDraft(draft: PropertyDraft): Partial<Record<PropertyField, PropertyErrorKey>> {
  const errors: Partial<Record<PropertyField, PropertyErrorKey>> = {};
  if (!draft.addressLine1.trim()) errors.addressLine1 = 'addressRequired';
  if (!draft.city.trim()) errors.city = 'cityRequired';
  if (!/^[A-Za-z]{2}$/.test(draft.country.trim())) errors.country = 'countryInvalid';
  return errors;
}

const textOrNull = (value: string) => (value.trim() === '' ? null : value.trim());

interface AddressBody {
  label: string | null;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  region: string | null;
  postalCode: string | null;
  country: string;
  notes: string | null;
}

export interface PropertyAccessBody {
  gateCode: string | null;
  accessNotes: string | null;
}

export interface CreatePropertyBody extends AddressBody {
  contactId: string;
  access?: PropertyAccessBody;
}

export type PropertyPatch = Partial<AddressBody> & { access?: PropertyAccessBody };

function addressOf(draft: PropertyDraft): AddressBody {
  return {
    label: textOrNull(draft.label),
    addressLine1: draft.addressLine1.trim(),
    addressLine2: textOrNull(draft.addressLine2),
    city: draft.city.trim(),
    region: textOrNull(draft.region),
    postalCode: textOrNull(draft.postalCode),
    country: draft.country.trim().toUpperCase(),
    notes: draft.notes.trim() === '' ? null : draft.notes,
  };
}

const accessOf = (draft: PropertyDraft): PropertyAccessBody => ({
  gateCode: textOrNull(draft.gateCode),
  accessNotes: textOrNull(draft.accessNotes),
});

/** POST /properties. The access block only with properties:access-notes, and only when something is in it. */
export function createPropertyBody(contactId: string, draft: PropertyDraft, withAccess: boolean): CreatePropertyBody {
  const access = accessOf(draft);
  const hasAccess = access.gateCode !== null || access.accessNotes !== null;
  return { contactId, ...addressOf(draft), ...(withAccess && hasAccess ? { access } : {}) };
}

/** PATCH /properties/{id}: the fields that changed; undefined when nothing did. */
export function propertyPatch(
  saved: PropertyView,
  draft: PropertyDraft,
  withAccess: boolean,
): PropertyPatch | undefined {
  const next = addressOf(draft);
  const patch: PropertyPatch = {};
  for (const field of Object.keys(next) as (keyof AddressBody)[]) {
    if (next[field] !== saved[field]) Object.assign(patch, { [field]: next[field] });
  }
  if (withAccess) {
    const access = accessOf(draft);
    const before = { gateCode: saved.access?.gateCode ?? null, accessNotes: saved.access?.accessNotes ?? null };
    if (access.gateCode !== before.gateCode || access.accessNotes !== before.accessNotes) patch.access = access;
  }
  return Object.keys(patch).length ? patch : undefined;
}
