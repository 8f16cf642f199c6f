/**
 * Counts read as the language counts: "1 pairs", "1 of 1 topics", "1 binômes" read as mistakes. Every message
 * in both languages is rendered with each of its counts at 1; a noun after such a count must be singular.
 */
import { expect, it } from 'vitest';
import { LOCALES } from '../../i18n/locales.js';
import { CATALOGUES, translator, type MessageKey } from '../../i18n/translator.js';

/** The arguments that carry a count though the message does not say so with `plural` or `number`. */
const COUNTS = /^(count|wanted|met|pairs|limit|maximum|minimum|meeting|of|size|over|megabytes|weeks|days|meetings|checkIns|places)$/;
/** Words after a count that end in s and are not plural nouns: verbs, and nouns whose singular ends in s. */
const NOT_PLURAL = /^(is|was|has|does|as|des)$/;

it('puts a singular noun after a count of one, in every message of every language', () => {
  const problems: string[] = [];
  for (const locale of LOCALES) {
    const { t } = translator(locale);
    for (const [key, message] of Object.entries(CATALOGUES[locale])) {
      const values: Record<string, string | number> = {};
      for (const [, name, kind] of message.matchAll(/\{\s*(\w+)\s*(?:,\s*(\w+))?/g)) {
        if (kind === 'select') values[name!] = 'other';
        else if (kind === 'plural' || kind === 'number' || COUNTS.test(name!)) values[name!] = 1;
        else values[name!] ??= 'Ava';
      }
      const text = t(key as MessageKey, values);
      for (const [, word] of text.matchAll(/(?:^|[\s(])1 ([\p{L}-]+s)(?=[\s.,;:)]|$)/gu)) {
        if (!NOT_PLURAL.test(word!)) problems.push(`${locale} ${key}: …1 ${word}…`);
      }
    }
  }
  expect(problems).toEqual([]);
});
