/** The new-cohort form, its errors and those of the participants' CSV, in English. */
export const adminCohortForm = {
  'admin.cohortForm.title': 'New cohort',
  'admin.cohortForm.name': 'Name',
  'admin.cohortForm.name.hint': 'also gives the cohort its address, e.g. alumni-2027',
  'admin.cohortForm.description': 'Description',
  'admin.cohortForm.description.hint': 'optional',
  'admin.cohortForm.charter': 'Charter',
  'admin.cohortForm.charter.hint':
    'the commitments mentor and mentee both sign; kept as it is, each participant signs it in their own language',
  'admin.cohortForm.translations':
    '{text, select, description {Your description} charter {Your charter} other {Your privacy notice}} in other languages',
  'admin.cohortForm.translations.hint':
    "Participants whose language has a version here read that one; the others read the text above. Tandem's own charter and notice are already in every language.",
  'admin.cohortForm.translation.in': 'In {language}',
  'admin.cohort.textLanguage':
    '{count, plural, one {# participant reads} other {# participants read}} {language}, and your {text, select, description {description} charter {charter} other {privacy notice}} has no version in it: they read it in {cohortLanguage}.',
  'admin.cohortForm.privacyNotice': 'Privacy notice',
  'admin.cohortForm.privacyNotice.hint':
    'shown above the intake survey, which asks for consent: what is collected, why, who sees it, for how long; left blank, this default',
  'admin.cohortForm.language': "Participants' language",
  'admin.cohortForm.language.hint':
    'emails and pages are written in it, unless the CSV\'s "{column}" column says otherwise for someone; each participant can change theirs on the survey page',
  'admin.cohortForm.timeZone': 'Time zone',
  'admin.cohortForm.timeZone.hint':
    'of the dates in emails and pages, unless the CSV\'s "{column}" column or a participant\'s browser says otherwise; yours to start with',
  'admin.cohortForm.timeZone.region':
    '{region, select, Africa {Africa} America {Americas} Antarctica {Antarctica} Arctic {Arctic} Asia {Asia} Atlantic {Atlantic} Australia {Australia} Europe {Europe} Indian {Indian Ocean} Pacific {Pacific} other {{region}}}',
  'admin.cohortForm.schedule': 'Schedule',
  'admin.cohortForm.unit': 'unit',
  'admin.cohortForm.unit.s': 'seconds',
  'admin.cohortForm.unit.m': 'minutes',
  'admin.cohortForm.unit.h': 'hours',
  'admin.cohortForm.unit.d': 'days',
  'admin.cohortForm.unit.w': 'weeks',
  'admin.cohortForm.schedule.hint': 'Each duration is a number and its unit: minutes, hours, days or weeks.',
  'admin.cohortForm.surveyDuration': 'Survey open for',
  'admin.cohortForm.surveyCloses': 'Survey closes on',
  'admin.cohortForm.surveyCloses.hint': 'optional, instead of "Survey open for": a date and time in the cohort\'s time zone, now {zone}',
  'admin.cohortForm.charterDuration': 'Charter to sign within',
  'admin.cohortForm.charterDuration.hint': 'from the match; an unsigned pair is then dissolved',
  'admin.cohortForm.checkInCount': 'Number of check-ins',
  'admin.cohortForm.checkInInterval': 'Check-in interval',
  'admin.cohortForm.programmeDuration': 'Programme length',
  'admin.cohortForm.programmeDuration.hint': 'from the match to the final survey',
  'admin.cohortForm.retention': 'Keep personal data for',
  'admin.cohortForm.retention.hint': 'after the programme closes; then names, emails and answers are erased and the anonymous report stays',
  'admin.cohortForm.objectives': 'Pairs write their objectives and review them at mid-programme',
  'admin.cohortForm.objectives.hint':
    'Each party writes two or three objectives when signing the charter, and says how far they have come with each at the check-in in the middle of the programme.',
  'admin.cohortForm.format': 'Programme format',
  'admin.cohortForm.format.long': 'Long programme: pairs over months, with check-ins and a final survey',
  'admin.cohortForm.format.flash':
    'Flash mentoring: one or two meetings within a few weeks, a one-page commitment, a feedback form after; pairs are approved automatically, and both may go on as a long pair',
  'admin.cohortForm.flashOnly': 'flash mentoring only',
  'admin.cohortForm.meetings': 'Meetings',
  'admin.cohortForm.meetings.count': '{count, plural, one {# meeting} other {# meetings}}',
  'admin.cohortForm.meetingWindow': 'Meetings within',
  'admin.cohortForm.meetingWindow.hint':
    'flash mentoring only: from the kick-off to the feedback form; the pairs who both want to go on then have the check-ins above, one every interval',
  'admin.cohortForm.participants': 'Participants',
  'admin.cohortForm.csv': 'CSV file',
  'admin.cohortForm.csv.template': 'Download a CSV to fill in (its columns, two example rows)',
  'admin.cohortForm.csv.hint':
    'columns {columns} (role: mentor or mentee; the languages they speak, separated by ;), optionally "{languageColumn}" (en or fr: the language Tandem writes to them in) and "{timeZoneColumn}" (such as Europe/Paris), any other column kept as an attribute; at most {megabytes} MB',
  'admin.cohortForm.preview': 'Preview',
  'admin.cohortForm.previewAgain': 'Preview again',
  'admin.cohortForm.csv.preview':
    '{total, plural, one {# participant} other {# participants}}: {mentee, plural, one {# mentee} other {# mentees}}, {mentor, plural, one {# mentor} other {# mentors}}',
  'admin.cohortForm.csv.preview.language': '{count} in {language}',
  'admin.cohortForm.csv.preview.languages': 'Emails: {languages}.',
  'admin.cohortForm.csv.kept': 'The file you chose is kept: choose another only to replace it.',
  'admin.cohortForm.csv.keptWithProblems': 'The file you chose is kept as it is: choose a corrected one.',
  'admin.cohortForm.ready':
    'Everything is in order: {total, plural, one {# participant} other {# participants}} will be invited. Check the form once more, then create the cohort at the bottom of the page.',
  'admin.cohortForm.ready.go': 'Go to "Create"',
  'admin.cohortForm.submit': 'Create cohort and invite participants',

  // The form's errors: each starts with the field it is about, as the list above the form shows them.
  'admin.cohortForm.error.expired': 'The form expired; reload the page',
  'admin.cohortForm.error.name.short': 'Name: at least 3 characters',
  'admin.cohortForm.error.name.long': 'Name: at most 120 characters',
  'admin.cohortForm.error.name.letter': 'Name: use at least one letter or digit',
  'admin.cohortForm.error.name.taken': 'Name: A cohort with the address "{slug}" already exists; choose another name.',
  'admin.cohortForm.error.description.long': 'Description: at most 4000 characters',
  'admin.cohortForm.error.charter.short': 'Charter: write the commitments both parties sign (at least 20 characters)',
  'admin.cohortForm.error.charter.long': 'Charter: at most 20000 characters',
  'admin.cohortForm.error.privacyNotice.long': 'Privacy notice: at most 5000 characters',
  'admin.cohortForm.error.language': "Participants' language: choose en or fr",
  'admin.cohortForm.error.timeZone': 'Time zone: "{value}" is not a time zone; use a name such as Europe/Paris',
  'admin.cohortForm.error.surveyDuration': 'Survey open for: give a whole number above 0 and its unit',
  'admin.cohortForm.error.surveyCloses.format': 'Survey closes on: write a date and time',
  'admin.cohortForm.error.surveyCloses.past': 'Survey closes on: {when} ({zone}) is already past',
  'admin.cohortForm.error.surveyCloses.skipped':
    'Survey closes on: {time} does not exist that day in {zone}, whose clocks go forward then; choose another time',
  'admin.cohortForm.error.checkInCount': 'Check-ins: enter a number',
  'admin.cohortForm.error.checkInCount.whole': 'Check-ins: a whole number',
  'admin.cohortForm.error.checkInCount.min': 'Check-ins: 0 or more',
  'admin.cohortForm.error.checkInCount.max': 'Check-ins: at most 104',
  'admin.cohortForm.error.checkInInterval': 'Check-in interval: give a whole number above 0 and its unit',
  'admin.cohortForm.error.checkInInterval.fit': 'Check-in interval: all check-ins must fit within the programme length',
  'admin.cohortForm.error.programmeDuration': 'Programme length: give a whole number above 0 and its unit',
  'admin.cohortForm.error.charterDuration': 'Charter to sign within: give a whole number above 0 and its unit',
  'admin.cohortForm.error.retention': 'Keep personal data for: give a whole number above 0 and its unit',
  'admin.cohortForm.error.format': 'Programme format: choose a long programme or flash mentoring',
  'admin.cohortForm.error.meetings': 'Meetings: choose 1 or 2',
  'admin.cohortForm.error.meetingWindow': 'Meetings within: give a whole number above 0 and its unit',
  'admin.cohortForm.error.meetingWindow.fit': 'Meetings within: the charter and the meetings must fit within the programme length',
  'admin.cohortForm.error.participants': 'Participants: choose a CSV file',
  'admin.cohortForm.error.participants.empty': 'Participants: the CSV file is empty',
  'admin.cohortForm.error.participants.problems':
    'Participants: the CSV file has problems, listed above; fix them and choose the file again',

  // The participants' CSV: a problem with the whole file, else one per line and column (column names as the file has them).
  'admin.csv.empty': 'The CSV file is empty.',
  'admin.csv.tooLarge': 'The CSV file is {size, number} KB, over the limit of {limit, number} KB ({megabytes} MB) by {over, number} KB.',
  'admin.csv.notCsv': 'The file is not valid CSV: {reason}',
  'admin.csv.missingColumns':
    'Line 1: missing {count, plural, one {column} other {columns}} {missing} (required: {required}). Read with the separator "{separator, select, tab {tab} other {{separator}}}", the first line has the columns {seen}.',
  'admin.csv.noParticipants': 'The CSV file has a header but no participants.',
  'admin.csv.tooMany': 'The CSV file has {count, plural, one {# participant} other {# participants}}; the limit is {limit}.',
  'admin.csv.name.empty': 'Line {line}, name: is empty.',
  'admin.csv.email.invalid': 'Line {line}, email: "{value}" is not a valid email address.',
  'admin.csv.email.duplicate': 'Line {line}, email: {value} is a duplicate of line {first}.',
  'admin.csv.role.invalid': 'Line {line}, role: "{value}" is not a role; use mentor or mentee.',
  'admin.csv.languageOfCommunication.invalid':
    'Line {line}, {column}: "{value}" is not a language Tandem writes in; use en (English) or fr (Français), or leave it blank for the cohort\'s.',
  'admin.csv.timeZone.invalid':
    'Line {line}, {column}: "{value}" is not a time zone; use a name such as Europe/Paris or America/New_York, or leave it blank for the cohort\'s.',

  // A cohort's page: what just happened, or could not.
  'admin.cohorts.notFound.title': 'No such cohort',
  'admin.cohorts.notFound.body': 'There is no cohort at “{slug}”.',
  'admin.cohorts.notFound.all': 'All cohorts',
  'admin.cohorts.notice.created': 'Cohort created: the invitations are on their way.',
  'admin.cohorts.notice.closed': 'Survey closed: matching comes next.',
  'admin.cohorts.notice.added': 'Participant added: their survey invitation is on its way.',
  'admin.cohorts.notice.reminded': 'Reminder on its way to everyone who has not answered the survey.',
  'admin.cohorts.notice.acknowledged': "Alert marked as dealt with; the pair's page keeps it.",
  'admin.cohorts.problem.start': 'The cohort is saved, but its workflow could not be started (Temporal did not answer). Try again below.',
  'admin.cohorts.problem.remindedToday': 'A reminder went out by hand less than a day ago: participants get at most one a day.',
  'admin.cohorts.problem.closed': 'The survey was already closed.',
  'admin.cohorts.problem.refused': 'Not possible at this stage of the programme.',
  'admin.cohorts.problem.duplicate': 'Someone with this email is already in the cohort.',
  'admin.cohorts.problem.invalid':
    'Check the form: a name, a valid email and a role are needed, and a time zone such as Europe/Paris if you give one.',
} as const;
