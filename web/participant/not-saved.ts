/**
 * What a participant reads when their answer could not be confirmed (the database did not answer in time, or
 * the connection broke during the write): honest about the doubt, and sending again is always safe, since
 * the same form replaces what it may have stored.
 */
export const NOT_CONFIRMED = 'We could not confirm that your answers were saved: Tandem could not reach its database just now. They are still here; please send them again in a minute. If the first sending did arrive, sending again simply replaces it.';
