import type { ComponentProps, Ref } from 'react';

export interface TextFieldProps extends Omit<ComponentProps<'input'>, 'id' | 'ref'> {
  id: string;
  label: string;
  hint?: string;
  /** Shown under the field and linked to it (aria-describedby), which is then marked invalid. */
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled input whose hint and error are announced with it. */
export function TextField({ id, label, hint, error, inputRef, className, ...input }: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mt-1 text-sm text-muted-foreground">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        ref={inputRef}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={[
          'mt-2 block min-h-11 w-full rounded-md border bg-background px-3 text-base text-foreground',
          error ? 'border-red-700 dark:border-red-300' : 'border-border-strong',
          className,
        ]
          .filter(Boolean)
          .join(' ')}
        {...input}
      />
      {error ? (
        <p id={errorId} className="mt-2 font-medium text-red-700 text-sm dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
