import { describe, expect, it } from 'vitest';
import en from '../../messages/en/activity.json';
import es from '../../messages/es/activity.json';
import {
  describeActor,
  describeEntry,
  entryDetails,
  humanize,
  KNOWN_ACTIONS,
  KNOWN_ENTITY_TYPES,
  type SentenceKey,
} from './describe-entry';

const ALICE = '01970000-0000-7000-8000-00000000a11c';
const BOB = '01970000-0000-7000-8000-000000000b0b';
const names = new Map([
  [ALICE, 'Alice Admin'],
  [BOB, 'Bob Builder'],
]);
const context = { nameOf: (id: string) => names.get(id), unknownMember: 'a member' };

function entry(overrides: Partial<Parameters<typeof describeEntry>[0]>): Parameters<typeof describeEntry>[0] {
  return {
    actorType: 'user',
    actorUserId: ALICE,
    actorLabel: 'alice@demo.test',
    entityType: 'tenant',
    entityId: null,
    action: 'update',
    summary: {},
    ...overrides,
  };
}

describe('describeEntry', () => {
  it.each<[string, Parameters<typeof describeEntry>[0], SentenceKey, Record<string, string | number>]>([
    ['a profile change', entry({ summary: { name: ['Old', 'New'] } }), 'tenantUpdate', {}],
    [
      'staff two-step verification turned on',
      entry({ action: 'update_security', summary: { mfaRequiredForStaff: [false, true] } }),
      'tenantSecurityRequired',
      {},
    ],
    [
      'staff two-step verification turned off',
      entry({ action: 'update_security', summary: { mfaRequiredForStaff: [true, false] } }),
      'tenantSecurityOptional',
      {},
    ],
    [
      'an invitation',
      entry({
        entityType: 'invitation',
        action: 'invite',
        summary: { email: 'carol@x.com', roleId: 'r', role: 'Office Staff', contactId: null, replaced: false },
      }),
      'invitationInvite',
      { email: 'carol@x.com', role: 'Office Staff' },
    ],
    [
      'a withdrawn invitation',
      entry({ entityType: 'invitation', action: 'revoke', summary: { email: 'carol@x.com' } }),
      'invitationRevoke',
      { email: 'carol@x.com' },
    ],
    [
      'an accepted invitation',
      entry({ entityType: 'invitation', action: 'accept', summary: { roleId: 'r' } }),
      'invitationAccept',
      {},
    ],
    [
      'a new role',
      entry({ entityType: 'role', action: 'create', summary: { key: 'foreman', name: 'Foreman', permissions: [] } }),
      'roleCreate',
      { name: 'Foreman' },
    ],
    [
      'a renamed role',
      entry({ entityType: 'role', action: 'update', summary: { name: ['Foreman', 'Site Lead'] } }),
      'roleRename',
      { before: 'Foreman', after: 'Site Lead' },
    ],
    [
      'a role whose permissions changed',
      entry({ entityType: 'role', action: 'update', summary: { permissions: { added: ['jobs:read'], removed: [] } } }),
      'roleUpdate',
      {},
    ],
    [
      'a deleted role',
      entry({ entityType: 'role', action: 'delete', summary: { name: 'Foreman' } }),
      'roleDelete',
      { name: 'Foreman' },
    ],
    [
      'a suspension, naming the member',
      entry({ entityType: 'membership', entityId: BOB, summary: { status: ['active', 'suspended'] } }),
      'memberSuspend',
      { member: 'Bob Builder' },
    ],
    [
      'a reactivation',
      entry({ entityType: 'membership', entityId: BOB, summary: { status: ['suspended', 'active'] } }),
      'memberReactivate',
      { member: 'Bob Builder' },
    ],
    [
      'new roles of a member the page cannot name',
      entry({ entityType: 'membership', entityId: 'unknown', summary: { roles: { added: ['crew'], removed: [] } } }),
      'memberRoles',
      { member: 'a member' },
    ],
    [
      'roles and status changed together',
      entry({
        entityType: 'membership',
        entityId: BOB,
        summary: { status: ['active', 'suspended'], roles: { added: [], removed: ['crew'] } },
      }),
      'memberUpdate',
      { member: 'Bob Builder' },
    ],
    [
      'an SMS opt-out',
      entry({ entityType: 'contact', action: 'sms_opt_out', summary: { phone: '+15125550178', method: 'verbal' } }),
      'contactSmsOptOut',
      { phone: '+15125550178' },
    ],
    [
      'an SMS opt-in',
      entry({ entityType: 'contact', action: 'sms_opt_in', summary: { phone: '+15125550178' } }),
      'contactSmsOptIn',
      { phone: '+15125550178' },
    ],
    [
      'a message to a contact',
      entry({ entityType: 'contact', action: 'message', summary: { channel: 'sms', status: 'queued' } }),
      'contactMessage',
      { channel: 'sms' },
    ],
    [
      'a support request',
      entry({ entityType: 'support_access_grant', action: 'request', summary: { reason: 'Bug', minutes: 60 } }),
      'supportRequest',
      { minutes: 60 },
    ],
    ['a grant', entry({ entityType: 'support_access_grant', action: 'grant' }), 'supportGrant', {}],
    ['a denial', entry({ entityType: 'support_access_grant', action: 'deny' }), 'supportDeny', {}],
    ['a revocation', entry({ entityType: 'support_access_grant', action: 'revoke' }), 'supportRevoke', {}],
    [
      'a request made under support access',
      entry({
        actorType: 'support',
        entityType: 'support_access_grant',
        action: 'use',
        summary: { method: 'GET', path: '/api/v1/contacts' },
      }),
      'supportUse',
      { method: 'GET', path: '/api/v1/contacts' },
    ],
    [
      'a retried job',
      entry({ entityType: 'background_job', action: 'retry', summary: { job: 'invitation-email' } }),
      'backgroundRetry',
      { job: 'invitation-email' },
    ],
    [
      'an intact chain',
      entry({ entityType: 'activity_log', action: 'verify', summary: { ok: true } }),
      'auditVerifyIntact',
      {},
    ],
    [
      'a broken chain',
      entry({ entityType: 'activity_log', action: 'verify', summary: { ok: false } }),
      'auditVerifyBroken',
      {},
    ],
  ])('tells %s', (_, input, key, values) => {
    expect(describeEntry(input, context)).toEqual({ key, values });
  });

  it('falls back to the generic sentence for pairs it does not know', () => {
    expect(describeEntry(entry({ entityType: 'invoice_line', action: 'mark_paid' }), context)).toEqual({
      key: 'generic',
      values: { action: 'mark paid', entityType: 'invoice line' },
    });
  });

  it('falls back to the generic sentence when a known pair lacks what its sentence needs', () => {
    expect(describeEntry(entry({ entityType: 'invitation', action: 'invite', summary: {} }), context)).toEqual({
      key: 'generic',
      values: { action: 'invite', entityType: 'invitation' },
    });
    expect(describeEntry(entry({ entityType: 'role', action: 'create', summary: { name: ' ' } }), context).key).toBe(
      'generic',
    );
  });

  it('has an English and a Spanish sentence for every key it returns, and a label for every filter option', () => {
    const keys: SentenceKey[] = [
      'tenantUpdate',
      'tenantSecurityRequired',
      'tenantSecurityOptional',
      'memberSuspend',
      'memberReactivate',
      'memberRoles',
      'memberUpdate',
      'invitationInvite',
      'invitationRevoke',
      'invitationAccept',
      'roleCreate',
      'roleRename',
      'roleUpdate',
      'roleDelete',
      'contactSmsOptIn',
      'contactSmsOptOut',
      'contactMessage',
      'supportRequest',
      'supportGrant',
      'supportDeny',
      'supportRevoke',
      'supportUse',
      'backgroundRetry',
      'auditVerifyIntact',
      'auditVerifyBroken',
      'generic',
    ];
    for (const messages of [en, es]) {
      expect(Object.keys(messages.sentence).sort()).toEqual([...keys].sort());
      expect(Object.keys(messages.entityTypes).sort()).toEqual([...KNOWN_ENTITY_TYPES].sort());
      expect(Object.keys(messages.actions).sort()).toEqual([...KNOWN_ACTIONS].sort());
    }
  });
});

