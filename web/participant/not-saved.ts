import { en } from '../../i18n/en.js';

/**
 * What a participant reads when their answer could not be confirmed (the database did not answer in time, or
 * the connection broke during the write): honest about the doubt, and sending again is always safe, since
 * the same form replaces what it may have stored.
 */
export const NOT_CONFIRMED = en['form.notConfirmed'];
