import { Logger } from '@nestjs/common';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeMapbox, TEST_MAPBOX_TOKEN } from '../../../test/support/fake-mapbox.js';
import { InvalidConfigError, loadConfig } from '../../platform/config/load-config.js';
import { isMapboxToken, readGeocodingConfig } from './geocoding.config.js';
import { createGeocoder } from './geocoding.module.js';
import { type GeocodingAddress, PermanentGeocodingError } from './geocoding.port.js';
import { MapboxGeocodingAdapter } from './mapbox-geocoding.adapter.js';

beforeAll(() => Logger.overrideLogger(false));

const OAK_ST: GeocodingAddress = {
  addressLine1: '12 Oak St',
  addressLine2: null,
  city: 'Austin',
  region: 'TX',
  postalCode: '78701',
  country: 'US',
};

/** The real SDK, configured exactly as the API configures it, against the local server. */
function adapterFor(fake: FakeMapbox, env: Record<string, string> = fake.env()) {
  const geocoder = createGeocoder(readGeocodingConfig(env));
  if (!(geocoder instanceof MapboxGeocodingAdapter)) throw new Error('expected the Mapbox adapter');
  return geocoder;
}

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) throw new Error('the call was expected to fail');
  return outcome;
}

describe('MapboxGeocodingAdapter against a local Geocoding v5 server', () => {
  let fake: FakeMapbox;

  beforeAll(async () => {
    fake = await new FakeMapbox().start();
    fake.place('12 oak st', 30.267153, -97.743057);
  });
  afterAll(() => fake.stop());
  afterEach(() => {
    fake.requests.length = 0;
    fake.slowDown(0);
  });

  it('answers the first feature’s center as latitude / longitude, asking the permanent endpoint', async () => {
    await expect(adapterFor(fake).geocode(OAK_ST)).resolves.toEqual({ latitude: 30.267153, longitude: -97.743057 });
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.mode).toBe('mapbox.places-permanent');
    expect(request?.query).toBe('12 Oak St, Austin, TX 78701');
    expect(Object.fromEntries(request?.params ?? [])).toEqual({
      access_token: TEST_MAPBOX_TOKEN,
      country: 'us',
      limit: '1',
      autocomplete: 'false',
    });
  });

  it('uses the temporary endpoint when configured so, and keeps `;` (the batch separator) out of the query', async () => {
    const geocoder = adapterFor(fake, { ...fake.env(), MAPBOX_GEOCODING_MODE: 'mapbox.places' });
    await geocoder.geocode({ ...OAK_ST, addressLine2: 'Unit 4; rear' });
    expect(fake.requests[0]?.mode).toBe('mapbox.places');
    expect(fake.requests[0]?.query).toBe('12 Oak St, Unit 4, rear, Austin, TX 78701');
  });

  it('answers null when Mapbox finds no place', async () => {
    await expect(adapterFor(fake).geocode({ ...OAK_ST, addressLine1: '1 Nowhere Lane' })).resolves.toBeNull();
    expect(fake.requests[0]?.status).toBe(200);
  });

  it('treats a refused token and a malformed query as permanent, without the token in the message', async () => {
    const badToken = `pk.${Buffer.from('{"u":"someone-else"}').toString('base64')}.c2lnbmF0dXJl`;
    const unauthorised = await failureOf(
      adapterFor(fake, { ...fake.env(), MAPBOX_ACCESS_TOKEN: badToken }).geocode(OAK_ST),
    );
    expect(unauthorised).toBeInstanceOf(PermanentGeocodingError);
    expect(unauthorised).toMatchObject({ status: 401 });
    expect(unauthorised.message).toMatch(/HTTP 401.*Not Authorized - Invalid Token/);
    expect(unauthorised.message).not.toContain(badToken);

    fake.failNext(422, 1, 'Query too long');
    const malformed = await failureOf(adapterFor(fake).geocode(OAK_ST));
    expect(malformed).toBeInstanceOf(PermanentGeocodingError);
    expect(malformed).toMatchObject({ status: 422 });
  });

  it('treats 429 and 5xx as transient (worth another attempt)', async () => {
    fake.failNext(429, 1, 'Too Many Requests').failNext(503);
    for (const status of [429, 503]) {
      const error = await failureOf(adapterFor(fake).geocode(OAK_ST));
      expect(error).not.toBeInstanceOf(PermanentGeocodingError);
      expect(error.message).toContain(`HTTP ${status}`);
    }
    await expect(adapterFor(fake).geocode(OAK_ST)).resolves.not.toBeNull();
  });

  it('gives up on a server that does not answer, as a transient failure', async () => {
    fake.slowDown(2_000);
    const geocoder = new MapboxGeocodingAdapter(TEST_MAPBOX_TOKEN, { origin: fake.origin, timeoutMs: 100 });
    const error = await failureOf(geocoder.geocode(OAK_ST));
    expect(error).not.toBeInstanceOf(PermanentGeocodingError);
    expect(error.message).toBe('Mapbox did not answer in time');
  });

  it('reports an unreachable server as transient, without the token', async () => {
    const gone = await new FakeMapbox().start();
    await gone.stop();
    const error = await failureOf(adapterFor(fake, { ...fake.env(), MAPBOX_API_ORIGIN: gone.origin }).geocode(OAK_ST));
    expect(error).not.toBeInstanceOf(PermanentGeocodingError);
    expect(error.message).toMatch(/^Mapbox could not be reached/);
    expect(error.message).not.toContain(TEST_MAPBOX_TOKEN);
  });
});

