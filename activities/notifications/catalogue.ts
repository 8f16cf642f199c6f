import type { ComponentType } from 'react';
import AccountLink, { type AccountLinkProps } from '../../emails/AccountLink.js';
import AdminAlert, { type AdminAlertProps } from '../../emails/AdminAlert.js';
import CharterInvitation, { type CharterInvitationProps } from '../../emails/CharterInvitation.js';
import CheckInRequest, { type CheckInRequestProps } from '../../emails/CheckInRequest.js';
import CohortReport, { type CohortReportProps } from '../../emails/CohortReport.js';
import EnrolmentConfirmation, { type EnrolmentConfirmationProps } from '../../emails/EnrolmentConfirmation.js';
import FinalSurveyRequest, { type FinalSurveyRequestProps } from '../../emails/FinalSurveyRequest.js';
import KickOff, { type KickOffProps } from '../../emails/KickOff.js';
import MeetingBookingReminder, { type MeetingBookingReminderProps } from '../../emails/MeetingBookingReminder.js';
import MatchIntroduction, { type MatchIntroductionProps } from '../../emails/MatchIntroduction.js';
import NewPartnerOffer, { type NewPartnerOfferProps } from '../../emails/NewPartnerOffer.js';
import PairDissolved, { type PairDissolvedProps } from '../../emails/PairDissolved.js';
import PairPaused, { type PairPausedProps } from '../../emails/PairPaused.js';
import SurveyInvitation, { type SurveyInvitationProps } from '../../emails/SurveyInvitation.js';
import SurveyReminder, { type SurveyReminderProps } from '../../emails/SurveyReminder.js';
import type { Locale } from '../../i18n/locales.js';
import { translator } from '../../i18n/translator.js';

/** Who a message goes to: a participant (the bounce is theirs), an admin's account, or ADMIN_EMAIL. */
export interface Recipient {
  name: string;
  email: string;
  participantId?: string;
  accountId?: string;
}

/**
 * One kind of email. What it says (`P`, the template's props) and what it is about (`O`: the pair, the
 * round, the admin's nudge...) decide its subject and its idempotency key, which names the message for good.
 */
export interface Notification<P, O = object> {
  template: ComponentType<P>;
  /** The kind recorded with each message, as the admin pages count them. */
  kind: (message: P & O) => string;
  subject: (message: P & O) => string;
  key: (message: P & O, to: Recipient) => string;
  /** A cohort's admin messages go to its managers (or ADMIN_EMAIL); an account's to its holder. */
  audience: 'participant' | 'admin' | 'account';
}

const notification = <P, O = object>(n: Notification<P, O>) => n;

/** A participant's email is written in their language, an admin's in the cohort's; its subject too. */
const writtenIn = (message: { locale: Locale }) => translator(message.locale);

/** A reminder the admin sent by hand is an email of its own, numbered; the scheduled one is the reminder. */
const occasion = (m: { reminder: boolean; nudge?: number }, first: string) =>
  m.nudge ? `nudge-${m.nudge}` : m.reminder ? 'reminder' : first;

