import { Injectable } from '@nestjs/common';
import type { PropertyManagerView, SetPropertyManagers } from '@ontrack/schemas/properties';
import { formatAddress } from '../../integrations/geocoding/geocoding.port.js';
import { ActivityRecorder } from '../../platform/activity/activity-recorder.js';
import { type ManagerRow, PropertiesRepository } from './properties.repository.js';
import { caller, invalidFields, propertyNotFound } from './property-view.js';

/**
 * Which Property Manager users manage a property: what their `managed_properties` scope reaches (the
 * property, its owner, its leads). A manager must be a member whose roles include that scope; the foreign key
 * only proves membership.
 */
@Injectable()
export class PropertyManagersService {
  constructor(
    private readonly repository: PropertiesRepository,
    private readonly activity: ActivityRecorder,
  ) {}

  async list(propertyId: string): Promise<{ items: PropertyManagerView[] }> {
    const property = await this.repository.findById(propertyId.toLowerCase());
    if (!property) throw propertyNotFound();
    return { items: (await this.repository.listManagers(property.id)).map(toView) };
  }

  /** Replaces the managers with `userIds`; answers the new list. */
  async set(propertyId: string, { userIds }: SetPropertyManagers): Promise<{ items: PropertyManagerView[] }> {
    const { tenantId } = caller();
    const property = await this.repository.findById(propertyId.toLowerCase());
    if (!property) throw propertyNotFound();
    const candidates = new Map((await this.repository.findManagerCandidates(userIds)).map((c) => [c.userId, c]));
    const refused = userIds.flatMap((userId, index) => {
      const candidate = candidates.get(userId);
      if (candidate?.managesProperties) return [];
      return [
        candidate
          ? {
              field: `userIds.${index}`,
              detail: `${candidate.name || candidate.email} does not hold a Property Manager role (a role with the managed_properties scope)`,
              code: 'not_a_property_manager',
            }
          : { field: `userIds.${index}`, detail: 'is not a member of this business', code: 'no_such_member' },
      ];
    });
    if (refused.length > 0) throw invalidFields(refused);

    const before = await this.repository.listManagers(property.id);
    const current = new Set(before.map((manager) => manager.userId));
    const added = userIds.filter((userId) => !current.has(userId));
    const removed = before.filter((manager) => !userIds.includes(manager.userId));
    await this.repository.removeManagers(
      property.id,
      removed.map((manager) => manager.userId),
    );
    await this.repository.addManagers(tenantId, property.id, added);
    if (added.length > 0 || removed.length > 0) {
      const label = (userId: string) => {
        const candidate = candidates.get(userId);
        return candidate ? `${candidate.name} <${candidate.email}>` : userId;
      };
      this.activity.record({
        entityType: 'property',
        entityId: property.id,
        action: 'update',
        summary: {
          address: formatAddress(property),
          managers: {
            added: added.map(label),
            removed: removed.map((manager) => `${manager.name} <${manager.email}>`),
          },
        },
      });
    }
    return { items: (await this.repository.listManagers(property.id)).map(toView) };
  }
}

function toView(manager: ManagerRow): PropertyManagerView {
  return { userId: manager.userId, name: manager.name, email: manager.email, since: manager.since.toISOString() };
}
