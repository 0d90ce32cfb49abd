import { describe, expect, it } from 'vitest';
import { describeDevice } from './device-name';

describe('describeDevice', () => {
  it('names the browser and the system', () => {
    expect(
      describeDevice(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
        'Unknown',
      ),
    ).toBe('Chrome · Linux');
    expect(
      describeDevice('Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605 Safari/604.1', 'Unknown'),
    ).toBe('Safari · iPhone');
  });

  it('falls back when there is no user agent or nothing is recognised', () => {
    expect(describeDevice(null, 'Unknown device')).toBe('Unknown device');
    expect(describeDevice('curl/8.0', 'Unknown device')).toBe('Unknown device');
  });
});
