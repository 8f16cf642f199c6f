const ENGLISH = new Intl.PluralRules('en');

/** "1 pair", "3 pairs", "0 pairs": a count with its noun, by English plural rules. */
export function plural(count: number, one: string, other = `${one}s`): string {
  return `${count} ${ENGLISH.select(count) === 'one' ? one : other}`;
}
