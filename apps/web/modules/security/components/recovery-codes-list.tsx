/**
 * The recovery codes as shown once, named as a list for screen readers. Columns of 12rem fit a code in
 * monospace: two side by side where there is room, one under the other on a phone.
 */
export function RecoveryCodesList({ codes, label }: { codes: readonly string[]; label: string }) {
  return (
    <ul
      aria-label={label}
      className="grid grid-cols-[repeat(auto-fill,minmax(12rem,1fr))] gap-2 rounded-md bg-surface-muted p-4 font-mono"
    >
      {codes.map((code) => (
        <li key={code}>{code}</li>
      ))}
    </ul>
  );
}
