import type { ComponentProps } from 'react';
import { cn } from './class-names';

/**
 * A placeholder with the size of the content to come, so nothing shifts when it arrives. Hidden from
 * assistive technology: mark the region that is loading with aria-busy="true" and give it a text status
 * (for example a visually hidden "Loading jobs…") instead. The pulse stops under prefers-reduced-motion.
 */
export function Skeleton({ className, ...props }: ComponentProps<'div'>) {
  return <div aria-hidden="true" className={cn('animate-pulse rounded-md bg-surface-muted', className)} {...props} />;
}
