import type { adminPairs as english } from './pairs.en.js';

/** A pair's page and actions, a participant's data page, the audit log, and the emails to admins, in French. */
export const adminPairs: Record<keyof typeof english, string> = {
};
