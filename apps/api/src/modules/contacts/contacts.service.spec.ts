import { HttpException } from '@nestjs/common';
import { describe, expect, it, vi } from 'vitest';
import type { ActivityRecorder } from '../../platform/activity/activity-recorder.js';
import type { ContactRow, ContactsRepository } from './contacts.repository.js';
import { ContactsService } from './contacts.service.js';

const id = '01970000-0000-7000-8000-000000001001';

function contact(fields: Partial<ContactRow> = {}): ContactRow {
  return {
    id,
    kind: 'person',
    displayName: 'Jordan Smith',
    companyName: null,
    email: 'jordan@example.com',
    phone: '+15125550201',
    emails: [],
    phones: [],
    preferredChannel: 'email',
    locale: null,
    tags: [],
    notes: null,
    version: 3,
    createdAt: new Date('2026-03-01T10:00:00Z'),
    updatedAt: new Date('2026-03-02T10:00:00Z'),
    deletedAt: null,
    ...fields,
  };
}

function setup(...reads: (ContactRow | undefined)[]) {
  const repository = {
    findById: vi.fn(),
    update: vi.fn(async (_id: string, version: number, patch: Partial<ContactRow>) =>
      contact({ ...reads[0], ...patch, version: version + 1 }),
    ),
    softDelete: vi.fn(),
    restore: vi.fn(),
  };
  for (const read of reads) repository.findById.mockResolvedValueOnce(read);
  const activity = { record: vi.fn() };
  const service = new ContactsService(
    repository as unknown as ContactsRepository,
    activity as unknown as ActivityRecorder,
  );
  return { service, repository, activity };
}

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpException) return error.getStatus();
    throw error;
  }
  return 200;
}

describe('ContactsService.update', () => {
  it('refuses a stale version (412), a trashed contact (409) and an unknown one (404) without writing', async () => {
    const stale = setup(contact());
    expect(await statusOf(stale.service.update(id, 2, { notes: 'x' }))).toBe(412);
    const trashed = setup(contact({ deletedAt: new Date() }));
    expect(await statusOf(trashed.service.update(id, 3, { notes: 'x' }))).toBe(409);
    const missing = setup(undefined);
    expect(await statusOf(missing.service.update(id, 3, { notes: 'x' }))).toBe(404);
    for (const { repository } of [stale, trashed, missing]) expect(repository.update).not.toHaveBeenCalled();
  });

  it('writes nothing and logs nothing when the patch changes nothing', async () => {
    const { service, repository, activity } = setup(contact({ tags: ['vip'] }));
    const view = await service.update(id, 3, { displayName: 'Jordan Smith', tags: ['vip'] });
    expect(view.version).toBe(3);
    expect(repository.update).not.toHaveBeenCalled();
    expect(activity.record).not.toHaveBeenCalled();
  });

  it('logs the changed fields with the name', async () => {
    const { service, activity } = setup(contact());
    await service.update(id, 3, { notes: 'Two dogs', email: 'jordan@example.com' });
    expect(activity.record).toHaveBeenCalledWith({
      entityType: 'contact',
      entityId: id,
      action: 'update',
      summary: { displayName: 'Jordan Smith', notes: [null, 'Two dogs'] },
    });
  });

  it('holds the contact as it will be to the channel rule, only when the channel or an address changes', async () => {
    expect(await statusOf(setup(contact()).service.update(id, 3, { email: null }))).toBe(422);
    expect(await statusOf(setup(contact()).service.update(id, 3, { email: null, preferredChannel: 'sms' }))).toBe(200);
    // An older contact that prefers email without having one can still be tagged.
    const legacy = contact({ email: null, preferredChannel: 'email' });
    expect(await statusOf(setup(legacy).service.update(id, 3, { tags: ['vip'] }))).toBe(200);
  });

  it('says why a guarded write changed nothing: someone else changed or trashed the contact meanwhile', async () => {
    const raced = setup(contact(), contact({ version: 4 }));
    raced.repository.update.mockResolvedValueOnce(undefined as never);
    expect(await statusOf(raced.service.update(id, 3, { notes: 'x' }))).toBe(412);
    const trashed = setup(contact(), contact({ version: 4, deletedAt: new Date() }));
    trashed.repository.update.mockResolvedValueOnce(undefined as never);
    expect(await statusOf(trashed.service.update(id, 3, { notes: 'x' }))).toBe(409);
  });
});

describe('ContactsService.remove and restore', () => {
  it('are idempotent: the trash stays the trash, a live contact stays live, nothing is logged twice', async () => {
    const removed = setup(contact({ deletedAt: new Date() }));
    await removed.service.remove(id);
    expect(removed.repository.softDelete).not.toHaveBeenCalled();
    const restored = setup(contact());
    expect((await restored.service.restore(id)).deletedAt).toBeNull();
    expect(restored.repository.restore).not.toHaveBeenCalled();
    expect(removed.activity.record).not.toHaveBeenCalled();
    expect(restored.activity.record).not.toHaveBeenCalled();
  });

  it('check If-Match when it is sent', async () => {
    expect(await statusOf(setup(contact()).service.remove(id, 2))).toBe(412);
    expect(await statusOf(setup(contact({ deletedAt: new Date() })).service.restore(id, 2))).toBe(412);
  });
});
