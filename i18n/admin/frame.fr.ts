import type { adminFrame as english } from './frame.en.js';

/** The frame of every admin page (header, operator alerts, login) and the error pages everyone may meet, in French. */
export const adminFrame: Record<keyof typeof english, string> = {
};
