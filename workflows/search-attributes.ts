import type { SearchAttributeUpdatePair } from '@temporalio/common';

type KeywordKey = SearchAttributeUpdatePair['key'] & { type: 'KEYWORD' };

/**
 * Custom search attributes, registered on every server Tandem starts or describes (dev launcher, tests,
 * docker-compose). Search attributes are not encrypted: ids and stages only, never names or emails.
 */
export const COHORT_KEY: KeywordKey = { name: 'TandemCohort', type: 'KEYWORD' };
export const STAGE_KEY: KeywordKey = { name: 'TandemStage', type: 'KEYWORD' };
/** Pairs only: on-track, needs-attention, at-risk. */
export const HEALTH_KEY: KeywordKey = { name: 'TandemHealth', type: 'KEYWORD' };

/** Name and type as `temporal server start-dev --search-attribute` and `temporal operator` expect them. */
export const SEARCH_ATTRIBUTES: Record<string, 'Keyword'> = {
  [COHORT_KEY.name]: 'Keyword',
  [STAGE_KEY.name]: 'Keyword',
  [HEALTH_KEY.name]: 'Keyword',
};
