import type { adminCohortForm as english } from './cohort-form.en.js';

/** The new-cohort form, its errors and those of the participants' CSV, in French. */
export const adminCohortForm: Record<keyof typeof english, string> = {
};
