import type { ComponentProps } from 'react';
import { cn, fieldBase } from './class-names';

export type TextareaProps = ComponentProps<'textarea'>;

export function Textarea({ className, rows = 4, ...props }: TextareaProps) {
  return <textarea rows={rows} className={cn(fieldBase, 'min-h-24 resize-y', className)} {...props} />;
}
