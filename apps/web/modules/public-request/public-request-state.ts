// What the public request form's server action answers, shared by the action (server) and the form (client).

/** The fields a visitor fills in, by their form names (= the API's field names). */
export const PUBLIC_REQUEST_FIELDS = [
  'name',
  'email',
  'phone',
  'addressLine1',
  'city',
  'postalCode',
  'requestedService',
  'message',
] as const;
export type PublicRequestField = (typeof PUBLIC_REQUEST_FIELDS)[number];

export type PublicRequestValues = Partial<Record<PublicRequestField, string>> & { smsConsent?: boolean };

/** A refused field: the zod issue code tells "missing one of two" (`custom`) from a malformed value. */
export interface PublicRequestFieldError {
  code: string;
  detail: string;
}

export type PublicRequestState =
  | { status: 'idle' }
  | { status: 'sent' }
  | {
      status: 'invalid';
      /** Counts submissions, so the form shows the values sent back (it is keyed by it). */
      attempt: number;
      values: PublicRequestValues;
      fieldErrors: Partial<Record<PublicRequestField | 'smsConsent', PublicRequestFieldError>>;
    }
  | { status: 'failed'; attempt: number; values: PublicRequestValues; reason: 'rate-limited' | 'unavailable' | 'gone' };
