import { createFormatters, type Formatters } from './format';
import { getRegionalSettings } from './regional-settings';

/** Money, numbers and dates for server components, in the request's locale and the business's settings. */
export async function getFormatters(): Promise<Formatters> {
  return createFormatters(await getRegionalSettings());
}
