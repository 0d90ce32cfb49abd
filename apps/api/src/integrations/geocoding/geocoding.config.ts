import { z } from 'zod';

/**
 * A Mapbox access token: `pk.` / `sk.` / `tk.`, a base64 JSON payload naming the account (`u`), a signature.
 * The SDK decodes the payload when the client is created and throws on anything else; checking here makes
 * loadConfig name the variable instead of the process failing later.
 */
export function isMapboxToken(token: string): boolean {
  const [kind, payload, signature, ...rest] = token.split('.');
  if (!kind || !payload || !signature || rest.length > 0 || !/^[a-z]{2}$/.test(kind)) return false;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(payload) || !/^[A-Za-z0-9_-]+$/.test(signature)) return false;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
    return typeof decoded === 'object' && decoded !== null && typeof (decoded as { u?: unknown }).u === 'string';
  } catch {
    return false;
  }
}

/**
 * Geocoding settings (Mapbox), merged into configSchema (config.schema.ts). All optional: without a token,
 * addresses are stored without coordinates (geocode_status `skipped`) and nothing fails.
 */
export const geocodingConfigSchema = z.object({
  /** Turns geocoding on. A public (`pk.`) token with the geocoding scope is enough. */
  MAPBOX_ACCESS_TOKEN: z
    .string()
    .trim()
    .refine(isMapboxToken, 'must be a Mapbox access token (pk.… from account.mapbox.com/access-tokens)')
    .optional(),
  /** Where the SDK sends requests instead of https://api.mapbox.com: tests point it at a local server. */
  MAPBOX_API_ORIGIN: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .refine((value) => new URL(value).pathname === '/', 'must be an origin only, like https://api.mapbox.com')
    .transform((value) => new URL(value).origin)
    .optional(),
  /**
   * Mapbox's terms allow keeping coordinates only from the permanent endpoint (`mapbox.places-permanent`),
   * which we do; `mapbox.places` (temporary results) is for trials with an account without permanent
   * geocoding.
   */
  MAPBOX_GEOCODING_MODE: z.enum(['mapbox.places-permanent', 'mapbox.places']).default('mapbox.places-permanent'),
});

export type GeocodingConfig = z.output<typeof geocodingConfigSchema>;

/** The fragment's settings from the merged AppConfig (a superset) or an environment-like record. */
export function readGeocodingConfig(source: Record<string, unknown>): GeocodingConfig {
  return geocodingConfigSchema.parse({
    MAPBOX_ACCESS_TOKEN: source.MAPBOX_ACCESS_TOKEN,
    MAPBOX_API_ORIGIN: source.MAPBOX_API_ORIGIN,
    MAPBOX_GEOCODING_MODE: source.MAPBOX_GEOCODING_MODE,
  });
}
