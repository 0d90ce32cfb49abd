// Shared class helpers (`@ontrack/ui/class-names`); .tsx like every public module of the package, see table-sort.

/** Joins class lists, skipping empty ones, so optional classes can be passed straight through. */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(' ');
}

/**
 * The focus indicator every interactive primitive shares: an outline (not a box-shadow) so it survives
 * forced-colors mode, offset so it never hides the control's own border.
 */
export const focusRing = 'focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-ring';

/** Styles shared by the text-like fields (input, textarea, date and time, select trigger). */
export const fieldBase =
  'block w-full min-h-11 rounded-md border border-border-strong bg-background px-3 py-2 text-base ' +
  'text-foreground placeholder:text-muted-foreground ' +
  'disabled:cursor-not-allowed disabled:opacity-60 ' +
  // An invalid field is told apart by a thicker border, not by colour alone (WCAG 1.4.1).
  'aria-invalid:border-2 aria-invalid:border-danger ' +
  focusRing;
