/** The new-cohort form, its errors and those of the participants' CSV, in English. */
export const adminCohortForm = {
} as const;
