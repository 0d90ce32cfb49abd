import geocodingService from '@mapbox/mapbox-sdk/services/geocoding.js';
import { Logger } from '@nestjs/common';
import { z } from 'zod';
import type { GeocodingConfig } from './geocoding.config.js';
import {
  type Coordinates,
  formatAddress,
  type Geocoder,
  type GeocodingAddress,
  PermanentGeocodingError,
} from './geocoding.port.js';

/** A job retries soon after a failure; the SDK itself never times out, so a stuck connection is aborted. */
const REQUEST_TIMEOUT_MS = 10_000;
/** Geocoding v5 refuses longer queries (and more than 20 words). */
const MAX_QUERY_LENGTH = 256;

type Mode = GeocodingConfig['MAPBOX_GEOCODING_MODE'];

// Geocoding v5 answers a GeoJSON FeatureCollection; `center` is [longitude, latitude] of the best match first.
const answerSchema = z.object({
  features: z.array(
    z.object({
      center: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
    }),
  ),
});

/**
 * Forward geocoding through Mapbox's Geocoding API (v5) with the official SDK. MAPBOX_API_ORIGIN points the
 * SDK at another server (a local one in tests); the SDK puts the token in the query string of every request.
 */
export class MapboxGeocodingAdapter implements Geocoder {
  readonly provider = 'mapbox';
  private readonly client: ReturnType<typeof geocodingService>;
  private readonly logger = new Logger('Geocoding');

  constructor(
    accessToken: string,
    private readonly options: { origin?: string; mode?: Mode; timeoutMs?: number } = {},
  ) {
    this.client = geocodingService({ accessToken, ...(options.origin && { origin: options.origin }) });
  }

  static fromConfig(config: GeocodingConfig): MapboxGeocodingAdapter {
    if (!config.MAPBOX_ACCESS_TOKEN) throw new Error('MapboxGeocodingAdapter needs MAPBOX_ACCESS_TOKEN');
    return new MapboxGeocodingAdapter(config.MAPBOX_ACCESS_TOKEN, {
      origin: config.MAPBOX_API_ORIGIN,
      mode: config.MAPBOX_GEOCODING_MODE,
    });
  }

  async geocode(address: GeocodingAddress): Promise<Coordinates | null> {
    const request = this.client.forwardGeocode({
      query: queryOf(address),
      mode: this.options.mode ?? 'mapbox.places-permanent',
      countries: [address.country.toLowerCase()],
      limit: 1,
      // A full street address, not what someone is still typing: autocomplete would favour prefixes.
      autocomplete: false,
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      request.abort();
    }, this.options.timeoutMs ?? REQUEST_TIMEOUT_MS);
    let body: unknown;
    try {
      body = (await request.send()).body;
    } catch (error) {
      throw classify(error, timedOut);
    } finally {
      clearTimeout(timer);
    }
    const answer = answerSchema.safeParse(body);
    if (!answer.success) throw new Error('Mapbox answered with something other than a geocoding FeatureCollection');
    const best = answer.data.features[0];
    if (!best) {
      this.logger.debug('Mapbox found no place for an address');
      return null;
    }
    const [longitude, latitude] = best.center;
    return { latitude, longitude };
  }
}

/**
 * One line without `;` (the batch separator of the permanent endpoint) and within the API's length limit.
 * The country goes in the `country` filter rather than the text.
 */
function queryOf(address: GeocodingAddress): string {
  return formatAddress(address).replaceAll(';', ',').slice(0, MAX_QUERY_LENGTH);
}

/**
 * The SDK rejects with a MapiError (`type` HttpError with `statusCode`, or RequestAbortedError) or with the
 * HTTP library's own error. 4xx answers other than 429 do not get better with retries (401 bad token, 403 no
 * access to the endpoint, 422 malformed query); everything else might. New errors without `cause`: the SDK's
 * error carries the request, whose URL holds the access token.
 */
function classify(error: unknown, timedOut: boolean): Error {
  const { type, statusCode, message, code } = (error ?? {}) as {
    type?: unknown;
    statusCode?: unknown;
    message?: unknown;
    code?: unknown;
  };
  if (type === 'RequestAbortedError') {
    return new Error(timedOut ? 'Mapbox did not answer in time' : 'the Mapbox request was aborted');
  }
  const detail = typeof message === 'string' && message !== '' ? `: ${withoutToken(message)}` : '';
  if (type === 'HttpError' && typeof statusCode === 'number') {
    const described = `Mapbox refused the geocoding request (HTTP ${statusCode})${detail}`;
    if (statusCode === 429 || statusCode >= 500) return new Error(described);
    return new PermanentGeocodingError(described, statusCode);
  }
  const reason = [code, message].filter((part) => typeof part === 'string' && part !== '').join(': ');
  return new Error(`Mapbox could not be reached: ${withoutToken(reason) || 'unknown error'}`);
}

function withoutToken(text: string): string {
  return text.replace(/access_token=[^&\s]+/g, 'access_token=…');
}
