/**
 * French that a French reader finds natural: "de Ava", "le Émile", "que Ava" read as mistakes. Every French
 * message that names a person or a cohort is rendered with names that start with a vowel, an accented vowel
 * and a consonant; none may put such a name after a word that would elide before it.
 */
import { expect, it } from 'vitest';
import { fr } from '../../i18n/fr.js';
import { translator, type MessageKey } from '../../i18n/translator.js';

/** The arguments that carry a person's or a cohort's name. */
const NAMED =
  /^(name|names|partner|partners|others|mentee|mentor|menteeName|mentorName|person|people|who|signer|missing|cohort|organisation)$/;
/** Words French elides before a vowel or a mute h. */
const ELIDING = '(?:de|le|la|que|je|ne|se|me|te|ce|jusque|lorsque|puisque)';
// A vowel, an accented vowel, and a consonant to be sure the names reach the text (an aspirated h, as in Hugo, takes no elision).
const NAMES = ['Ava', 'Émile', 'Zoé'];

/** Each argument of an ICU message, with what it is: a plain value, a number (plural), or a choice (select). */
function argumentsOf(message: string): Map<string, 'value' | 'number' | 'choice'> {
  const found = new Map<string, 'value' | 'number' | 'choice'>();
  for (const [, name, kind] of message.matchAll(/\{\s*(\w+)\s*(?:,\s*(\w+))?/g)) {
    const seen = kind === 'plural' || kind === 'selectordinal' || kind === 'number' ? 'number' : kind === 'select' ? 'choice' : 'value';
    if (found.get(name!) !== 'number' && found.get(name!) !== 'choice') found.set(name!, seen);
  }
  return found;
}

it('never puts a name after a word that elides before it, in any French message', () => {
  const { t } = translator('fr');
  const problems: string[] = [];
  let checked = 0;
  for (const [key, message] of Object.entries(fr)) {
    const args = argumentsOf(message);
    if (![...args.keys()].some((a) => NAMED.test(a))) continue;
    checked++;
    for (const name of NAMES) {
      const values = Object.fromEntries(
        [...args].map(([arg, kind]) => [arg, kind === 'number' ? 2 : kind === 'choice' ? 'other' : NAMED.test(arg) ? name : 'X']),
      );
      const text = t(key as MessageKey, values);
      const wrong = new RegExp(`(?:^|[\\s(«])${ELIDING} ${name}\\b`, 'i').exec(text);
      if (wrong) problems.push(`${key}: …${text.slice(Math.max(0, wrong.index - 30), wrong.index + 30)}…`);
    }
  }
  expect(checked).toBeGreaterThan(80);
  expect(problems).toEqual([]);
});

it('never says "tous deux" of a pair, which is wrong for two women: the pair is named without a gender', () => {
  const gendered = Object.entries(fr).filter(([, message]) => /\btous (?:les )?deux\b/i.test(message));
  expect(gendered.map(([key]) => key)).toEqual([]);
});

it('keeps « : ; ! ? » with the word before them: no French line starts with one', () => {
  const { t } = translator('fr');
  const breakable: string[] = [];
  for (const [key, message] of Object.entries(fr)) {
    const values = Object.fromEntries(
      [...argumentsOf(message)].map(([arg, kind]) => [arg, kind === 'number' ? 2 : kind === 'choice' ? 'other' : 'X']),
    );
    if (/ [:;!?»]|« /.test(t(key as MessageKey, values))) breakable.push(key);
  }
  expect(breakable).toEqual([]);
  expect(t('form.fix', { count: 2 })).toBe('Merci de corriger ces 2 points\u00a0:');
});
