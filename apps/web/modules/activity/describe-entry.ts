import type { ActivityEntry } from '@ontrack/schemas/activity';

// What the API records (grep `activity.record(` and `appendActivity(` in apps/api/src): entity types and
// actions with a sentence of their own. Anything else still shows, with the generic sentence.

/** Entity types the API writes to the log, in the order the filter offers them. */
export const KNOWN_ENTITY_TYPES = [
  'tenant',
  'membership',
  'invitation',
  'role',
  'contact',
  'support_access_grant',
  'background_job',
  'activity_log',
] as const;

/** Actions the API records, in the order the filter offers them. */
export const KNOWN_ACTIONS = [
  'create',
  'update',
  'delete',
  'invite',
  'accept',
  'revoke',
  'request',
  'grant',
  'deny',
  'use',
  'message',
  'sms_opt_in',
  'sms_opt_out',
  'retry',
  'update_security',
  'verify',
] as const;

export type KnownEntityType = (typeof KNOWN_ENTITY_TYPES)[number];
export type KnownAction = (typeof KNOWN_ACTIONS)[number];

export function isKnownEntityType(value: string): value is KnownEntityType {
  return (KNOWN_ENTITY_TYPES as readonly string[]).includes(value);
}

export function isKnownAction(value: string): value is KnownAction {
  return (KNOWN_ACTIONS as readonly string[]).includes(value);
}

/** Keys under `activity.sentence` in messages/{en,es}/activity.json. */
export type SentenceKey =
  | 'tenantUpdate'
  | 'tenantSecurityRequired'
  | 'tenantSecurityOptional'
  | 'memberSuspend'
  | 'memberReactivate'
  | 'memberRoles'
  | 'memberUpdate'
  | 'invitationInvite'
  | 'invitationRevoke'
  | 'invitationAccept'
  | 'roleCreate'
  | 'roleRename'
  | 'roleUpdate'
  | 'roleDelete'
  | 'contactSmsOptIn'
  | 'contactSmsOptOut'
  | 'contactMessage'
  | 'supportRequest'
  | 'supportGrant'
  | 'supportDeny'
  | 'supportRevoke'
  | 'supportUse'
  | 'backgroundRetry'
  | 'auditVerifyIntact'
  | 'auditVerifyBroken'
  | 'generic';

export type SentenceValues = Record<string, string | number>;

export interface EntrySentence {
  key: SentenceKey;
  /** Arguments of the message besides `{actor}`, which the page fills in (it may need a translation). */
  values: SentenceValues;
}

/** Who acted: a person of the business (named when the page knows them), a system task, or OnTrack support. */
export type EntryActor =
  | { kind: 'user'; name: string }
  | { kind: 'system'; label: string }
  | { kind: 'support'; label: string };

export interface DescribeContext {
  /** A member's name by user id, when the caller may read the people of the business. */
  nameOf?: (userId: string) => string | undefined;
  /** Said of a member the page cannot name ("a member"). */
  unknownMember: string;
}

type Entry = Pick<
  ActivityEntry,
  'actorType' | 'actorUserId' | 'actorLabel' | 'entityType' | 'entityId' | 'action' | 'summary'
>;

