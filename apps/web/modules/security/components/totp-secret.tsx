/** The Base32 secret, for people whose app cannot scan: easy to select and copy, wrapped on narrow screens. */
export function TotpSecret({ secret, label }: { secret: string; label: string }) {
  return (
    <div>
      <p className="text-sm">{label}</p>
      <code className="mt-1 block break-all rounded-md bg-surface-muted p-2 font-mono text-sm">{secret}</code>
    </div>
  );
}
