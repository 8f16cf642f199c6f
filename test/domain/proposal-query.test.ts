import { describe, expect, it } from 'vitest';
import { searchFor } from '../../domain/paging.js';
import { proposalPage, proposalQuerySchema, proposalQueryString, type ProposalRow } from '../../domain/proposal-query.js';

const row = (n: number, menteeName: string, mentorName: string, score: number, warnings = 0): ProposalRow => ({
  n,
  menteeId: `mentee-${n}`,
  mentorId: `mentor-${n}`,
  menteeName,
  mentorName,
  score,
  warnings,
});
const rows = [
  row(1, 'Hélène Dubois', 'Mia Martin', 80),
  row(2, 'Ava Laurent', 'Noah Petit', 40, 1),
  row(3, 'Zoë Bernard', 'Sami Roux', 60),
];
const query = (params: Record<string, string>) => proposalQuerySchema.parse(params);

describe('a search of several names', () => {
  it('finds any part between commas, each part holding all its words', () => {
    const found = searchFor('dubois, noah pet');
    expect(['Hélène Dubois', 'Noah Petit', 'Noah Martin', 'Mia Martin'].map(found)).toEqual([true, true, false, false]);
    expect(searchFor(' , ')('anyone')).toBe(true);
  });
});

describe('the proposal page of pairs', () => {
  it('orders lowest score first by default, by name when asked', () => {
    expect(proposalPage(rows, query({})).rows.map((r) => r.n)).toEqual([2, 3, 1]);
    expect(proposalPage(rows, query({ sort: 'mentee' })).rows.map((r) => r.n)).toEqual([2, 1, 3]);
    expect(proposalPage(rows, query({ sort: 'mentor' })).rows.map((r) => r.n)).toEqual([1, 2, 3]);
  });

  it('filters the pairs with a warning and finds pairs by either name or address', () => {
    expect(proposalPage(rows, query({ show: 'warnings' })).rows.map((r) => r.n)).toEqual([2]);
    expect(proposalPage(rows, query({ q: 'helene, roux' })).rows.map((r) => r.n)).toEqual([3, 1]);
    expect(proposalPage(rows, query({ q: 'x@example.org' }), new Set(['mentor-2'])).rows.map((r) => r.n)).toEqual([2]);
  });

  it('keeps a view in its query string, defaults left out, and reads an edited one as everything', () => {
    expect(proposalQueryString(query({ q: 'a, b', sort: 'mentee', page: '2', others: '3', show: 'warnings' }))).toBe(
      'q=a%2C+b&show=warnings&sort=mentee&page=2&others=3',
    );
    expect(proposalQueryString(query({ sort: 'nonsense', page: '-4', show: 'all' }))).toBe('');
  });
});