describe('geocoding configuration', () => {
  const base = { APP_DATABASE_URL: 'postgres://app@127.0.0.1:5432/ontrack' };

  it('recognises Mapbox tokens', () => {
    expect(isMapboxToken(TEST_MAPBOX_TOKEN)).toBe(true);
    expect(isMapboxToken('pk.eyJ1Ijoic2FtcGxlIiwiYSI6ImNrMTIzIn0.AbC-12_x')).toBe(true);
    expect(isMapboxToken('not-a-token')).toBe(false);
    expect(isMapboxToken('pk.bm90IGpzb24.sig')).toBe(false); // "not json"
    expect(isMapboxToken(`pk.${Buffer.from('{"a":1}').toString('base64')}.sig`)).toBe(false); // no account
  });

  it('is optional: without a token there is no geocoder, in production too', () => {
    const production = loadConfig({
      ...base,
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: 'x'.repeat(32),
      AUTH_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      SMTP_URL: 'smtp://127.0.0.1:1025',
    });
    expect(production.MAPBOX_ACCESS_TOKEN).toBeUndefined();
    expect(production.MAPBOX_GEOCODING_MODE).toBe('mapbox.places-permanent');
    expect(createGeocoder(readGeocodingConfig(production))).toBeNull();
  });

  it('stops the API at start-up on a malformed token or origin, naming the variable but not the value', () => {
    let refused: unknown;
    try {
      loadConfig({ ...base, MAPBOX_ACCESS_TOKEN: 'secret-looking-value', MAPBOX_API_ORIGIN: 'http://x.test/api' });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(InvalidConfigError);
    const problems = (refused as InvalidConfigError).problems;
    expect(problems).toEqual([
      expect.stringMatching(/^MAPBOX_ACCESS_TOKEN is invalid: must be a Mapbox access token/),
      expect.stringMatching(/^MAPBOX_API_ORIGIN is invalid: must be an origin only/),
    ]);
    expect(problems.join('\n')).not.toContain('secret-looking-value');
  });

  it('takes the origin without a trailing slash', () => {
    expect(readGeocodingConfig({ MAPBOX_API_ORIGIN: 'http://127.0.0.1:9/' }).MAPBOX_API_ORIGIN).toBe(
      'http://127.0.0.1:9',
    );
  });
});
