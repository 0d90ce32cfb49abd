/**
 * A short name for a device from its user agent ("Chrome on Linux"), enough to tell one's own devices apart.
 * Unknown agents keep `fallback`.
 */
export function describeDevice(userAgent: string | null, fallback: string): string {
  if (!userAgent) return fallback;
  const browser =
    [
      ['Edg/', 'Edge'],
      ['OPR/', 'Opera'],
      ['Firefox/', 'Firefox'],
      ['Chrome/', 'Chrome'],
      ['Chromium/', 'Chromium'],
      ['Safari/', 'Safari'],
    ].find(([token]) => userAgent.includes(token ?? ''))?.[1] ?? undefined;
  const system =
    [
      ['Android', 'Android'],
      ['iPhone', 'iPhone'],
      ['iPad', 'iPad'],
      ['Windows', 'Windows'],
      ['Mac OS X', 'macOS'],
      ['CrOS', 'ChromeOS'],
      ['Linux', 'Linux'],
    ].find(([token]) => userAgent.includes(token ?? ''))?.[1] ?? undefined;
  if (browser && system) return `${browser} · ${system}`;
  return browser ?? system ?? fallback;
}
