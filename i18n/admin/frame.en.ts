/** The frame of every admin page (header, operator alerts, login) and the error pages everyone may meet, in English. */
export const adminFrame = {
} as const;
