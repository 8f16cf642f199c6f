/** The list of cohorts and a cohort's page, in English. */
export const adminCohortPage = {
  // The list of cohorts
  'admin.cohorts.title': 'Cohorts',
  'admin.cohorts.new': 'New cohort',
  'admin.cohorts.none': 'No cohort yet.',
  'admin.cohorts.column.cohort': 'Cohort',
  'admin.cohorts.column.stage': 'Stage',
  'admin.cohorts.column.participants': 'Participants',
  'admin.cohorts.column.answered': 'Surveys answered',
  'admin.cohorts.column.created': 'Created',

  // A cohort's stage, by its code
  'admin.cohort.stage.survey': 'survey',
  'admin.cohort.stage.matching': 'matching',
  'admin.cohort.stage.review': 'review',
  'admin.cohort.stage.running': 'running',
  'admin.cohort.stage.closed': 'closed',

  // Shared by the tables and the late-joiner form
  'admin.cohort.name': 'Name',
  'admin.cohort.email': 'Email',
  'admin.cohort.role': 'Role',

  // The head of a cohort's page; durations are shown as the cohort form takes them ("4w")
  'admin.cohort.workflow': 'Workflow:',
  'admin.cohort.workflow.where': 'in the Temporal UI',
  'admin.cohort.schedule': '{checkIns, plural, one {# check-in} other {# check-ins}} every {interval} · programme {programme}',
  'admin.cohort.flash':
    'flash mentoring: {meetings, plural, one {# meeting} other {# meetings}} within {window} of each kick-off; then, for the pairs that go on',
  'admin.cohort.retention': 'personal data kept {retention} after it closes',
  // As the admin types it ("4w"); languages that spell units out use the count and unit.
  'admin.cohort.duration': '{count, number, ::group-off}{unit}',

  // The intake survey and its progress
  'admin.cohort.survey.heading': 'Intake survey',
  // English does not inflect these; the count is there for languages that do.
  'admin.cohort.figure.participants': '{count, plural, one {participant} other {participants}}',
  'admin.cohort.figure.invited': '{count, plural, other {invited}}',
  'admin.cohort.figure.answered': '{count, plural, other {answered}}',
  'admin.cohort.figure.reminded': '{count, plural, other {reminded}}',
  'admin.cohort.next.heading': 'Where the cohort stands',
  'admin.cohort.next.survey':
    'Waiting for intake survey answers: {answered} of {total}. {reminder, select, yes {Next: a reminder to those who have not answered on {reminderAt}; the survey closes on {closesAt}.} other {Next: the survey closes on {closesAt}, then Tandem proposes pairs.}}',
  'admin.cohort.next.matching': 'Tandem is computing the proposal of pairs: it shows here in a moment.',
  'admin.cohort.next.review':
    'Waiting for you: {pairs, plural, one {# pair is} other {# pairs are}} proposed for {mentees, plural, one {# mentee} other {# mentees}}. The pairs start once you approve.',
  'admin.cohort.next.running':
    '{running, plural, =0 {No pair is under way.} one {# pair is under way.} other {# pairs are under way.}} Whoever needs a new partner is matched again until {rematchUntil}. The programme ends on {endsAt}; the cohort then closes with its report once every pair has finished.',
  'admin.cohort.next.closing':
    'The programme ended on {endedAt}. Waiting for {running, plural, one {# pair} other {# pairs}} to finish (final survey), then the report is sent.',
  'admin.cohort.next.closed':
    'The cohort is closed: its report is below and was emailed to you.{erase, select, yes { Personal data is erased on {eraseAt}.} other {}}',
  'admin.cohort.missingMore': 'and {count, plural, one {# other} other {# others}}: every participant',
  'admin.cohort.stageLabel': 'Stage:',
  'admin.cohort.noWorkflow': '(the workflow did not answer; figures come from the database)',
  'admin.cohort.surveyCloses': 'survey closes {deadline}',
  'admin.cohort.sending.label': 'Invitations sent',
  'admin.cohort.sending.count': 'Sending the invitations: {sent, number} of {total, number} out so far.',
  'admin.cohort.sending.pace': 'At about {perMinute, number} a minute (the mail service’s pace), all should be out by {doneBy}.',
  'admin.cohort.matching.label': 'Mentees placed',
  'admin.cohort.matching.reading': 'Matching: reading the survey’s answers…',
  'admin.cohort.matching.scoring': 'Matching: scoring every mentee with every mentor…',
  'admin.cohort.matching.placing': 'Matching: {done, number} of {total, plural, one {# mentee} other {# mentees}} placed.',
  'admin.cohort.matching.storing': 'Matching: saving the proposal…',
  'admin.cohort.matching.doneBy': 'It should be done by {doneBy}.',
  'admin.cohort.missing': '{open, select, true {Not answered yet} other {Did not answer}} ({count})',
  'admin.cohort.column.invited': 'Invited',
  'admin.cohort.column.reminders': 'Reminders',
  'admin.cohort.emailBounced': 'email bounced',
  'admin.cohort.survey.remind': 'Remind those who have not answered',
  'admin.cohort.survey.close': 'Close the survey now',
  'admin.cohort.start': 'Start (or resume) the cohort workflow',

  // Alerts and refused emails
  'admin.cohort.alerts.heading': 'Needs your attention ({count})',
  'admin.cohort.alerts.cohort': 'The cohort',
  'admin.cohort.alerts.pair': 'A pair',
  'admin.cohort.alerts.pairOf': '{mentee} and {mentor}',
  'admin.cohort.alerts.severity.urgent': 'Urgent',
  'admin.cohort.alerts.severity.warning': 'To look at',
  'admin.cohort.alerts.severity.info': 'For information',
  'admin.cohort.alerts.item': '{at}: {message}',
  'admin.cohort.alerts.dealtWith': 'Dealt with',
  'admin.cohort.alerts.dealtWithLabel': 'Mark as dealt with: {message}',
  'admin.cohort.bounced.heading': 'Emails refused by the mail service ({count})',
  'admin.cohort.bounced.hint': 'These people receive nothing from Tandem until their address is corrected; contact them another way.',
  'admin.cohort.bounced.item': '{name} <{email}>: email bounced ({reason}), {at}',
  'admin.cohort.erased': 'Personal data erased on {at}, at the end of its retention: the report below is all that is left.',

  // Matching
  'admin.cohort.matching.heading': 'Matching',
  'admin.cohort.matching.settings': 'Matching settings',
  'admin.cohort.matching.settingsHint': '(weights, must-match criteria, minimum score, automatic approval)',
  'admin.cohort.matching.afterSurvey': 'Matching runs when the survey closes.',
  'admin.cohort.matching.computing': 'Computing the proposal…',
  'admin.cohort.matching.run':
    '{kind, select, initial {Proposal} other {Latest rematch proposal}}: {pairs, plural, one {# pair} other {# pairs}} for {mentees, plural, one {# mentee} other {# mentees}},',
  'admin.cohort.matching.status':
    "{status, select, proposed {proposed} approved {approved} superseded {superseded} withdrawn {withdrawn at the programme's end} other {{status}}}",
  'admin.cohort.matching.review': 'Review and approve',
  'admin.cohort.matching.see': 'See the proposal',

  // Pairs
  'admin.cohort.pairs.heading': 'Pairs ({count})',
  'admin.cohort.pairs.ended': 'and {count} ended',
  'admin.cohort.pairs.column.mentee': 'Mentee',
  'admin.cohort.pairs.column.mentor': 'Mentor',
  'admin.cohort.pairs.column.score': 'Score',
  'admin.cohort.pairs.column.stage': 'Stage',
  'admin.cohort.pairs.column.health': 'Health',
  'admin.cohort.pairs.search': 'Search',
  'admin.cohort.pairs.searchHint': 'name or email of either',
  'admin.cohort.pairs.all': 'All',
  'admin.cohort.pairs.running': 'Under way (any stage)',
  'admin.cohort.pairs.noCheckIn': 'No check-in yet',
  'admin.cohort.pairs.sort': 'Order',
  'admin.cohort.pairs.sort.attention': 'Needing attention first',
  'admin.cohort.pairs.sort.mentee': 'Mentee (A to Z)',
  'admin.cohort.pairs.sort.mentor': 'Mentor (A to Z)',
  'admin.cohort.pairs.sort.score': 'Lowest score first',
  'admin.cohort.pairs.sort.newest': 'Newest first',
  'admin.cohort.pairs.show': 'Show',
  'admin.cohort.pairs.matching': '{count, plural, =0 {No pair matches.} one {# pair matches.} other {# pairs match.}}',
  'admin.cohort.pairs.charterUntil': 'until {at}',
  'admin.cohort.pairs.paused': 'paused',
  // A pair's stage and health, by their codes (keys rather than selects: ICU select keys cannot hold a hyphen)
  'admin.cohort.pairStage.introduction': 'introduced',
  'admin.cohort.pairStage.matched': 'matched',
  'admin.cohort.pairStage.charter': 'signing the charter',
  'admin.cohort.pairStage.active': 'active',
  'admin.cohort.pairStage.final-survey': 'final survey',
  'admin.cohort.pairStage.completed': 'completed',
  'admin.cohort.pairStage.dissolved': 'dissolved',
  'admin.cohort.pairStage.ended': 'ended',
  'admin.cohort.health.on-track': 'on track',
  'admin.cohort.health.needs-attention': 'needs attention',
  'admin.cohort.health.at-risk': 'at risk',

  // The late-joiner form
  'admin.cohort.add.heading': 'Add a participant',
  'admin.cohort.add.hint':
    "They receive the intake survey now (with a window of their own if the cohort's has closed) and join the next matching round.",
  'admin.cohort.add.languages': 'Languages',
  'admin.cohort.add.languagesHint': 'separated by ;',
  'admin.cohort.add.communication': 'Language of the emails',
  'admin.cohort.add.communicationDefault': "The cohort's ({language})",
  'admin.cohort.add.timeZone': 'Time zone',
  'admin.cohort.add.timeZoneHint': "such as Europe/Paris; blank: the one their browser reports, else the cohort's ({zone})",
  'admin.cohort.add.submit': 'Add and invite',

  // The report
  'admin.cohort.report.chart.of': '{got} of {of}',
  'admin.cohort.report.chart.menteeSatisfaction': "Mentees' satisfaction",
  'admin.cohort.report.chart.mentorSatisfaction': "Mentors' satisfaction",
  'admin.cohort.report.chart.recommend': 'Would recommend the programme (0-10)',
  'admin.cohort.report.chart.promoters': 'Promoters (9-10)',
  'admin.cohort.report.chart.passives': 'Passives (7-8)',
  'admin.cohort.report.chart.detractors': 'Detractors (0-6)',
  'admin.cohort.report.chart.checkIns': 'Check-ins answered, round by round',
  'admin.cohort.report.chart.round': 'Check-in {round}',
  'admin.cohort.report.chart.feedback': 'Meeting feedback',
  'admin.cohort.report.chart.meetings': 'Flash meetings, of the pairs',
  'admin.cohort.report.chart.met': 'Met',
  'admin.cohort.report.chart.wentOn': 'Went on',
  'admin.cohort.report.heading': 'Report',
  'admin.cohort.report.completed': 'of {pairs, plural, one {# pair} other {# pairs}} completed',
  'admin.cohort.report.dissolved': 'dissolved at the charter',
  'admin.cohort.report.endedEarly': 'ended early or rematched',
  'admin.cohort.report.nps': 'would recommend (NPS)',
  'admin.cohort.report.print': 'Print / Save as PDF',
  'report.basis.answers': '{count, plural, =0 {no answers} one {# answer} other {# answers}}',
  'report.basis.of': '{got} of {of}',
  'admin.cohort.report.answers':
    'Check-ins answered {checkIns} · final survey answered {finalSurvey} · satisfaction: mentees {mentees}, mentors {mentors} · questions answered: {yes} yes, {partly} partly, {no} no',
  'admin.cohort.report.meetings':
    'Flash mentoring: {met} of {pairs, plural, one {# pair} other {# pairs}} met · useful {useful} · would meet again {meetAgain} · {wentOn, plural, one {# pair} other {# pairs}} went on as long pairs',
  'admin.cohort.report.comment': '“{text}”',
  'admin.cohort.report.csv': 'Download the report as CSV',

  // Participants
  'admin.cohort.people.heading': 'Participants and their data',
  'admin.cohort.people.hint': "Each person's page downloads everything Tandem holds about them, or erases it.",
  'admin.cohort.people.all': 'All {count, plural, one {# participant} other {# participants}}: search, open their data',
  'admin.cohort.people.searchHint': 'name or email',
  'admin.cohort.people.matching': '{count, plural, =0 {Nobody matches.} one {# person} other {# people}}',
  'admin.cohort.people.answered': 'Survey answered',
  'admin.paging.label': 'Pages',
  'admin.paging.page': 'Page {page} of {pages}',
  'admin.paging.previous': '← Previous',
  'admin.paging.next': 'Next →',
  'admin.cohort.people.audit': 'Audit log',
  'admin.cohort.people.auditOf': 'of exports, erasures and actions on pairs.',
} as const;
