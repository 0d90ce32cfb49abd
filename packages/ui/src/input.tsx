import type { ComponentProps } from 'react';
import { cn, fieldBase } from './class-names';

export type InputProps = ComponentProps<'input'>;

/**
 * A text field. Give it a name through a <label> (FormField does the wiring) — a placeholder is not a label.
 * Set `aria-invalid` to show the error state; FormField does that too.
 */
export function Input({ className, type = 'text', ...props }: InputProps) {
  return <input type={type} className={cn(fieldBase, className)} {...props} />;
}
