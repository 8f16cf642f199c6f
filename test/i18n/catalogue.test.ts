import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.js';
import { LOCALES, parseLocale, preferredLocale } from '../../i18n/locales.js';
import { CATALOGUES, translator, TYPOGRAPHY } from '../../i18n/translator.js';

/** French as Tandem sets it: no line break before a colon. */
const french = TYPOGRAPHY.fr;

/** The names of the arguments a message uses, wherever they are (inside plurals and selects too). */
function argumentsOf(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    found.add(element.value);
    if (element.type === TYPE.select || element.type === TYPE.plural)
      for (const option of Object.values(element.options)) argumentsOf(option.value, found);
    if (element.type === TYPE.tag) argumentsOf(element.children, found);
  }
  return found;
}

describe('the language catalogue', () => {
  for (const locale of LOCALES) {
    it(`${locale}: has every message of the reference, and no other`, () => {
      const keys = Object.keys(CATALOGUES[locale]).sort();
      expect({ missing: Object.keys(en).filter((k) => !keys.includes(k)), extra: keys.filter((k) => !(k in en)) }).toEqual({
        missing: [],
        extra: [],
      });
    });

    // The same names, not always the same use: one language inflects a count ("3 invités") that another prints as it is.
    it(`${locale}: every message is valid ICU and takes the same arguments as in English`, () => {
      const differing = Object.entries(CATALOGUES[locale]).flatMap(([key, message]) => {
        // As the translator compiles it: its parser may be stricter than the one below (a hyphen in a select key).
        expect(() => new IntlMessageFormat(message, locale), key).not.toThrow();
        const ours = [...argumentsOf(parse(message))].sort();
        const reference = [...argumentsOf(parse(en[key as keyof typeof en]))].sort();
        return ours.join() === reference.join() ? [] : [{ key, ours, reference }];
      });
      expect(differing).toEqual([]);
    });
  }

  it("formats plurals and dates by each language's rules, naming the time zone", () => {
    const at = Date.UTC(2026, 11, 3, 17, 5);
    expect(translator('en').t('form.fix', { count: 1 })).toBe('Please fix this problem:');
    expect(translator('fr').t('form.fix', { count: 2 })).toBe(french('Merci de corriger ces 2 points :'));
    expect(translator('en').instant(at)).toBe('Thu, 3 Dec 2026, 17:05 UTC');
    expect(translator('fr').instant(at)).toBe('jeu. 3 déc. 2026, 17:05 UTC');
    expect(translator('fr', 'Europe/Paris').instant(at)).toBe('jeu. 3 déc. 2026, 18:05 UTC+1');
  });
});

describe('choosing a language', () => {
  it('reads what an admin types in a CSV', () => {
    expect(['fr', 'FR', 'fr-CA', 'French', 'Français', 'francais', 'en', 'English', 'anglais'].map(parseLocale)).toEqual([
      'fr',
      'fr',
      'fr',
      'fr',
      'fr',
      'fr',
      'en',
      'en',
      'en',
    ]);
    expect(parseLocale('Klingon')).toBeUndefined();
  });
  it("follows the browser's order of preference, among the languages Tandem speaks", () => {
    expect(preferredLocale('fr-FR,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(preferredLocale('de-DE,de;q=0.9,en;q=0.5,fr;q=0.7')).toBe('fr');
    expect(preferredLocale('de')).toBe('en');
    expect(preferredLocale(undefined)).toBe('en');
    expect(preferredLocale('fr;q=0, en')).toBe('en');
  });
});
