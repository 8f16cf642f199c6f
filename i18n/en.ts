import { adminFrame } from './admin/frame.en.js';
import { adminCohortPage } from './admin/cohort-page.en.js';
import { adminCohortForm } from './admin/cohort-form.en.js';
import { adminMatching } from './admin/matching.en.js';
import { adminPairs } from './admin/pairs.en.js';
import { adminAlerts } from './admin/alerts.en.js';
import { adminNeeds } from './admin/needs.en.js';
import { adminEnrolment } from './admin/enrolment.en.js';
import { adminExport } from './admin/export.en.js';
import { adminOrganisation } from './admin/organisation.en.js';
import { adminAccounts } from './admin/accounts.en.js';
import { adminRefusals } from './admin/refusals.en.js';

/**
 * Everything Tandem says, in English: the reference catalogue. What participants read is here; what admins
 * read comes from one file per area in admin/, so that each stays short. Messages are ICU
 * MessageFormat (plurals, selects); `{name}` arguments are filled in at render time, and dates arrive
 * already formatted in the reader's language and time zone.
 */
export const en = {
  // Shared by emails and pages
  'role.mentor': 'mentor',
  'role.mentee': 'mentee',
  'link.personal': 'This link is personal: please do not forward it.',
  'link.paste': 'Or paste this link into your browser: {url}',
  'brand.contact': 'Questions? Contact {name}: {email}',
  'link.expired.title': 'This link has expired',
  'link.expired.survey': "The survey this link belonged to closed long ago. If you still need help, contact your programme's organisers.",
  'link.invalid.title': 'This link is not valid',
  'link.invalid.body': 'Check that you opened the whole link from your email; links cannot be shared or altered.',
  'partner.erased': 'your former partner',
  'link.gone.title': 'This link no longer works',
  'link.gone.body':
    'The personal data it led to was erased at the request of the person it was for. Nothing can be seen or sent from here any more.',

  // Survey invitation and reminders
  'surveyInvitation.subject': '{cohort}: tell us what you need before we match you',
  'surveyInvitation.preview': '{cohort}: a few questions before we match you',
  'surveyInvitation.heading': 'Welcome to {cohort}, {name}',
  'surveyInvitation.why':
    '{role, select, mentee {You are taking part as a mentee. Tell us your goals and what you would like help with, so we can find the mentor who fits you best.} other {You are taking part as a mentor. Tell us what you can offer and how many mentees you can take, so we can introduce you to mentees you can truly help.}}',
  'surveyInvitation.time': 'It takes about five minutes. Please answer by {deadline}.',
  'surveyInvitation.button': 'Answer the survey',
  'surveyReminder.subject':
    '{lastCall, select, true {Last call: the {cohort} survey closes {deadline}} other {Reminder: your {cohort} survey}}',
  'surveyReminder.preview':
    '{lastCall, select, true {Last call: the {cohort} survey closes {deadline}} other {Your {cohort} survey is waiting}}',
  'surveyReminder.heading': '{lastCall, select, true {Last call, {name}} other {A gentle reminder, {name}}}',
  'surveyReminder.body':
    'We have not received your intake survey for {cohort} yet. We only match people whose needs we know, so without your answers we cannot find you a partner.',
  'surveyReminder.closes': 'The survey closes {deadline}.',

  // The intake survey page
  'survey.title': '{cohort}: intake survey',
  'survey.intro':
    'Hello {name}. You take part as a {role}. Your answers help us form pairs that work; you can come back and change them{hasDeadline, select, true { until {deadline}} other {}}.',
  'survey.savedBefore': 'We have your answers from {when}; change anything and send again.',
  'survey.goals': 'Your goals',
  'survey.goals.hint': 'what you hope to achieve with a mentor',
  'survey.helpWith': 'What would you like help with?',
  'survey.offers': 'What can you help with?',
  'survey.capacity': 'How many mentees can you take?',
  'survey.capacity.hint': '1 to 5',
  'survey.experience': 'Your experience',
  'survey.experience.hint': 'optional: roles, years, what you have been through',
  'survey.field': 'Field or industry',
  'survey.languages': 'Languages you can be mentored / mentor in',
  'survey.availability': 'How often can you meet?',
  'survey.meetingMode': 'How would you like to meet?',
  'survey.location': 'Where are you based?',
  'survey.location.hint': 'city or region, optional',
  'survey.preferences': 'Anything else we should know?',
  'survey.preferences.hint': 'preferences, constraints, optional',
  'survey.privacy': 'Your data',
  'survey.consent': 'I have read how my data is used, and I agree to take part on these terms',
  'survey.send': 'Send my answers',
  'survey.closed.title': 'This survey is closed',
  'survey.closed.when': 'The {cohort} intake survey closed {when}.',
  'survey.closed.answered': 'Your answers were recorded: thank you. We will email you about your match.',
  'survey.closed.unanswered': 'We did not receive your answers in time; contact the organisers if you still wish to take part.',
  'survey.thanks.body':
    'Your answers are saved. You can change them with the same link until {deadline}; we will email you about your match.',

  // The survey's choices: what is stored stays the English value, what is shown is this
  'field.Business & consulting': 'Business & consulting',
  'field.Education': 'Education',
  'field.Engineering': 'Engineering',
  'field.Finance': 'Finance',
  'field.Healthcare': 'Healthcare',
  'field.Law': 'Law',
  'field.Arts & media': 'Arts & media',
  'field.Non-profit': 'Non-profit',
  'field.Public sector': 'Public sector',
  'field.Research': 'Research',
  'field.Technology': 'Technology',
  'field.Other': 'Other',
  'topic.Career choices': 'Career choices',
  'topic.Job search & applications': 'Job search & applications',
  'topic.Technical skills': 'Technical skills',
  'topic.Leadership': 'Leadership',
  'topic.Networking': 'Networking',
  'topic.Entrepreneurship': 'Entrepreneurship',
  'topic.Studies & research': 'Studies & research',
  'topic.Work-life balance': 'Work-life balance',
  'topic.Confidence & communication': 'Confidence & communication',
  'language.English': 'English',
  'language.French': 'French',
  'language.Spanish': 'Spanish',
  'language.German': 'German',
  'language.Italian': 'Italian',
  'language.Portuguese': 'Portuguese',
  'language.Arabic': 'Arabic',
  'language.Chinese': 'Chinese',
  'availability.monthly': 'About once a month',
  'availability.fortnightly': 'Every two weeks',
  'availability.weekly': 'Every week',
  'meetingMode.remote': 'Remote only',
  'meetingMode.in-person': 'In person only',
  'meetingMode.either': 'Either',

  // What a participant's form says when something must be fixed
  'form.choose': 'Choose…',
  'form.fix': '{count, plural, one {Please fix this problem:} other {Please fix these # problems:}}',
  'form.notConfirmed':
    'We could not confirm that your answers were saved: Tandem could not reach its database just now. They are still here; please send them again in a minute. If the first sending did arrive, sending again simply replaces it.',
  'error.option': 'Choose from the options listed',
  'error.missing': 'This field was not sent: fill it in and send the form again',
  'error.tooLong': 'Must be at most {maximum, plural, one {# character} other {# characters}}',
  'error.field': 'Choose your field or industry',
  'error.languages': 'Tick at least one language',
  'error.availability': 'Choose how often you can meet',
  'error.meetingMode': 'Choose how you would like to meet',
  'error.goals': 'Tell us your goals in a sentence or two (at least 10 characters)',
  'error.helpWith': 'Tick at least one topic you want help with',
  'error.offers': 'Tick at least one topic you can help with',
  'error.capacity': 'Enter a number of mentees',
  'error.capacity.whole': 'Enter a whole number',
  'error.capacity.min': 'Take at least one mentee',
  'error.capacity.max': 'At most 5 mentees',
  'error.consent': 'Your data: tick the box to agree to how your data is used (without it, you cannot take part)',

  // The language menu on participants' pages
  'language.choose': 'Language',
  'language.apply': 'Change language',

  // Why two people were matched, as their introduction email says it
  'reason.field.same': 'both work in {field}',
  'reason.field.different': 'different fields: {mentee} / {mentor}',
  'reason.topics.some':
    '{shared, select, all {can help with every topic asked for} other {can help with {count} of {wanted, plural, one {# topic} other {# topics}} asked for}}: {names}',
  'reason.topics.none': 'offers none of the topics asked for',
  'reason.language.shared': 'both speak {names}',
  'reason.language.none': 'no shared language',
  'reason.availability.same': 'both can meet {availability}',
  'reason.availability.close': 'close availability: {mentee} / {mentor}',
  'reason.availability.differs': 'availability differs: {mentee} / {mentor}',
  'reason.meeting.remote': 'both can meet remotely',
  'reason.meeting.modes': '{mentee} / {mentor}',
  'reason.meeting.samePlace': 'both in {place}, in person',
  'reason.meeting.placeMissing': 'both meet in person; a location is missing',
  'reason.meeting.differentPlaces': 'in person, but in different places: {mentee} / {mentor}',
  'reason.attribute.same': 'same {column}: {value}',
  'reason.attribute.different': 'different {column}: {mentee} / {mentor}',
  'reason.unknown': 'unknown',

  // A pair's emails
  'footer.participant': 'You receive this email as a participant of {cohort}.',
  'matchIntroduction.subject': '{cohort}: meet your {partnerRole}, {partner}',
  'matchIntroduction.heading': '{name}, meet your {partnerRole}: {partner}',
  'matchIntroduction.footer': 'You receive this email as a {role} of {cohort}.',
  'matchIntroduction.fit':
    'We read every intake survey and matched the whole cohort at once, for the best fit overall. What you and {partner} have in common:',
  'matchIntroduction.profile': '{partner} in a few words',
  'matchIntroduction.profile.field': 'Works in: {field}',
  'matchIntroduction.profile.languages': 'Speaks: {languages}',
  'matchIntroduction.profile.offers': 'Can help with: {topics}',
  'matchIntroduction.profile.asks': 'Would like help with: {topics}',
  'matchIntroduction.charter': 'Before you start: your charter of commitment',
  'matchIntroduction.next':
    "What comes next: you will both receive the programme's charter of commitment. Once you have both signed it, the pair starts officially and we send you each other's contact details.",
  'charter.subject':
    '{reminder, select, true {Reminder: sign your {cohort} charter with {partner} by {deadline}} other {{cohort}: sign your charter with {partner}}}',
  'charter.preview':
    '{reminder, select, true {Reminder: sign your {cohort} charter by {deadline}} other {{cohort}: your charter of commitment}}',
  'charter.heading': '{reminder, select, true {{name}, your charter is still unsigned} other {{name}, your charter of commitment}}',
  'charter.body':
    "Before your pair with {partner} starts, you both sign the programme's charter. When you have both signed, we send you each other's contact details. Please sign by {deadline}: a pair whose charter is not signed by then is dissolved.",
  'charter.button': 'Read and sign the charter',
  'kickOff.subject':
    '{continued, select, true {{cohort}: you and {partner} go on as a long pair} other {{cohort}: your pair with {partner} starts}}',
  'kickOff.preview':
    '{continued, select, true {{cohort}: you and {partner} both chose to go on} other {{cohort}: you and {partner} have both signed, your pair starts}}',
  'kickOff.footer': '{cohort} · the programme ends {end}.',
  'kickOff.heading': '{continued, select, true {You go on together, {name}} other {Your pair starts, {name}}}',
  'kickOff.contact': 'You and your {partnerRole} have both signed the charter. Get in touch and plan your first meeting:',
  'kickOff.charter': 'The charter you both signed:',
  'kickOff.checkIns': 'We will check in with you both on {dates}: a one-minute form by email, to help every pair go well.',
  'kickOff.continued':
    'You and your {partnerRole} both chose to go on after your meetings: your pair continues as a long mentoring pair, with the check-ins below and a final survey at the end.',
  'kickOff.flash':
    'Flash mentoring: hold {meetings, plural, one {your meeting} other {your # meetings}} by {by}. Then we will ask you both, in one short form, how it went.',
  'meetingBooking.subject': '{cohort}: have you booked your meeting with {partner}?',
  'meetingBooking.preview': '{cohort}: book your meeting with {partner} now',
  'meetingBooking.heading': 'Have you booked your meeting, {name}?',
  'meetingBooking.body':
    'If it is not in your diaries yet, agree on a date with {partner} now: {meetings, plural, one {your meeting is} other {your # meetings are}} to be held by {by}.',
  'meetingBooking.feedback': 'When that date has passed, we will ask you both, in one short form, how it went.',
  'meetingBooking.footer': '{cohort} · flash mentoring',
  'checkIn.subject':
    '{feedback, select, true {{reminder, select, true {{cohort}: reminder, how did your meeting with {partner} go?} other {{cohort}: how did your meeting with {partner} go?}}} other {{reminder, select, true {{cohort}: reminder, your check-in about {partner}} other {{cohort}: a one-minute check-in about {partner}}}}}',
  'checkIn.preview':
    '{feedback, select, true {{cohort}: one short form about your meeting} other {{reminder, select, true {{cohort}: reminder, a one-minute check-in} other {{cohort}: a one-minute check-in}}}}',
  'checkIn.heading':
    '{feedback, select, true {{reminder, select, true {{name}, your feedback is waiting} other {How did it go, {name}?}}} other {{reminder, select, true {{name}, your check-in is waiting} other {Check-in time, {name}}}}}',
  'checkIn.question':
    '{first, select, true {Have you and {partner} been in touch, and did your first conversation go well?} other {How is it going with {partner}?}} Four quick questions help us make sure every pair goes well; the organisers step in if something is in the way.',
  'checkIn.closes': 'The check-in closes {closes}.',
  'checkIn.button': '{feedback, select, true {Give your feedback} other {Answer the check-in}}',
  'checkIn.feedback':
    'Your meeting time with {partner} is over. Did you meet, was it useful, would you meet again? One short form tells the organisers, and lets you both choose to go on.',
  'finalSurvey.subject':
    '{reminder, select, true {{cohort}: reminder, how did it go with {partner}?} other {{cohort}: how did it go with {partner}?}}',
  'finalSurvey.preview': '{reminder, select, true {{cohort}: reminder, how did it go?} other {{cohort}: how did it go?}}',
  'finalSurvey.heading': '{reminder, select, true {{name}, one last question} other {Your pair with {partner} comes to a close}}',
  'finalSurvey.body':
    '{role, select, mentee {Did {partner} answer your questions and help with what you came for?} other {How was mentoring {partner}?}} Your answers shape the next programme. It takes two minutes; the survey closes {closes}.',
  'finalSurvey.button': 'Answer the final survey',
  'pairPaused.subject':
    '{paused, select, true {{cohort}: your pair with {partner} is paused} other {{cohort}: your pair with {partner} resumes}}',
  'pairPaused.preview':
    '{paused, select, true {{cohort}: your pair with {partner} is paused} other {{cohort}: your pair with {partner} is back on}}',
  'pairPaused.heading': '{paused, select, true {Your pair is paused, {name}} other {Your pair resumes, {name}}}',
  'pairPaused.why': 'The programme team has paused your pair with {partner}: {reason}',
  'pairPaused.meanwhile':
    'Until it resumes there are no check-ins or reminders, and no deadline runs. You will hear from us when it resumes.',
  'pairPaused.resumed': 'Your pair with {partner} is running again; its dates have moved by the time it was paused.',
  'pairPaused.nextCheckIn': 'Your next check-in comes on {at}.',
  'pairPaused.openCheckIn': 'Check-in {round} is open until {at}.',
  'pairPaused.ends': 'The programme ends for your pair on {at}.',
  'pairDissolved.subject': '{cohort}: your pair with {partner} did not start',
  'pairDissolved.heading': '{name}, your pair with {partner} did not start',
  'pairDissolved.stays':
    '{signed, select, true {The charter was not signed by both of you in time, so the pair with {partner} is dissolved. You signed, and you stay in the programme: we are looking for a new partner for you and will introduce you by email.} other {The charter was not signed by both of you in time, so the pair with {partner} is dissolved. The programme team keeps you in the programme all the same: we are looking for a new partner for you and will introduce you by email.}}',
  'pairDissolved.goesOn':
    "You did not sign the charter with {partner} in time, so that pair is dissolved; your pair with {others} goes on as before. We will not introduce you to someone else in {partner}'s place; if you would like us to, tell the organisers.",
  'pairDissolved.leaves':
    'You did not sign the charter in time, so the pair with {partner} is dissolved and you leave the programme. If this is a mistake, contact the organisers: they can bring you back.',

  // Links about a pair: charter, check-in, final survey
  'link.expired.charter': 'This charter closed long ago.',
  'link.expired.checkIn': 'This check-in closed long ago.',
  'link.expired.finalSurvey': 'This survey closed long ago.',
  'link.expired.help': "Contact your programme's organisers if you still need help.",
  'form.send': 'Send',
  'answer.yes': 'Yes',
  'answer.no': 'No',
  'answer.notYet': 'Not yet',
  'answer.partly': 'Partly',
  'answer.thanks': 'Thank you',
  'answer.already': 'Already answered',

  // The charter page
  'charterPage.title': '{cohort}: charter',
  'charterPage.heading': '{cohort}: charter of commitment',
  'charterPage.intro':
    '{name}, you are paired with {partner} as their {role}. The pair starts when you have both signed{hasDeadline, select, true {, by {deadline}} other {}}.',
  'charterPage.commitments': 'The commitments',
  'charterPage.typedName': 'Your name, as signature',
  'charterPage.agree': 'I have read the charter and commit to it',
  'charterPage.sign': 'Sign the charter',
  'charterPage.signed.title': 'You have signed this charter',
  'charterPage.signed.body':
    "You signed as “{typedName}” on {at}. {state, select, active {Your pair with {partner} has started: check your email for their contact.} both {{partner} has signed too: your pair is starting, and their contact is on its way to your inbox.} other {When {partner} signs too, we will send you each other's contact.}}",
  'charterPage.closed.title': 'This charter is closed',
  'charterPage.closed.body': 'This pair is no longer waiting for signatures.',
  'charterPage.already': 'You have already signed this charter.',
  'charterPage.closedNow': 'This charter is closed: the pair is no longer waiting for signatures.',
  'error.typedName': 'Type your full name as your signature',
  'error.agree': 'Tick the box to commit to the charter',

  // The check-in page
  'checkInPage.title': '{cohort}: check-in',
  'checkInPage.heading': 'Check-in {round}: you and {partner}',
  'checkInPage.met': 'Have you met since the last check-in{first, select, true { (or since you were introduced)} other {}}?',
  'checkInPage.meetings': 'How many times?',
  'checkInPage.rating': 'How is it going? (1: badly, 5: very well)',
  'checkInPage.blocking': 'Is anything in your way?',
  'checkInPage.blocking.hint': 'optional; the organisers read it',
  'checkInPage.continue': 'Do you want to continue with {partner}?',
  'checkInPage.closed.title': 'This check-in is closed',
  'checkInPage.closed.body': 'This check-in is no longer open. You will receive the next one by email.',
  'checkInPage.paused.title': 'Your pair is paused',
  'checkInPage.paused.body':
    'The programme team has paused your pair for now. This same link works again as soon as the pair resumes; we will email you when it does.',
  'checkInPage.thanks': 'Your check-in is recorded. If something is in the way, the organisers will be in touch.',
  'checkInPage.already':
    'You had already answered this check-in, so these answers were not saved: your first ones are kept. If something has changed since, tell the organisers.',
  'error.met': 'Say whether you have met since the last check-in',
  'error.meetings': 'Enter a number of meetings, from 0 to 50',
  'error.rating': 'Choose how it is going, from 1 to 5',
  'error.continue': 'Say whether you want to continue',

  // The final survey page
  'finalPage.title': '{cohort}: final survey',
  'finalPage.heading': 'How did it go with {partner}?',
  'finalPage.questionsAnswered': 'Did {partner} answer your questions and help with your problems?',
  'finalPage.satisfaction': 'Overall, how satisfied are you? (1: not at all, 5: very)',
  'finalPage.recommend': 'Would you recommend the programme to a friend? (0 to 10)',
  'finalPage.improve': 'What could be better?',
  'finalPage.improve.hint': 'optional',
  'finalPage.closed.title': 'This survey is closed',
  'finalPage.closed.body': 'Thank you for taking part in the programme.',
  'finalPage.thanks': 'Your answers are recorded. Thank you for taking part.',
  'finalPage.already':
    'You had already answered this survey, so these answers were not saved: your first ones are kept. Thank you for taking part.',
  'error.questionsAnswered': 'Say whether your mentor answered your questions',
  'error.satisfaction': 'Choose your overall satisfaction, from 1 to 5',
  'error.recommend': 'Choose a number from 0 to 10',

  // Objectives: written on the charter page, reviewed at mid-programme
  'charterPage.objectives': 'Your objectives for this programme',
  'charterPage.objectives.hint':
    'Two or three things you want to achieve together. You will say how far you have come at the check-in in the middle of the programme.',
  'charterPage.objective': 'Objective {number}{optional, select, true { (optional)} other {}}',
  'checkInPage.objectives': 'Mid-programme review: how far have you come with each of your objectives?',
  'feedbackPage.title': '{cohort}: your feedback',
  'feedbackPage.heading': 'How did your meeting with {partner} go?',
  'feedbackPage.met': 'Did you meet {partner}?',
  'feedbackPage.rating': 'Was it useful? (1: not at all, 5: very)',
  'feedbackPage.continue': 'Would you meet {partner} again?',
  'feedbackPage.longPair':
    'Would you like to go on as a mentoring pair with {partner}, with {count, plural, one {one check-in} other {# check-ins}} in the coming months and a final survey? You go on if you both say yes.',
  'feedbackPage.thanks': 'Thank you for your feedback. If you both chose to go on, we will email you the dates of your check-ins.',
  'error.feedback.met': 'Say whether you met',
  'error.feedback.rating': 'Choose how useful it was, from 1 to 5',
  'error.feedback.continue': 'Say whether you would meet again',
  'error.longPair': 'Say whether you would like to go on as a mentoring pair',
  'progress.not-started': 'Not started',
  'progress.in-progress': 'In progress',
  'progress.achieved': 'Achieved',
  'error.objectives': 'Write at least two objectives',
  'error.progress': 'Say how far you have come with this objective',

  // A new partner, offered to whoever wants to go on when their partner would rather stop
  'newPartnerOffer.subject': '{cohort}: would you like a new partner?',
  'newPartnerOffer.preview': '{cohort}: a new partner, if you would like one',
  'newPartnerOffer.heading': 'Would you like a new partner, {name}?',
  'newPartnerOffer.why':
    '{reason, select, objectivesMet {At the mid-programme check-in you said you had achieved all your objectives, and that you wanted to go on.} other {At your last check-in you said you wanted to go on, and {partner} said they would rather stop.}}',
  'newPartnerOffer.what':
    '{reason, select, objectivesMet {One click and you join the next matching round, to work on new objectives with someone new; your pair with {partner} ends, and {partner} is matched again too if they wanted to go on. If you would rather set new objectives with {partner}, ignore this email.} other {One click and you join the next matching round: we introduce you to someone new and your pair with {partner} ends. If you would rather talk it over with {partner} first, ignore this email; the organisers know.}}',
  'newPartnerOffer.button': 'Find me a new partner',
  'newPartnerPage.title': '{cohort}: a new partner',
  'newPartnerPage.body':
    'Your pair with {partner} ends, and you join the next matching round. We email you as soon as we have introduced you to someone new.',
  'newPartnerPage.confirm': 'Yes, find me a new partner',
  'newPartnerPage.done.title': 'You are in the next matching round',
  'newPartnerPage.done.body': 'Your pair with {partner} has ended. We email you as soon as we have introduced you to someone new.',
  'newPartnerPage.over.title': 'This pair has already ended',
  'newPartnerPage.over.body':
    "Your pair with {partner} ended before this offer was taken up. Contact your programme's organisers if you would still like a new partner.",
  'link.expired.newPartner': 'This offer ended with the programme.',

  // Open enrolment: the public sign-up page, its confirmation email and link
  'enrolment.title': '{cohort}: join the programme',
  'enrolment.about': 'The programme',
  'enrolment.about.long':
    'Sign up and answer the short survey by {deadline}. Each mentee is then paired with a mentor for about {weeks, plural, one {# week} other {# weeks}}, with {checkIns, plural, =0 {no check-in} one {one short check-in} other {# short check-ins}} along the way.',
  'enrolment.about.flash':
    'Sign up and answer the short survey by {deadline}. Each pair then has {meetings, plural, one {one meeting} other {# meetings}} within {days, plural, one {a day} other {# days}}.',
  'enrolment.commitment': 'What both partners commit to',
  'enrolment.intro':
    'Sign up as a mentor or as a mentee. We email you a link to confirm your address; then a short survey tells us what you need or offer, so that we can find the right partner for you.',
  'enrolment.name': 'Your full name',
  'enrolment.email': 'Your email address',
  'enrolment.role': 'You join as',
  'enrolment.role.mentor': 'a mentor: I can help someone with my experience',
  'enrolment.role.mentee': 'a mentee: I am looking for someone to help me',
  'enrolment.language': 'Language of our emails',
  'enrolment.submit': 'Sign up',
  'enrolment.sent.title': 'Check your inbox',
  'enrolment.sent.body':
    'If {email} can join this programme, an email is on its way there with a link to confirm your address. The link works for 48 hours; nothing happens until you open it.',
  'enrolment.closed.title': 'Sign-ups are closed',
  'enrolment.closed.body':
    'This programme no longer takes sign-ups through this link. Contact its organisers if you would still like to take part.',
  'enrolment.full.title': 'This programme is full',
  'enrolment.full.body': "Every place open to sign-ups is taken. Contact the programme's organisers to hear if one frees up.",
  'enrolment.throttled.title': 'Too many sign-ups from your network',
  'enrolment.throttled.body': 'Please try again in an hour.',
  'enrolment.expired.title': 'This confirmation link has expired',
  'enrolment.expired.body':
    'Confirmation links work for 48 hours. Sign up again from the link you were given, and confirm from the new email.',
  'error.enrolment.name': 'Enter your name',
  'error.enrolment.email': 'Enter a valid email address',
  'error.enrolment.role': 'Choose whether you join as a mentor or as a mentee',
  'enrolmentConfirmation.fullSubject': '{cohort}: the programme is full',
  'enrolmentConfirmation.full':
    '{role, select, mentee {You asked to join {cohort} as a mentee.} other {You asked to join {cohort} as a mentor.}}',
  'enrolmentConfirmation.subject': '{cohort}: confirm your email address',
  'enrolmentConfirmation.preview': 'Confirm your address to join {cohort}',
  'enrolmentConfirmation.heading': 'Confirm your address, {name}',
  'enrolmentConfirmation.body':
    '{role, select, mentee {You asked to join {cohort} as a mentee.} other {You asked to join {cohort} as a mentor.}} Confirm that this address is yours, and the intake survey opens right away.',
  'enrolmentConfirmation.valid': 'This link works until {until}.',
  'enrolmentConfirmation.button': 'Confirm and answer the survey',
  'enrolmentConfirmation.notYou': 'You did not sign up? Ignore this email: nothing happens without your click.',

  // Tandem's own privacy notice, when the cohort does not write its own
  'privacy.default':
    "What we collect: your name, email and role (given by the organisers, or by you when you sign up), the answers you give in this survey, your charter signature and objectives, your check-ins and your final survey.\nWhy: to match you with the partner who fits your needs best, and to follow your pair through the programme.\nWho sees it: the programme's organisers. Your partner receives your name and email when you are introduced, and nothing you write in check-ins.\nHow long: for the programme, then 12 months after it ends; then it is erased, keeping only anonymous figures.\nYour rights: ask the organisers at any time for a copy of your data, or for its erasure.",

  // Tandem's own charter, when the cohort keeps it: each participant signs it in their language
  'charter.default':
    'We meet at least once a month, by video or in person, and keep the dates we agree on.\nWe prepare each meeting: the mentee brings questions and goals, the mentor shares experience honestly.\nWhat we say to each other stays between us.\nWe answer every check-in, so that the organisers can help if something is in the way.\nIf one of us can no longer go on, we say so early, to each other and to the organisers.',

  // The admin's pages and emails
  ...adminFrame,
  ...adminCohortPage,
  ...adminCohortForm,
  ...adminMatching,
  ...adminPairs,
  ...adminAlerts,
  ...adminNeeds,
  ...adminEnrolment,
  ...adminExport,
  ...adminOrganisation,
  ...adminAccounts,
  ...adminRefusals,
} as const;

export type MessageKey = keyof typeof en;
/** Another language's catalogue: every key of the English one, and no other (the compiler checks both). */
export type Catalogue = Record<MessageKey, string>;
