/** A cohort's public sign-up link and its sign-ups, in English. */
export const adminEnrolment = {
  'admin.enrolment.heading': 'Open enrolment',
  'admin.enrolment.hint':
    'A public link for a newsletter: people choose mentor or mentee, confirm their address by email and answer the survey. Sign-ups are capped, and limited per network address; the page tells nobody who is already enrolled.',
  'admin.enrolment.copy': 'Copy the link',
  'admin.enrolment.copied': 'Copied',
  'admin.enrolment.qr': 'The link as a QR code, for a poster or a slide.',
  'admin.enrolment.qr.download': 'Download (SVG)',
  'admin.enrolment.link': 'Sign-up link',
  'admin.enrolment.open':
    'Open for up to {cap, plural, one {# sign-up} other {# sign-ups}}: {confirmed} confirmed, {waiting} waiting for their confirmation.',
  'admin.enrolment.closed': 'Closed: {confirmed, plural, one {# sign-up} other {# sign-ups}} confirmed. Reopening keeps the same link.',
  'admin.enrolment.cap': 'Sign-ups at most',
  'admin.enrolment.openLink': 'Open enrolment',
  'admin.enrolment.reopen': 'Reopen enrolment',
  'admin.enrolment.close': 'Close enrolment',
  'admin.enrolment.column.requested': 'Signed up',
  'admin.enrolment.column.status': 'Status',
  'admin.enrolment.confirmed': 'confirmed: their page',
  'admin.enrolment.waiting': 'waiting',
  'admin.enrolment.remove': 'Remove',
  'admin.enrolment.removeLabel': 'Remove the sign-up of {name}',
  'admin.enrolment.notice.opened': 'Enrolment is open: put the sign-up link in your newsletter.',
  'admin.enrolment.notice.closed': 'Enrolment is closed: the link now says so.',
  'admin.enrolment.notice.removed': 'The sign-up was removed: its confirmation link no longer works.',
  'admin.enrolment.problem.cap': 'Enrolment stays as it was: give a number of sign-ups from 1 to 100,000.',
} as const;
