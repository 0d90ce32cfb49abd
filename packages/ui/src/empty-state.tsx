import type { ReactNode } from 'react';
import { cn } from './class-names';
import { InboxIcon } from './icons';

export interface EmptyStateProps {
  title: ReactNode;
  description?: ReactNode;
  /** The next step, usually a Button or a link styled with buttonClassName. */
  action?: ReactNode;
  /** Decorative; defaults to an inbox. */
  icon?: ReactNode;
  /** The heading level that fits the page outline (default 2). */
  headingLevel?: 2 | 3 | 4;
  className?: string;
}

/** What a list or dashboard shows when there is nothing yet: what this place is for and what to do next. */
export function EmptyState({ title, description, action, icon, headingLevel = 2, className }: EmptyStateProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div
      className={cn(
        'flex flex-col items-center gap-3 rounded-lg border border-dashed border-border-strong px-6 py-10 text-center',
        className,
      )}
    >
      <span aria-hidden="true" className="flex size-12 items-center justify-center rounded-full bg-surface-muted">
        {icon ?? <InboxIcon className="size-6 text-muted-foreground" />}
      </span>
      <Heading className="text-lg font-semibold text-foreground">{title}</Heading>
      {description ? <p className="max-w-prose text-base text-muted-foreground">{description}</p> : null}
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  );
}