/** Every email Tandem sends. Subjects of a pair's emails name the partner: a mentor of several tells them apart. */
export const NOTIFICATIONS = {
  enrolmentConfirmation: notification<EnrolmentConfirmationProps, { requestId: string }>({
    template: EnrolmentConfirmation,
    audience: 'participant',
    kind: () => 'enrolment-confirmation',
    subject: (m) => writtenIn(m).t('enrolmentConfirmation.subject', { cohort: m.cohortName }),
    key: (m) => `enrolment-confirmation:${m.requestId}`,
  }),
  enrolmentFull: notification<EnrolmentConfirmationProps, { requestId: string }>({
    template: EnrolmentConfirmation,
    audience: 'participant',
    kind: () => 'enrolment-full',
    subject: (m) => writtenIn(m).t('enrolmentConfirmation.fullSubject', { cohort: m.cohortName }),
    key: (m) => `enrolment-full:${m.requestId}`,
  }),
  surveyInvitation: notification<SurveyInvitationProps>({
    template: SurveyInvitation,
    audience: 'participant',
    kind: () => 'survey-invitation',
    subject: (m) => writtenIn(m).t('surveyInvitation.subject', { cohort: m.cohortName }),
    key: (_, to) => `survey-invitation:${to.participantId}`,
  }),
  surveyReminder: notification<SurveyReminderProps, { round: number; requestId?: string }>({
    template: SurveyReminder,
    audience: 'participant',
    kind: () => 'survey-reminder',
    subject: (m) => writtenIn(m).t('surveyReminder.subject', { lastCall: m.lastCall, cohort: m.cohortName, deadline: m.deadline }),
    key: (m, to) => `survey-reminder:${m.requestId ?? m.round}:${to.participantId}`,
  }),
  matchIntroduction: notification<MatchIntroductionProps, { pairId: string }>({
    template: MatchIntroduction,
    audience: 'participant',
    kind: () => 'match-introduction',
    subject: (m) =>
      writtenIn(m).t('matchIntroduction.subject', {
        cohort: m.cohortName,
        partnerRole: writtenIn(m).t(m.role === 'mentee' ? 'role.mentor' : 'role.mentee'),
        partner: m.partnerName,
      }),
    key: (m, to) => `match-introduction:${m.pairId}:${to.participantId}`,
  }),
  charter: notification<CharterInvitationProps, { pairId: string; nudge?: number }>({
    template: CharterInvitation,
    audience: 'participant',
    kind: (m) => (m.reminder ? 'charter-reminder' : 'charter-invitation'),
    subject: (m) =>
      writtenIn(m).t('charter.subject', { reminder: m.reminder, cohort: m.cohortName, partner: m.partnerName, deadline: m.deadline }),
    key: (m, to) => `charter-${occasion(m, 'invitation')}:${m.pairId}:${to.participantId}`,
  }),
  kickOff: notification<KickOffProps, { pairId: string }>({
    template: KickOff,
    audience: 'participant',
    kind: (m) => (m.continued ? 'long-pair' : 'kick-off'),
    subject: (m) => writtenIn(m).t('kickOff.subject', { continued: m.continued ?? false, cohort: m.cohortName, partner: m.partnerName }),
    key: (m, to) => `${m.continued ? 'long-pair' : 'kick-off'}:${m.pairId}:${to.participantId}`,
  }),
  meetingBooking: notification<MeetingBookingReminderProps, { pairId: string }>({
    template: MeetingBookingReminder,
    audience: 'participant',
    kind: () => 'meeting-booking',
    subject: (m) => writtenIn(m).t('meetingBooking.subject', { cohort: m.cohortName, partner: m.partnerName }),
    key: (m, to) => `meeting-booking:${m.pairId}:${to.participantId}`,
  }),
  checkIn: notification<CheckInRequestProps, { pairId: string; round: number; nudge?: number }>({
    template: CheckInRequest,
    audience: 'participant',
    kind: (m) => (m.reminder ? 'check-in-reminder' : 'check-in'),
    subject: (m) =>
      writtenIn(m).t('checkIn.subject', {
        reminder: m.reminder,
        feedback: m.feedback ?? false,
        cohort: m.cohortName,
        partner: m.partnerName,
      }),
    key: (m, to) => `check-in-${occasion(m, 'request')}:${m.pairId}:${m.round}:${to.participantId}`,
  }),
  newPartnerOffer: notification<NewPartnerOfferProps, { pairId: string; round: number }>({
    template: NewPartnerOffer,
    audience: 'participant',
    kind: () => 'new-partner-offer',
    subject: (m) => writtenIn(m).t('newPartnerOffer.subject', { cohort: m.cohortName }),
    key: (m, to) => `new-partner-offer:${m.pairId}:${m.round}:${to.participantId}`,
  }),
  finalSurvey: notification<FinalSurveyRequestProps, { pairId: string; nudge?: number }>({
    template: FinalSurveyRequest,
    audience: 'participant',
    kind: (m) => (m.reminder ? 'final-survey-reminder' : 'final-survey'),
    subject: (m) => writtenIn(m).t('finalSurvey.subject', { reminder: m.reminder, cohort: m.cohortName, partner: m.partnerName }),
    key: (m, to) => `final-survey-${occasion(m, 'request')}:${m.pairId}:${to.participantId}`,
  }),
  pairPaused: notification<PairPausedProps, { pairId: string; pause: number }>({
    template: PairPaused,
    audience: 'participant',
    kind: () => 'pair-paused',
    subject: (m) => writtenIn(m).t('pairPaused.subject', { paused: true, cohort: m.cohortName, partner: m.partnerName }),
    key: (m, to) => `pair-paused:${m.pairId}:${m.pause}:${to.participantId}`,
  }),
  pairResumed: notification<PairPausedProps, { pairId: string; pause: number }>({
    template: PairPaused,
    audience: 'participant',
    kind: () => 'pair-resumed',
    subject: (m) => writtenIn(m).t('pairPaused.subject', { paused: false, cohort: m.cohortName, partner: m.partnerName }),
    key: (m, to) => `pair-resumed:${m.pairId}:${m.pause}:${to.participantId}`,
  }),
  pairDissolved: notification<PairDissolvedProps, { pairId: string }>({
    template: PairDissolved,
    audience: 'participant',
    kind: () => 'pair-dissolved',
    subject: (m) => writtenIn(m).t('pairDissolved.subject', { cohort: m.cohortName, partner: m.partnerName }),
    key: (m, to) => `pair-dissolved:${m.pairId}:${to.participantId}`,
  }),
  adminAlert: notification<AdminAlertProps, { alertKey: string }>({
    template: AdminAlert,
    audience: 'admin',
    kind: () => 'admin-alert',
    subject: (m) => writtenIn(m).t('adminEmail.alert.subject', { cohort: m.cohortName, message: m.message }),
    // One email per manager; to ADMIN_EMAIL, the key it always had.
    key: (m, to) => `alert:${m.alertKey}${to.accountId ? `:${to.accountId}` : ''}`,
  }),
  cohortReport: notification<CohortReportProps, { cohortId: string }>({
    template: CohortReport,
    audience: 'admin',
    kind: () => 'cohort-report',
    subject: (m) => writtenIn(m).t('adminEmail.report.subject', { cohort: m.cohortName }),
    key: (m, to) => `cohort-report:${m.cohortId}${to.accountId ? `:${to.accountId}` : ''}`,
  }),
  adminInvitation: notification<AccountLinkProps, { ticketId: string; organisation: string }>({
    template: AccountLink,
    audience: 'account',
    kind: () => 'admin-invitation',
    subject: (m) => writtenIn(m).t('accountLink.invitation.subject', { organisation: m.organisation }),
    key: (m) => `admin-invitation:${m.ticketId}`,
  }),
  passwordReset: notification<AccountLinkProps, { ticketId: string; organisation: string }>({
    template: AccountLink,
    audience: 'account',
    kind: () => 'password-reset',
    subject: (m) => writtenIn(m).t('accountLink.password-reset.subject', { organisation: m.organisation }),
    key: (m) => `password-reset:${m.ticketId}`,
  }),
};
