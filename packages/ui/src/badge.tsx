import type { ComponentProps } from 'react';
import { cn } from './class-names';

export type BadgeVariant = 'neutral' | 'primary' | 'accent' | 'success' | 'warning' | 'danger' | 'outline';

const variants: Record<BadgeVariant, string> = {
  neutral: 'border-transparent bg-surface-muted text-foreground',
  primary: 'border-transparent bg-primary text-primary-foreground',
  accent: 'border-transparent bg-accent text-accent-foreground',
  success: 'border-transparent bg-success text-success-foreground',
  warning: 'border-transparent bg-warning text-warning-foreground',
  danger: 'border-transparent bg-danger text-danger-foreground',
  outline: 'border-border-strong bg-transparent text-foreground',
};

export interface BadgeProps extends ComponentProps<'span'> {
  variant?: BadgeVariant;
}

/**
 * A short status label ("Paid", "Overdue"). The text carries the meaning; the colour only repeats it. The
 * border is always there (transparent unless outlined) so the shape survives forced-colors mode.
 */
export function Badge({ variant = 'neutral', className, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1 rounded-full border px-2.5 py-0.5 text-sm font-semibold whitespace-nowrap',
        variants[variant],
        className,
      )}
      {...props}
    />
  );
}
