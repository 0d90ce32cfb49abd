'use client';

import type { Permission } from '@ontrack/schemas/permissions';
import { cn, focusRing } from '@ontrack/ui/class-names';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { RequirePermission } from '../../shell/components/require-permission';
import { allows } from '../../shell/navigation';
import { useShell } from '../../shell/shell-context';

type SettingsKey = 'business' | 'team' | 'roles' | 'profile' | 'security' | 'devices';

/** The business's pages first (for those who may open them), then the person's own. */
const SECTIONS: readonly { key: SettingsKey; href: string; anyOf: readonly Permission[]; group: 'business' | 'you' }[] =
  [
    { key: 'business', href: '/settings/business', anyOf: ['tenant:read'], group: 'business' },
    { key: 'team', href: '/settings/team', anyOf: ['users:read'], group: 'business' },
    { key: 'roles', href: '/settings/roles', anyOf: ['roles:read'], group: 'business' },
    { key: 'profile', href: '/settings/profile', anyOf: [], group: 'you' },
    { key: 'security', href: '/settings/security', anyOf: [], group: 'you' },
    { key: 'devices', href: '/settings/devices', anyOf: [], group: 'you' },
  ];

export function SettingsOverviewView() {
  const t = useTranslations('settings.overview');
  const state = useShell();
  const permissions = state.status === 'ready' ? state.permissions : new Set<Permission>();

  return (
    <RequirePermission anyOf={['tenant:manage', 'users:read']} title={t('title')}>
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p className="text-lg text-muted-foreground">{t('intro')}</p>
      {(['business', 'you'] as const).map((group) => (
        <section key={group} aria-labelledby={`${group}-heading`} className="space-y-3">
          <h2 id={`${group}-heading`} className="text-xl font-semibold">
            {t(`groups.${group}`)}
          </h2>
          <ul className="grid gap-4 md:grid-cols-2">
            {SECTIONS.filter((section) => section.group === group && allows(permissions, section.anyOf)).map(
              (section) => (
                <li key={section.key}>
                  <Link
                    href={section.href}
                    className={cn(
                      'flex min-h-11 flex-col rounded-lg border border-border bg-surface p-5 hover:bg-surface-muted',
                      focusRing,
                    )}
                  >
                    <span className="font-semibold underline underline-offset-4">{t(`${section.key}Title`)}</span>
                    <span className="mt-1 text-muted-foreground">{t(`${section.key}Description`)}</span>
                  </Link>
                </li>
              ),
            )}
          </ul>
        </section>
      ))}
    </RequirePermission>
  );
}
