export type BrandMarkSize = 'sm' | 'md' | 'lg';

export interface BrandMarkProps {
  size?: BrandMarkSize;
  /** Show only the symbol; it then carries the accessible name itself. */
  iconOnly?: boolean;
  className?: string;
}

const symbolSizes: Record<BrandMarkSize, string> = { sm: 'size-6', md: 'size-8', lg: 'size-12' };
const textSizes: Record<BrandMarkSize, string> = { sm: 'text-base', md: 'text-xl', lg: 'text-3xl' };

/**
 * The OnTrack wordmark: a navy tile with a green route ending on its destination, then the name.
 * The text inherits the surrounding colour so the mark works on light, dark and navy backgrounds.
 */
export function BrandMark({ size = 'md', iconOnly = false, className }: BrandMarkProps) {
  // With the wordmark visible, the text is the accessible name and the symbol is decoration; alone, the
  // symbol must be named itself or a link wrapping it would have no name.
  return (
    <span className={['inline-flex items-center gap-2', className].filter(Boolean).join(' ')}>
      <svg
        viewBox="0 0 32 32"
        className={`${symbolSizes[size]} shrink-0`}
        focusable="false"
        xmlns="http://www.w3.org/2000/svg"
        role={iconOnly ? 'img' : undefined}
        aria-label={iconOnly ? 'OnTrack' : undefined}
        aria-hidden={iconOnly ? undefined : true}
      >
        {/* The faint edge in the text colour keeps the tile visible when it sits on the same navy. */}
        <rect
          x="0.5"
          y="0.5"
          width="31"
          height="31"
          rx="7.5"
          stroke="currentColor"
          strokeOpacity="0.3"
          className="fill-brand-navy"
        />
        <path
          d="M8.5 23.5c0-6 4-7.5 7.5-7.5s7.5-1.5 7.5-7.5"
          fill="none"
          strokeWidth="3"
          strokeLinecap="round"
          className="stroke-brand-green"
        />
        <circle cx="8.5" cy="23.5" r="2.5" className="fill-brand-green" />
        <circle cx="23.5" cy="8.5" r="3.5" className="fill-brand-green" />
      </svg>
      {iconOnly ? null : <span className={`${textSizes[size]} font-bold tracking-tight`}>OnTrack</span>}
    </span>
  );
}
