/** The list of cohorts and a cohort's page, in English. */
export const adminCohortPage = {
} as const;
