/** OnTrack's own colours, used when a business has not set its branding. */
export const brandDefaults = { primaryColor: '#0F3659', accentColor: '#9FE870' } as const;

/**
 * Body and muted text on the white card both pass WCAG AA (≥ 4.5:1). On the primary colour the text is pure black
 * or white: with those two, whichever contrasts more always reaches at least 4.58:1, whatever colour a tenant picks.
 */
export const textColors = { body: '#1E293B', muted: '#475569', dark: '#000000', light: '#FFFFFF' } as const;

export interface Brand {
  primary: string;
  accent: string;
  /** Text colour drawn on `primary` (header, buttons): whichever of dark or white contrasts more. */
  onPrimary: string;
  /** Colour of inline links on white: the primary colour when it is readable there, else the default. */
  link: string;
  logoUrl?: string;
}

export interface BrandingInput {
  primaryColor?: string;
  accentColor?: string;
  logoUrl?: string;
}

/** The colours a template uses, chosen so that every text passes WCAG AA whatever the tenant picked. */
export function resolveBrand(branding: BrandingInput | undefined): Brand {
  const primary = branding?.primaryColor ?? brandDefaults.primaryColor;
  const accent = branding?.accentColor ?? brandDefaults.accentColor;
  return {
    primary,
    accent,
    onPrimary: readableTextOn(primary),
    link: contrastRatio(primary, textColors.light) >= 4.5 ? primary : brandDefaults.primaryColor,
    ...(branding?.logoUrl && { logoUrl: branding.logoUrl }),
  };
}

/** Dark or white text, whichever has the higher contrast ratio against `background`. */
export function readableTextOn(background: string): string {
  return contrastRatio(background, textColors.dark) >= contrastRatio(background, textColors.light)
    ? textColors.dark
    : textColors.light;
}

/** WCAG 2.x contrast ratio of two #RRGGBB colours, from 1 to 21. */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a) as [
    number,
    number,
  ];
  return (lighter + 0.05) / (darker + 0.05);
}

function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #RRGGBB colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((pair) => {
    const channel = Number.parseInt(pair, 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
