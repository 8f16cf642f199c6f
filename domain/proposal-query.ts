import { z } from 'zod';
import { compareNames, oneOfOrAll, pageOf, pairFound, searchPageSchema, type Page } from './paging.js';

/**
 * What the proposal's page shows of a match run: the admin's search, filter, order and pages, from its query
 * string. The pairs are ordered lowest score first by default: the pairs most worth a second look.
 */
export const PROPOSAL_SORTS = ['score', 'mentee', 'mentor'] as const;
export type ProposalSort = (typeof PROPOSAL_SORTS)[number];
/** `warnings`: pairs an admin made by hand that break a rule or a capacity. */
export const PROPOSAL_FILTERS = ['warnings'] as const;

export const proposalQuerySchema = searchPageSchema.extend({
  show: oneOfOrAll(PROPOSAL_FILTERS),
  sort: z.enum(PROPOSAL_SORTS).catch('score').default('score'),
  /** The page of the unmatched list, which pages on its own. */
  others: z.coerce.number().int().min(1).catch(1).default(1),
});
export type ProposalQuery = z.infer<typeof proposalQuerySchema>;

/** The view's query string, as links and the forms' way back keep it (defaults left out). */
export function proposalQueryString(query: ProposalQuery, change: Partial<ProposalQuery> = {}): string {
  const wanted = { ...query, ...change };
  const params = new URLSearchParams();
  if (wanted.q) params.set('q', wanted.q);
  if (wanted.show) params.set('show', wanted.show);
  if (wanted.sort !== 'score') params.set('sort', wanted.sort);
  if (wanted.page > 1) params.set('page', String(wanted.page));
  if (wanted.others > 1) params.set('others', String(wanted.others));
  return params.toString();
}

/**
 * A proposed pair as the list finds and orders it: its place in the run's list (`n`, from 1), its people by id
 * and, once opened, name. Its criteria are read for the page shown only (db/proposal.ts).
 */
export interface ProposalRow {
  n: number;
  menteeId: string;
  mentorId: string;
  score: number;
  warnings: number;
  menteeName: string;
  mentorName: string;
}

/** Whether the order reads every pair's names, or only those of the page shown. */
export const proposalSortsByName = (query: ProposalQuery) => query.sort !== 'score';

const ORDERS: Record<ProposalSort, (a: ProposalRow, b: ProposalRow) => number> = {
  score: (a, b) => a.score - b.score || a.n - b.n,
  mentee: (a, b) => compareNames(a.menteeName, b.menteeName) || a.n - b.n,
  mentor: (a, b) => compareNames(a.mentorName, b.mentorName) || compareNames(a.menteeName, b.menteeName) || a.n - b.n,
};

/** The page of proposed pairs the query asks for: searched by either party's name or address, filtered, ordered, cut. */
export function proposalPage(rows: ProposalRow[], query: ProposalQuery, byAddress: ReadonlySet<string> = new Set()): Page<ProposalRow> {
  const found = pairFound(query.q, byAddress);
  const kept = rows.filter((row) => (query.show !== 'warnings' || row.warnings > 0) && found(row));
  return pageOf(kept.sort(ORDERS[query.sort]), query.page);
}
