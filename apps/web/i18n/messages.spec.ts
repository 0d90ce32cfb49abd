import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '../messages/en';
import es from '../messages/es';
import { LOCALES } from './locales';

type Tree = { [key: string]: string | Tree };

const CATALOGUES: Record<(typeof LOCALES)[number], Tree> = { en, es };

/** Every message as its dotted path → text. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(path, value);
    else for (const [nested, text] of flatten(value, path)) flat.set(nested, text);
  }
  return flat;
}

/**
 * What a message needs from its caller: ICU arguments (`{name}`, `{count, plural, …}`) and rich-text tags
 * (`<strong>…</strong>`). Plural and select branches (`one {…}`) are not arguments: only a `{` that opens
 * with a name followed by `}` or `,` is.
 */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  for (const match of message.matchAll(/\{\s*([A-Za-z_]\w*)\s*[,}]/g)) names.add(`{${match[1]}}`);
  for (const match of message.matchAll(/<([A-Za-z]\w*)>/g)) names.add(`<${match[1]}>`);
  return [...names].sort();
}

const flat = Object.fromEntries(LOCALES.map((locale) => [locale, flatten(CATALOGUES[locale])]));
const english = flat.en ?? new Map<string, string>();

describe('message catalogues', () => {
  it('has a catalogue for every locale the app offers, and nothing else', () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s has exactly the keys of English', (locale) => {
    const keys = [...(flat[locale]?.keys() ?? [])].sort();
    expect(keys).toEqual([...english.keys()].sort());
  });

  it.each(LOCALES)('%s has no empty or untrimmed message', (locale) => {
    const blank = [...(flat[locale] ?? [])].filter(([, text]) => text.trim() === '' || text.trim() !== text);
    expect(blank.map(([key]) => key)).toEqual([]);
  });

  it.each(LOCALES.filter((locale) => locale !== 'en'))(
    '%s uses the same ICU arguments and tags as English',
    (locale) => {
      const mismatched = [...english].flatMap(([key, text]) => {
        const theirs = flat[locale]?.get(key) ?? '';
        return placeholders(theirs).join() === placeholders(text).join()
          ? []
          : [{ key, en: placeholders(text), [locale]: placeholders(theirs) }];
      });
      expect(mismatched).toEqual([]);
    },
  );

  it.each(LOCALES)('every %s message is valid ICU and formats with its arguments', (locale) => {
    const failures: string[] = [];
    const t = createTranslator({
      locale,
      messages: CATALOGUES[locale],
      onError: (error) => failures.push(error.message),
    });
    for (const [key, text] of flat[locale] ?? []) {
      const values: Record<string, string | ((chunks: unknown) => string)> = {};
      for (const name of placeholders(text)) {
        if (name.startsWith('{')) values[name.slice(1, -1)] = 'x';
        else values[name.slice(1, -1)] = (chunks) => String(chunks);
      }
      const translate = t as unknown as { rich(key: string, values: object): unknown };
      translate.rich(key, values);
    }
    expect(failures).toEqual([]);
  });

  it('catches a catalogue that drifted (the checks can fail)', () => {
    expect(placeholders('Hello <strong>{name}</strong>, {count, plural, one {# job} other {# jobs}}')).toEqual([
      '<strong>',
      '{count}',
      '{name}',
    ]);
    expect(placeholders('Hola {nombre}')).not.toEqual(placeholders('Hello {name}'));
  });
});
