import type { adminCohortPage as english } from './cohort-page.en.js';

/** The list of cohorts and a cohort's page, in French. */
export const adminCohortPage: Record<keyof typeof english, string> = {
};
