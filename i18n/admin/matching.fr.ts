import type { adminMatching as english } from './matching.en.js';

/** Matching: the proposal, its review, the settings, in French. */
export const adminMatching: Record<keyof typeof english, string> = {
};
