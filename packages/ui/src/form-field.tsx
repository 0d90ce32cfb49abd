import { Slot } from 'radix-ui';
import { type ReactElement, type ReactNode, useId } from 'react';
import { cn } from './class-names';
import { AlertCircleIcon } from './icons';

export interface FormFieldProps {
  /** The visible name of the control. Always shown: a placeholder or an icon is not a label. */
  label: ReactNode;
  /** Help that stays on screen (format, limits); read after the label by screen readers. */
  hint?: ReactNode;
  /** The current error, if any; the control is then marked invalid and the message read with it. */
  error?: ReactNode;
  required?: boolean;
  /** The control's id; generated when omitted. */
  id?: string;
  /**
   * `stacked` (default): label above the control. `inline`: the control first, then the label beside it,
   * for a single checkbox or switch.
   */
  layout?: 'stacked' | 'inline';
  /**
   * The control is a group (a radio group, a list of checkboxes) rather than one labelable element, so it is
   * named with aria-labelledby instead of <label for>.
   */
  group?: boolean;
  className?: string;
  /**
   * Exactly one control (Input, Textarea, Checkbox, RadioGroup, ...), which receives the wiring props. When the
   * element to wire sits inside a wrapper that renders nothing itself (the trigger inside a Radix Select), pass
   * a function instead and spread the props onto that element.
   */
  children: ReactElement | ((control: FormControlProps) => ReactNode);
}

/** What FormField puts on its control. */
export interface FormControlProps {
  id: string | undefined;
  'aria-labelledby': string | undefined;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
  'aria-required': true | undefined;
}

/**
 * A label, a control, a hint and an error, wired together: the control gets the id the label points at,
 * aria-describedby naming the hint and the error, aria-invalid while there is an error, and aria-required.
 * The props reach the control through Radix Slot, so any primitive (or a plain element) works as the child.
 */
export function FormField({
  label,
  hint,
  error,
  required = false,
  id,
  layout = 'stacked',
  group = false,
  className,
  children,
}: FormFieldProps) {
  const generated = useId();
  const controlId = id ?? `${generated}-control`;
  const labelId = `${controlId}-label`;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const invalid = error !== undefined && error !== null && error !== false;
  const describedBy = [hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(' ') || undefined;

  const labelContent = (
    <>
      {label}
      {/* The asterisk is for sighted users; the control's aria-required tells everyone else. */}
      {required ? (
        <span aria-hidden="true" className="ms-0.5 text-danger">
          *
        </span>
      ) : null}
    </>
  );
  const labelClass = 'text-sm font-semibold text-foreground';
  const labelElement = group ? (
    <span id={labelId} className={labelClass}>
      {labelContent}
    </span>
  ) : (
    <label id={labelId} htmlFor={controlId} className={labelClass}>
      {labelContent}
    </label>
  );

  const controlProps: FormControlProps = {
    id: group ? undefined : controlId,
    'aria-labelledby': group ? labelId : undefined,
    'aria-describedby': describedBy,
    'aria-invalid': invalid || undefined,
    'aria-required': required || undefined,
  };
  const control =
    typeof children === 'function' ? children(controlProps) : <Slot.Root {...controlProps}>{children}</Slot.Root>;

  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      {layout === 'inline' ? (
        <div className="flex min-h-11 items-center gap-3">
          {control}
          {labelElement}
        </div>
      ) : (
        <>
          {labelElement}
          {control}
        </>
      )}
      {hint ? (
        <p id={hintId} className="text-sm text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {invalid ? (
        <p id={errorId} className="flex items-start gap-1.5 text-sm font-medium text-danger">
          <AlertCircleIcon className="mt-0.5 size-4 shrink-0" />
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}