describe('describeActor', () => {
  it('names a member by their current name, else by the email the log kept', () => {
    expect(describeActor(entry({}), context.nameOf)).toEqual({ kind: 'user', name: 'Alice Admin' });
    expect(describeActor(entry({ actorUserId: null }), context.nameOf)).toEqual({
      kind: 'user',
      name: 'alice@demo.test',
    });
    expect(describeActor(entry({}))).toEqual({ kind: 'user', name: 'alice@demo.test' });
  });

  it('tells system tasks and support operators apart from members', () => {
    expect(describeActor(entry({ actorType: 'system', actorUserId: null, actorLabel: 'outbox' }))).toEqual({
      kind: 'system',
      label: 'outbox',
    });
    expect(describeActor(entry({ actorType: 'support', actorLabel: 'sam@ontrack.test' }), context.nameOf)).toEqual({
      kind: 'support',
      label: 'sam@ontrack.test',
    });
  });
});

describe('entryDetails', () => {
  it('reads [before, after] pairs as changes and anything else as values', () => {
    expect(
      entryDetails({
        action: 'update',
        summary: { status: ['active', 'suspended'], roles: { added: ['crew'], removed: [] } },
      }),
    ).toEqual([
      { field: 'status', kind: 'change', before: 'active', after: 'suspended' },
      { field: 'roles', kind: 'value', value: { added: ['crew'], removed: [] } },
    ]);
  });

  it('keeps a two-item list recorded by a create or delete as a value', () => {
    expect(entryDetails({ action: 'create', summary: { permissions: ['jobs:read', 'jobs:write'] } })).toEqual([
      { field: 'permissions', kind: 'value', value: ['jobs:read', 'jobs:write'] },
    ]);
  });
});

describe('humanize', () => {
  it('turns codes into words', () => {
    expect(humanize('support_access_grant')).toBe('support access grant');
    expect(humanize('mfaRequiredForStaff')).toBe('mfa required for staff');
    expect(humanize('sms.opt-in')).toBe('sms opt in');
  });
});
