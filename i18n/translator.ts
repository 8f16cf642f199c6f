import { IntlMessageFormat } from 'intl-messageformat';
import { en, type Catalogue, type MessageKey } from './en.js';
import { fr } from './fr.js';
import { DEFAULT_LOCALE, type Locale } from './locales.js';
import { DEFAULT_TIME_ZONE } from './time-zones.js';

export type { MessageKey } from './en.js';
export const CATALOGUES: Record<Locale, Catalogue> = { en, fr };

/** The regional conventions each language's dates follow. */
const REGION: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR' };

export type MessageValues = Record<string, string | number | boolean | Date>;

/** What a page or an email says, in one language, with its dates in one time zone. */
export interface Translator {
  locale: Locale;
  timeZone: string;
  t(key: MessageKey, values?: MessageValues): string;
  /** A date and time, with its time zone named: "Thu, 3 Dec 2026, 17:05 UTC". */
  instant(at: Date | number | string): string;
  /** Items joined as the language does: "a, b and c", "a, b et c". */
  list(items: readonly string[]): string;
}

/**
 * Each language's spacing: French puts a space before « : ; ! ? » and inside quotes, which a line must not
 * break at (a colon alone at the start of a line reads as a mistake). Applied to every message, so a new one
 * typed with plain spaces is set right too.
 */
export const TYPOGRAPHY: Record<Locale, (text: string) => string> = {
  en: (text) => text,
  fr: (text) => text.replace(/ ([:;!?»])/g, (_, mark: string) => (mark === ':' ? '\u00a0' : '\u202f') + mark).replace(/« /g, '«\u202f'),
};

const compiled = new Map<string, IntlMessageFormat>();

function format(locale: Locale, key: MessageKey, values?: MessageValues): string {
  const id = `${locale}\u0000${key}`;
  let message = compiled.get(id);
  if (!message) compiled.set(id, (message = new IntlMessageFormat(CATALOGUES[locale][key], REGION[locale])));
  return TYPOGRAPHY[locale](String(message.format(values)));
}

const translators = new Map<string, Translator>();

/** How one participant reads Tandem: in their own language and time zone, else their cohort's. */
export const translatorFor = (
  reader: { language: Locale | null; timeZone: string | null },
  cohort: { language: Locale; timeZone: string },
) => translator(reader.language ?? cohort.language, reader.timeZone ?? cohort.timeZone);

export function translator(locale: Locale = DEFAULT_LOCALE, timeZone = DEFAULT_TIME_ZONE): Translator {
  const id = `${locale} ${timeZone}`;
  let made = translators.get(id);
  if (!made) translators.set(id, (made = makeTranslator(locale, timeZone)));
  return made;
}

function makeTranslator(locale: Locale, timeZone: string): Translator {
  const dates = new Intl.DateTimeFormat(REGION[locale], {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  });
  const lists = new Intl.ListFormat(REGION[locale], { type: 'conjunction' });
  return {
    locale,
    timeZone,
    t: (key, values) => format(locale, key, values),
    instant: (at) => dates.format(new Date(at)),
    list: (items) => lists.format(items),
  };
}
