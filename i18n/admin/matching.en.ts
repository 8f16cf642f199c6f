/** Matching: the proposal, its review, the settings, in English. */
export const adminMatching = {
  // The proposal under review
  'admin.matching.title': 'Matching · {cohort}',
  'admin.matching.heading': '{kind, select, rematch {Rematch proposal} other {Matching proposal}}',
  'admin.matching.figure.pairs': '{count, plural, one {pair} other {pairs}}',
  'admin.matching.figure.matched': 'of {count, plural, one {# mentee} other {# mentees}} matched',
  'admin.matching.figure.mean': 'mean score',
  'admin.matching.figure.lowest': 'lowest score',
  'admin.matching.status': 'Status:',
  'admin.matching.status.value':
    "{status, select, proposed {proposed} approved {approved} approving {approved: the pairs are starting} withdrawn {withdrawn at the programme's end} other {superseded}}",
  'admin.matching.threshold': 'minimum score {threshold}',
  'admin.matching.computed': 'computed {at}',
  'admin.matching.objective':
    'How pairs are chosen: the highest total score; among equal totals, the most mentees matched (a pair scoring 0 counts when the minimum score allows it); then the highest lowest score, for a fairer spread; then by id, so the same answers give the same pairs.',
  'admin.matching.approve': 'Approve {count, plural, one {# pair} other {# pairs}} and introduce them',
  'admin.matching.notice.approved': 'Approved: the pair workflows are starting and each participant receives an introduction.',
  'admin.matching.notice.adjusted': 'Change saved; the pair it touched is shown with its score and any warning.',
  'admin.matching.notice.rerun': 'Re-running matching with the new settings: the new proposal appears here in a moment.',
  'admin.matching.problem.closed': 'This proposal is no longer open for review (it was approved or replaced).',
  'admin.matching.problem.settings': 'Some settings are not valid; see below.',

  // Tables
  'admin.matching.pairs': 'Proposed pairs',
  'admin.matching.mentee': 'Mentee',
  'admin.matching.mentor': 'Mentor',
  'admin.matching.score': 'Score',
  'admin.matching.why': 'Why',
  'admin.matching.change': 'Change',
  'admin.matching.name': 'Name',
  'admin.matching.role': 'Role',
  'admin.matching.reason': 'Reason',
  'admin.matching.unmatched': 'Not matched ({count})',
  'admin.matching.unmatched.none': 'Everyone who answered is matched.',
  'admin.matching.freeMentors': 'Mentors with free places: {mentors}',
  'admin.matching.inRound': 'Who is in this round, and why',
  'admin.matching.inRound.hint':
    "Someone whose pair was ended early is not offered a new partner; ask for a rematch on the pair's page to change that.",

  // Changes by hand
  'admin.matching.unpair.reason': 'reason',
  'admin.matching.unpair.reasonLabel': 'Reason to unpair {mentee}',
  'admin.matching.unpair': 'Unpair',
  'admin.matching.swap': 'Swap two mentors',
  'admin.matching.swap.other': 'and mentee',
  'admin.matching.swap.submit': 'Swap their mentors',
  'admin.matching.withMentor': '{mentee} (with {mentor})',
  'admin.matching.pairByHand': 'Pair by hand',
  'admin.matching.pairByHand.hint':
    "The pair is scored like any other; a warning shows if it breaks a must-match criterion, the minimum score or a mentor's capacity.",
  'admin.matching.pairByHand.unmatched': '{mentee} (unmatched)',
  'admin.matching.pairByHand.paired': '{mentee} (paired with {mentor})',
  'admin.matching.pairByHand.freePlaces': '{mentor} ({count, plural, one {# free place} other {# free places}})',
  'admin.matching.pairByHand.submit': 'Pair them',
  'admin.matching.adjustments': 'Changes made by hand',
  'admin.matching.adjustment': '{at}: {action, select, pair {pair} unpair {unpair} other {swap}}, “{reason}”',

  // Settings, on the proposal and before the survey closes
  'admin.matching.settings.title': 'Matching settings · {cohort}',
  'admin.matching.settings': 'Matching settings',
  'admin.matching.settings.save': 'Save settings',
  'admin.matching.settings.saved': 'Settings saved: the next proposal uses them.',
  'admin.matching.settings.rerun': 'Re-run with other settings',
  'admin.matching.settings.rerunSubmit': 'Re-run matching',
  'admin.matching.settings.criterion': 'Criterion',
  'admin.matching.settings.weight': 'Weight (0–10)',
  'admin.matching.settings.mustMatch': 'Must match',
  'admin.matching.settings.weightOf': 'Weight of {criterion}',
  'admin.matching.settings.mustMatchOf': '{criterion} must match',
  'admin.matching.settings.csvColumn': '(CSV column)',
  'admin.matching.settings.threshold': 'Minimum score (0–100)',
  'admin.matching.settings.threshold.hint': 'below it a mentee waits rather than gets a poor match',
  'admin.matching.settings.autoApprove': 'Approve proposals automatically, without review',
  'admin.matching.criterion.field': 'Field or industry',
  'admin.matching.criterion.topics': 'Goals vs what the mentor offers',
  'admin.matching.criterion.language': 'Shared language',
  'admin.matching.criterion.availability': 'Availability',
  'admin.matching.criterion.meeting': 'Location or remote',

  // What a form says when something must be fixed
  'admin.matching.error.weight': 'Weight: enter a number',
  'admin.matching.error.weight.whole': 'Weight: a whole number',
  'admin.matching.error.weight.range': 'Weight: 0 to 10',
  'admin.matching.error.threshold': 'Minimum score: enter a number',
  'admin.matching.error.threshold.whole': 'Minimum score: a whole number',
  'admin.matching.error.threshold.range': 'Minimum score: 0 to 100',
  'admin.matching.error.reason': 'Reason: say why (at least 3 characters)',
  'admin.matching.error.reason.long': 'Reason: at most 500 characters',
  'admin.matching.error.mentee': 'Choose a mentee',
  'admin.matching.error.mentor': 'Choose a mentor',
  'admin.matching.error.otherMentee': 'Choose the other mentee',
  'admin.matching.error.stale': 'This form is out of date: reload the page and try again.',

  // When there is nothing to review
  'admin.matching.noProposal': 'No proposal yet',
  'admin.matching.noProposal.body': 'Matching runs when the intake survey closes.',
  'admin.matching.backTo': 'Back to {cohort}',

  // What the matching tells the admin about a proposal (matching/explanations.ts)
  'matching.unmatched.noMentor': 'no mentor answered the survey',
  'matching.unmatched.noPlace': 'no mentor has a free place',
  'matching.unmatched.excluded': 'every mentor with a free place is excluded (a previous partner)',
  'matching.unmatched.unanswered': 'did not answer the intake survey',
  'matching.unmatched.waitlist':
    'waitlist: the {count, plural, one {# mentor above the minimum score is} other {# mentors above the minimum score are}} taken by pairs that fit better overall',
  'matching.unmatched.belowMinimum': 'no mentor reaches the minimum score (best possible {best}, minimum {minimum})',
  'matching.unmatched.unpaired': 'unpaired by the admin: {reason}',
  'matching.unmatched.mustMatch': 'no mentor meets every must-match criterion together: {failing}',
  'matching.unmatched.mustMatch.criterion': '{criterion} ({meeting} of {of, plural, one {# mentor} other {# mentors}})',
  'matching.warning.mustMatch': 'must match {criterion}: not met',
  'matching.warning.excluded': 'these two must not be paired again',
  'matching.warning.belowMinimum': 'below the minimum score ({score} < {minimum})',
  'matching.warning.overCapacity':
    'the mentor would have {taken, plural, one {# mentee} other {# mentees}} for {capacity, plural, one {# place} other {# places}}',
  'matching.notice.noMentee': 'No mentee to match: nobody in this group answered the survey as a mentee.',
  'matching.notice.noMentor': 'No mentor answered the survey: no pair can be formed.',
  'matching.notice.noPlace': 'No mentor has a free place.',
  'matching.notice.noPair':
    'No pair reaches the minimum score of {minimum} under the must-match criteria: lower the minimum, relax a must-match criterion, or change the weights.',
  'matching.notice.unanswered':
    '{count, plural, one {# participant did not answer the survey and is not matched.} other {# participants did not answer the survey and are not matched.}}',
} as const;
