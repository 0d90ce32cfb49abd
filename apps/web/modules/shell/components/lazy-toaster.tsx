'use client';

import { useToastMessages } from '@ontrack/ui/toast-store';
import dynamic from 'next/dynamic';

// The Toast primitive arrives with the first toast, not with every page.
const Toaster = dynamic(() => import('@ontrack/ui/toast').then((module) => module.Toaster));

/** Mounts the design system's <Toaster /> once there is something to show (and keeps it from then on). */
export function LazyToaster({ label, dismissLabel }: { label: string; dismissLabel: string }) {
  const queued = useToastMessages().length > 0;
  return queued ? <Toaster label={label} dismissLabel={dismissLabel} /> : null;
}
