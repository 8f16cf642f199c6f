/** A pair's page and actions, a participant's data page, the audit log, and the emails to admins, in English. */
export const adminPairs = {
} as const;
