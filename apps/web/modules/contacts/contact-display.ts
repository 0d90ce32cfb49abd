import type { PropertyView } from '@ontrack/schemas/properties';

// How contacts and addresses read on screen; apart from the forms so the list and the contact page do not
// load form code.

/**
 * A phone number as people read it: North American numbers as (512) 555-0123, others as stored (E.164,
 * which every phone dials as written).
 */
export function displayPhone(e164: string): string {
  const match = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return match ? `(${match[1]}) ${match[2]}-${match[3]}` : e164;
}

/** One line of a service address: "12 Oak St, Unit 4, Austin, TX 78701". */
export function addressLine(
  property: Pick<PropertyView, 'addressLine1' | 'addressLine2' | 'city' | 'region' | 'postalCode'>,
) {
  const regionAndCode = [property.region, property.postalCode].filter(Boolean).join(' ');
  return [property.addressLine1, property.addressLine2, property.city, regionAndCode].filter(Boolean).join(', ');
}
