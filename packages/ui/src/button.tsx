import type { ComponentProps } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';
export type ButtonSize = 'sm' | 'md' | 'lg';

export interface ButtonStyleOptions {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string | undefined;
}

// The border (transparent unless the variant colours it) gives each button a visible edge in forced-colors
// mode, where backgrounds are removed; the focus indicator is an outline, not a box-shadow, for the same reason.
// Utilities that set the same property never appear twice in one class list: Tailwind orders its CSS by
// property, not by class order, so the later class would not reliably win.
const base =
  'inline-flex min-w-11 items-center justify-center gap-2 rounded-md border ' +
  'font-semibold no-underline transition-colors ' +
  'focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-ring ' +
  'disabled:cursor-not-allowed disabled:opacity-60';

const variants: Record<ButtonVariant, string> = {
  primary: 'border-transparent bg-primary text-primary-foreground hover:bg-primary-hover',
  secondary: 'border-border-strong bg-surface text-foreground hover:bg-surface-muted',
  ghost: 'border-transparent bg-transparent text-foreground hover:bg-surface-muted',
  // For actions that destroy something; the label must still say what (never just "OK").
  danger: 'border-transparent bg-danger text-danger-foreground hover:opacity-90',
};

// Every size keeps at least a 44px target (WCAG 2.5.5); smaller sizes only tighten padding and type.
const sizes: Record<ButtonSize, string> = {
  sm: 'min-h-11 px-3 text-sm',
  md: 'min-h-11 px-4 text-base',
  lg: 'min-h-12 px-6 text-lg',
};

/** The button's classes, for elements that must look like a button without being one (e.g. a link). */
export function buttonClassName({ variant = 'primary', size = 'md', className }: ButtonStyleOptions = {}): string {
  return [base, variants[variant], sizes[size], className].filter(Boolean).join(' ');
}

export interface ButtonProps extends ComponentProps<'button'> {
  variant?: ButtonVariant;
  size?: ButtonSize;
}

export function Button({ variant, size, className, type = 'button', ...props }: ButtonProps) {
  // `type` defaults to "button": the HTML default ("submit") makes any button inside a form submit it.
  return <button type={type} className={buttonClassName({ variant, size, className })} {...props} />;
}
