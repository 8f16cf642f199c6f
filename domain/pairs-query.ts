import { z } from 'zod';
import { HEALTH, type Health, type HealthReason } from './pair-health.js';
import { compareNames, oneOfOrAll, pageOf, pairFound, searchPageSchema, type Page } from './paging.js';
import { PAIR_STAGES } from './types.js';

/**
 * What the cohort page's pairs table shows: the admin's search, filters, order and page, from its query string.
 * A value the page never offers (a hand-edited link) falls back to showing everything rather than failing.
 */
export const PAIR_SORTS = ['attention', 'mentee', 'mentor', 'score', 'newest'] as const;
export type PairSort = (typeof PAIR_SORTS)[number];
/** `running`: every pair still under way, whatever its stage. */
export const PAIR_STAGE_FILTERS = ['running', ...PAIR_STAGES] as const;
/** `none`: no check-in answered yet; `paused`: the admin paused it. */
export const PAIR_HEALTH_FILTERS = [...HEALTH, 'none', 'paused'] as const;

export const pairsQuerySchema = searchPageSchema.extend({
  stage: oneOfOrAll(PAIR_STAGE_FILTERS),
  health: oneOfOrAll(PAIR_HEALTH_FILTERS),
  sort: z.enum(PAIR_SORTS).catch('attention').default('attention'),
});
export type PairsQuery = z.infer<typeof pairsQuerySchema>;

/**
 * A pair as the table lists it: nothing of its people but their names. Names are sealed, so they are opened for
 * every pair only when the search or the order needs them, otherwise for the page shown (db/pairs-table.ts).
 */
export interface PairRow {
  id: string;
  status: 'active' | 'ended';
  stage: string;
  health: Health | string | null;
  healthReasons: HealthReason[];
  score: number;
  charterDeadline: Date | null;
  pausedSince: Date | null;
  createdAt: Date;
  menteeId: string;
  mentorId: string;
  menteeName: string;
  mentorName: string;
}

/** Whether the order reads every pair's names, or only those of the page shown (a search finds its own, db/pairs-table.ts). */
export const sortsByName = (query: PairsQuery) => query.sort === 'mentee' || query.sort === 'mentor';

/** The pair's need of the admin's eyes: at risk first, then needing attention, then paused, then the rest; ended last. */
const attention = (pair: PairRow) =>
  (pair.status === 'ended' ? 10 : 0) + (pair.health === 'at-risk' ? 0 : pair.health === 'needs-attention' ? 1 : pair.pausedSince ? 2 : 3);

const ORDERS: Record<PairSort, (a: PairRow, b: PairRow) => number> = {
  attention: (a, b) => attention(a) - attention(b) || a.createdAt.getTime() - b.createdAt.getTime(),
  mentee: (a, b) => compareNames(a.menteeName, b.menteeName),
  mentor: (a, b) => compareNames(a.mentorName, b.mentorName) || compareNames(a.menteeName, b.menteeName),
  score: (a, b) => a.score - b.score || a.createdAt.getTime() - b.createdAt.getTime(),
  newest: (a, b) => b.createdAt.getTime() - a.createdAt.getTime(),
};

export function matchesFilters(pair: PairRow, { stage, health }: Pick<PairsQuery, 'stage' | 'health'>): boolean {
  const stageOk = stage === '' || (stage === 'running' ? pair.status === 'active' : pair.stage === stage);
  const healthOk =
    health === '' || (health === 'paused' ? pair.pausedSince !== null : health === 'none' ? pair.health === null : pair.health === health);
  return stageOk && healthOk;
}

/**
 * The page of pairs the query asks for: searched by either party's name (or address: `byAddress` holds the ids
 * of the people whose address is the search), filtered, ordered, cut. One party's name holds every word searched.
 */
export function pairsPage(pairs: PairRow[], query: PairsQuery, byAddress: ReadonlySet<string> = new Set()): Page<PairRow> {
  const found = pairFound(query.q, byAddress);
  const kept = pairs.filter((pair) => matchesFilters(pair, query) && found(pair));
  return pageOf(kept.sort(ORDERS[query.sort]), query.page);
}

/** The table's page with the cohort's counts the heading gives. */
export interface PairsTable {
  page: Page<PairRow>;
  running: number;
  ended: number;
}

export function pairsTable(pairs: PairRow[], query: PairsQuery, byAddress?: ReadonlySet<string>): PairsTable {
  const running = pairs.filter((pair) => pair.status === 'active').length;
  return { page: pairsPage(pairs, query, byAddress), running, ended: pairs.length - running };
}
