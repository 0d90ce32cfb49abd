/** Today on the business's clock, as YYYY-MM-DD (follow-up dates are calendar dates in its time zone). */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

/** Whether a follow-up date has passed: before today on the business's clock. */
export function isOverdue(followUpOn: string | null, timeZone: string): boolean {
  return followUpOn !== null && followUpOn < todayIn(timeZone);
}
