/** The languages Tandem speaks to participants, by their BCP 47 codes. */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** Each language in its own words, as a menu offers it to someone who may not read the page's language. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français' };

/** What an admin may type in a CSV: a code (fr, fr-CA) or a name in either language. */
const SPELLINGS: Record<string, Locale> = { english: 'en', anglais: 'en', french: 'fr', francais: 'fr', français: 'fr' };

export function parseLocale(value: string): Locale | undefined {
  const word = value.trim().toLowerCase();
  const code = word.split(/[-_]/)[0]!;
  return (LOCALES as readonly string[]).includes(code) ? (code as Locale) : SPELLINGS[word];
}

/** The first language of an Accept-Language header that Tandem speaks, by the browser's order of preference. */
export function preferredLocale(acceptLanguage: string | undefined, fallback: Locale = DEFAULT_LOCALE): Locale {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag, q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((l) => l.tag && l.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { tag } of ranked) {
    const locale = parseLocale(tag);
    if (locale) return locale;
  }
  return fallback;
}