/** The log keeps the actor's email as it was then; a member's current name reads better when known. */
export function describeActor(entry: Entry, nameOf?: (userId: string) => string | undefined): EntryActor {
  if (entry.actorType === 'system') return { kind: 'system', label: entry.actorLabel };
  if (entry.actorType === 'support') return { kind: 'support', label: entry.actorLabel };
  const name = entry.actorUserId ? nameOf?.(entry.actorUserId) : undefined;
  return { kind: 'user', name: name ?? entry.actorLabel };
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** `[before, after]` of a changed field, when the summary holds one. */
function change(summary: Record<string, unknown>, field: string): [unknown, unknown] | undefined {
  const value = summary[field];
  return Array.isArray(value) && value.length === 2 ? [value[0], value[1]] : undefined;
}

/** "update_security" → "update security": the words of an unknown code, for the generic sentence. */
export function humanize(code: string): string {
  return code
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .trim()
    .toLowerCase();
}

function generic(entry: Entry): EntrySentence {
  return { key: 'generic', values: { action: humanize(entry.action), entityType: humanize(entry.entityType) } };
}

/**
 * The sentence that tells an entry: a message key under `activity.sentence` and its arguments. A known pair
 * whose summary lacks what its sentence needs falls back to the generic sentence rather than showing a gap.
 */
export function describeEntry(entry: Entry, context: DescribeContext): EntrySentence {
  const { summary, action } = entry;
  switch (entry.entityType) {
    case 'tenant': {
      if (action === 'update') return { key: 'tenantUpdate', values: {} };
      if (action === 'update_security') {
        const required = change(summary, 'mfaRequiredForStaff')?.[1];
        if (typeof required === 'boolean') {
          return { key: required ? 'tenantSecurityRequired' : 'tenantSecurityOptional', values: {} };
        }
      }
      break;
    }
    case 'membership': {
      if (action !== 'update') break;
      const member = (entry.entityId && context.nameOf?.(entry.entityId)) || context.unknownMember;
      const status = change(summary, 'status')?.[1];
      const rolesChanged = summary.roles !== undefined;
      if (!rolesChanged && status === 'suspended') return { key: 'memberSuspend', values: { member } };
      if (!rolesChanged && status === 'active') return { key: 'memberReactivate', values: { member } };
      if (rolesChanged && status === undefined) return { key: 'memberRoles', values: { member } };
      return { key: 'memberUpdate', values: { member } };
    }
    case 'invitation': {
      const email = text(summary.email);
      if (action === 'invite' && email) {
        const role = text(summary.role);
        if (role) return { key: 'invitationInvite', values: { email, role } };
      }
      if (action === 'revoke' && email) return { key: 'invitationRevoke', values: { email } };
      if (action === 'accept') return { key: 'invitationAccept', values: {} };
      break;
    }
    case 'role': {
      const name = text(summary.name);
      if (action === 'create' && name) return { key: 'roleCreate', values: { name } };
      if (action === 'delete' && name) return { key: 'roleDelete', values: { name } };
      if (action === 'update') {
        const renamed = change(summary, 'name');
        const before = text(renamed?.[0]);
        const after = text(renamed?.[1]);
        if (before && after) return { key: 'roleRename', values: { before, after } };
        return { key: 'roleUpdate', values: {} };
      }
      break;
    }
    case 'contact': {
      const phone = text(summary.phone);
      if (action === 'sms_opt_in' && phone) return { key: 'contactSmsOptIn', values: { phone } };
      if (action === 'sms_opt_out' && phone) return { key: 'contactSmsOptOut', values: { phone } };
      if (action === 'message') return { key: 'contactMessage', values: { channel: text(summary.channel) ?? '' } };
      break;
    }
    case 'support_access_grant': {
      if (action === 'request') {
        const minutes = summary.minutes;
        if (typeof minutes === 'number') return { key: 'supportRequest', values: { minutes } };
      }
      if (action === 'grant') return { key: 'supportGrant', values: {} };
      if (action === 'deny') return { key: 'supportDeny', values: {} };
      if (action === 'revoke') return { key: 'supportRevoke', values: {} };
      if (action === 'use') {
        const path = text(summary.path);
        if (path) return { key: 'supportUse', values: { method: text(summary.method) ?? '', path } };
      }
      break;
    }
    case 'background_job': {
      const job = text(summary.job);
      if (action === 'retry' && job) return { key: 'backgroundRetry', values: { job } };
      break;
    }
    case 'activity_log': {
      if (action === 'verify' && typeof summary.ok === 'boolean') {
        return { key: summary.ok ? 'auditVerifyIntact' : 'auditVerifyBroken', values: {} };
      }
      break;
    }
  }
  return generic(entry);
}

/** One line of an entry's details: a field that changed, or a value recorded with the entry. */
export type EntryDetail =
  | { field: string; kind: 'change'; before: unknown; after: unknown }
  | { field: string; kind: 'value'; value: unknown };

// A create or delete records what the record was (`permissions` may well hold exactly two keys): no pairs there.
const SNAPSHOT_ACTIONS = new Set(['create', 'delete']);

/** The summary of an entry as lines: `{ field: [before, after] }` pairs as changes, anything else as values. */
export function entryDetails(entry: Pick<ActivityEntry, 'action' | 'summary'>): EntryDetail[] {
  const snapshot = SNAPSHOT_ACTIONS.has(entry.action);
  return Object.entries(entry.summary).map(([field, value]): EntryDetail => {
    if (!snapshot && Array.isArray(value) && value.length === 2) {
      return { field, kind: 'change', before: value[0], after: value[1] };
    }
    return { field, kind: 'value', value };
  });
}
