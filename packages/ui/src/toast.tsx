import { Toast as ToastPrimitive } from 'radix-ui';
import type { ComponentProps } from 'react';
import { cn, focusRing } from './class-names';
import { XIcon } from './icons';
import { dismissToast, type ToastVariant, useToastMessages } from './toast-store';

// Radix Toast: each toast is announced through a live region (polite, or assertive for `foreground`
// toasts), pauses while hovered or focused, can be swiped away, and F8 moves focus to the viewport.
// Never put the only way to do something in a toast: it goes away. Actions need `altText` saying how
// else to do it, for screen-reader users who cannot reach the toast in time.

export const ToastProvider = ToastPrimitive.Provider;

export function ToastViewport({ className, ...props }: ComponentProps<typeof ToastPrimitive.Viewport>) {
  return (
    <ToastPrimitive.Viewport
      className={cn(
        'fixed inset-x-0 bottom-0 z-[100] m-0 flex max-h-dvh list-none flex-col gap-2 p-4',
        'sm:inset-x-auto sm:end-0 sm:w-96',
        className,
      )}
      {...props}
    />
  );
}

const variants: Record<ToastVariant, string> = {
  neutral: 'border-border-strong',
  success: 'border-success border-s-8',
  danger: 'border-danger border-s-8',
};

export interface ToastProps extends ComponentProps<typeof ToastPrimitive.Root> {
  variant?: ToastVariant;
}

export function Toast({ variant = 'neutral', className, ...props }: ToastProps) {
  return (
    <ToastPrimitive.Root
      className={cn(
        'relative flex w-full items-start gap-3 rounded-lg border bg-background p-4 pe-12 text-foreground shadow-lg',
        'data-[state=open]:animate-slide-in-up data-[state=closed]:animate-fade-out',
        'data-[swipe=move]:translate-y-(--radix-toast-swipe-move-y)',
        variants[variant],
        className,
      )}
      {...props}
    />
  );
}

export function ToastTitle({ className, ...props }: ComponentProps<typeof ToastPrimitive.Title>) {
  return <ToastPrimitive.Title className={cn('text-base font-semibold', className)} {...props} />;
}

export function ToastDescription({ className, ...props }: ComponentProps<typeof ToastPrimitive.Description>) {
  return <ToastPrimitive.Description className={cn('text-sm text-muted-foreground', className)} {...props} />;
}

export function ToastAction({ className, ...props }: ComponentProps<typeof ToastPrimitive.Action>) {
  return (
    <ToastPrimitive.Action
      className={cn(
        'inline-flex min-h-11 shrink-0 items-center rounded-md border border-border-strong px-3 text-sm font-semibold',
        'hover:bg-surface-muted',
        focusRing,
        className,
      )}
      {...props}
    />
  );
}

export function ToastClose({ label = 'Dismiss', className }: { label?: string; className?: string }) {
  return (
    <ToastPrimitive.Close
      className={cn(
        'absolute end-1 top-1 inline-flex size-11 items-center justify-center rounded-md text-muted-foreground',
        'hover:bg-surface-muted hover:text-foreground',
        focusRing,
        className,
      )}
    >
      <XIcon className="size-4" />
      <span className="sr-only">{label}</span>
    </ToastPrimitive.Close>
  );
}

// toast() and its queue live in toast-store.tsx, without Radix: code that only shows toasts does not load
// the Toast primitive (the app loads <Toaster /> when there is something to show).

export interface ToasterProps {
  /** Accessible name of each toast's dismiss button; pass the translated word. */
  dismissLabel?: string;
  /** Name of the landmark the toasts live in, announced with the F8 hotkey; `{hotkey}` is replaced. */
  label?: string;
}

/** Mount once near the root of the app; it renders whatever toast() queued. */
export function Toaster({ dismissLabel, label }: ToasterProps) {
  const current = useToastMessages();
  return (
    <ToastProvider label={label}>
      {current.map((message) => (
        <Toast
          key={message.id}
          variant={message.variant}
          duration={message.duration}
          onOpenChange={(open) => {
            if (!open) dismissToast(message.id);
          }}
        >
          <div className="grid flex-1 gap-1">
            <ToastTitle>{message.title}</ToastTitle>
            {message.description ? <ToastDescription>{message.description}</ToastDescription> : null}
          </div>
          {message.action ? (
            <ToastAction altText={message.action.altText} onClick={message.action.onClick}>
              {message.action.label}
            </ToastAction>
          ) : null}
          <ToastClose label={dismissLabel} />
        </Toast>
      ))}
      <ToastViewport />
    </ToastProvider>
  );
}
