import { z } from 'zod';

/** Long lists on admin pages: searched by words, cut into pages, whatever the cohort's size. */
export const PER_PAGE = 50;

/** A list's search and page from its query string; a value no page offers shows the first page of everything. */
export const searchPageSchema = z.object({
  q: z.string().trim().max(200).catch('').default(''),
  page: z.coerce.number().int().min(1).catch(1).default(1),
});

export interface Page<T> {
  rows: T[];
  /** Items the search and filters kept, over every page. */
  matching: number;
  page: number;
  pages: number;
}

/** The page asked for (the last one if it asks beyond), of items already searched, filtered and ordered. */
export function pageOf<T>(items: T[], page: number, perPage = PER_PAGE): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  const shown = Math.min(Math.max(page, 1), pages);
  return { rows: items.slice((shown - 1) * perPage, shown * perPage), matching: items.length, page: shown, pages };
}

/** The words of a text as a search compares them: lower case, without accents, split at anything not a letter or digit. */
export const searchWords = (text: string): string[] =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * The searches a query holds: its parts between commas, each searched on its own ("Dubois, Martin" finds
 * either), so that two people far apart in a list can be set side by side.
 */
export const searchAlternatives = (query: string): string[] =>
  query
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * Whether a text holds every word of one of the search's parts at the start of one of its words, in any order,
 * ignoring case and accents ("hel dub" finds "Hélène Dubois"); an empty search keeps all.
 */
export function searchFor(query: string): (text: string) => boolean {
  const alternatives = searchAlternatives(query).map(searchWords);
  if (alternatives.length === 0) return () => true;
  return (text) => {
    const words = searchWords(text);
    return alternatives.some((wanted) => wanted.every((w) => words.some((word) => word.startsWith(w))));
  };
}

/** One collator for every comparison of names: `localeCompare` builds one per call, which a 20,000-pair sort feels. */
export const compareNames = new Intl.Collator(undefined, { sensitivity: 'base' }).compare;

/** A list's filter: one of `values`, or '' for all; a value the page never offers shows all. */
export const oneOfOrAll = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).or(z.literal('')).catch('').default('');

/**
 * Whether a pair is one the search names: by either party's name, or by their address (`byAddress` holds the
 * ids of the people whose address is searched).
 */
export function pairFound(query: string, byAddress: ReadonlySet<string>) {
  const found = searchFor(query);
  return (pair: { menteeId: string; mentorId: string; menteeName: string; mentorName: string }) =>
    found(pair.menteeName) || found(pair.mentorName) || byAddress.has(pair.menteeId) || byAddress.has(pair.mentorId);
}
