'use client';

import { DEFAULT_ROLE_KEYS, type DefaultRoleKey } from '@ontrack/schemas/permissions';
import { useTranslations } from 'next-intl';

/**
 * A role's name and description in the page's language: the five default roles are translated (the API
 * names them in English); a custom role is shown as its business wrote it.
 */
export function useRoleText() {
  const t = useTranslations('team.defaultRoles');
  const isDefault = (key: string): key is DefaultRoleKey => (DEFAULT_ROLE_KEYS as readonly string[]).includes(key);
  return {
    name: (role: { key: string; name: string }) => (isDefault(role.key) ? t(`${role.key}.name`) : role.name),
    description: (role: { key: string; description: string }) =>
      isDefault(role.key) ? t(`${role.key}.description`) : role.description,
  };
}
