import { Avatar as AvatarPrimitive } from 'radix-ui';
import { cn } from './class-names';

export type AvatarSize = 'sm' | 'md' | 'lg';

const sizes: Record<AvatarSize, string> = { sm: 'size-8 text-xs', md: 'size-10 text-sm', lg: 'size-14 text-lg' };

export interface AvatarProps {
  /** The person's name: the image's alt text and the source of the initials shown until (or instead of) it. */
  name: string;
  src?: string | undefined;
  size?: AvatarSize;
  /** Set when the name is already written next to the avatar, so screen readers do not hear it twice. */
  decorative?: boolean;
  className?: string;
}

/** Up to two initials: first letters of the first and last words ("Ana María López" → "AL"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

export function Avatar({ name, src, size = 'md', decorative = false, className }: AvatarProps) {
  return (
    <AvatarPrimitive.Root
      className={cn(
        'relative inline-flex shrink-0 overflow-hidden rounded-full border border-border bg-surface-muted',
        sizes[size],
        className,
      )}
      role={decorative ? undefined : 'img'}
      aria-label={decorative ? undefined : name}
      aria-hidden={decorative || undefined}
    >
      {src ? <AvatarPrimitive.Image src={src} alt="" className="size-full object-cover" /> : null}
      <AvatarPrimitive.Fallback
        aria-hidden="true"
        className="flex size-full items-center justify-center font-semibold text-foreground"
      >
        {initials(name)}
      </AvatarPrimitive.Fallback>
    </AvatarPrimitive.Root>
  );
}
