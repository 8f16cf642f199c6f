/** Alerts to the admin and the reasons for a pair's health, in English. */
export const adminAlerts = {
  'health.silent': '{role, select, mentee {the mentee} other {the mentor}} did not answer the check-in',
  'health.silent-twice': '{role, select, mentee {the mentee} other {the mentor}} has been silent at two check-ins in a row',
  'health.wants-to-stop': '{role, select, mentee {the mentee} other {the mentor}} wants to stop',
  'health.blocked': '{role, select, mentee {the mentee} other {the mentor}} says something is in the way',
  'health.low-rating': '{role, select, mentee {the mentee} other {the mentor}} rates it {rating}/5',
  'health.no-contact': 'no contact since the last check-in',
  'health.met-disagree': 'their answers disagree on whether they met',
  'health.ratings-disagree': 'their ratings disagree ({mentee}/5 and {mentor}/5)',

  'alert.health':
    '{mentee} (mentee) and {mentor} (mentor) {atRisk, select, true {are at risk} other {need attention}} after check-in {checkIn}: {reasons}.',
  'alert.charterUnsigned':
    "{mentee} (mentee) and {mentor} (mentor): the charter is not signed by {missing}; the pair is dissolved at {deadline}. On the pair's page you can extend the deadline, or keep both in the programme for a new match.",
  'alert.pairDissolved': '{mentee} (mentee) and {mentor} (mentor): the pair is dissolved, the charter was not signed in time.',
  'alert.proposalWithdrawn':
    'The rematch proposal for {mentees, plural, one {# mentee} other {# mentees}} was withdrawn: the programme ended before it was approved. The cohort closes once its last pairs have completed.',
  'alert.tooLateToRematch':
    '{name} is waiting for a new partner, but too little of the programme remains for a new pair to sign its charter and meet: nobody was proposed.',
  'alert.erasedPerson': 'a participant whose data was erased',
  'alert.bounce': 'The email to {address} was refused by the mail service ({reason}): check their address.',
} as const;
