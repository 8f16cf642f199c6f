/** Matching: the proposal, its review, the settings, in English. */
export const adminMatching = {
} as const;
