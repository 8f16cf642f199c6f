import { Context } from '@temporalio/activity';
import { closeWindow, openWindow } from '../db/answers.js';
import { closeCohortSurvey, getCohort, type Cohort } from '../db/cohorts.js';
import { listParticipants, openLateSurvey, participantIds, type Participant } from '../db/participants.js';
import type { Sql } from '../db/sql.js';
import { countSurveyAnswers } from '../db/survey-answers.js';
import { LINK_GRACE_MS, type LinkSigner } from '../domain/link-tokens.js';
import { rangesOf, type IdRange, type MailingPlan, type SurveyMailing } from '../domain/mailing.js';
import { surveyReminderTimes } from '../domain/schedule.js';
import { translatorFor } from '../i18n/translator.js';
import { notFound } from './not-found.js';
import { NOTIFICATIONS } from './notifications/catalogue.js';
import { BATCH_LIMIT } from './email/sender.js';
import type { Notifier } from './notifications/notify.js';

export interface SurveyActivityDeps {
  sql: Sql;
  notifier: Notifier;
  links: LinkSigner;
  publicBaseUrl: string;
}

/** The intake survey's side effects: emails with personal links, the late joiners' windows, the closing count. */
export function createSurveyActivities(deps: SurveyActivityDeps) {
  const { sql, notifier, links } = deps;

  /** A late joiner answers by their own deadline; everyone else by the cohort's. */
  const deadlineOf = (cohort: Cohort, participant: Participant) =>
    participant.surveyDeadline?.getTime() ?? Date.parse(cohort.schedule.surveyDeadline);

  const surveyUrl = (cohort: Cohort, participant: Participant) =>
    `${deps.publicBaseUrl}/survey/${links.sign({ scope: 'survey', participantId: participant.id, subjectId: cohort.id, expiresAt: deadlineOf(cohort, participant) + LINK_GRACE_MS })}`;

  /** What every survey email says first: to whom, in their language, with their link and its deadline in their time zone. */
  const addressing = (cohort: Cohort, p: Participant, deadline: number | string) => {
    const text = translatorFor(p, cohort);
    return {
      locale: text.locale,
      name: p.name,
      cohortName: cohort.name,
      surveyUrl: surveyUrl(cohort, p),
      deadline: text.instant(deadline),
    };
  };

  const recipient = (p: Participant) => ({ name: p.name, email: p.email, participantId: p.id });
  /** Heartbeats progress on a large cohort, so a stuck send is noticed and retried elsewhere. */
  const heartbeat = (done: number) => Context.current().heartbeat({ done });

  async function mustGetCohort(cohortId: string): Promise<Cohort> {
    return (await getCohort(sql, cohortId)) ?? Promise.reject(notFound(`Cohort ${cohortId}`));
  }

  const invite = (cohort: Cohort, participants: Participant[]) =>
    notifier.notifyEach(
      participants,
      NOTIFICATIONS.surveyInvitation,
      (p) => ({
        cohortId: cohort.id,
        to: recipient(p),
        says: { ...addressing(cohort, p, deadlineOf(cohort, p)), role: p.role },
      }),
      heartbeat,
    );

  /** A reminder's last call is the last scheduled one; one the admin asks for never is. */
  const isLastCall = (cohort: Cohort, mailing: Extract<SurveyMailing, { kind: 'reminder' }>) =>
    !mailing.requestId && mailing.round >= surveyReminderTimes(cohort.schedule).length;

  return {
    /** Whom a survey mailing goes to (everyone, or whoever has not answered), in batches of one request each. */
    async planSurveyMailing({ cohortId, mailing }: { cohortId: string; mailing: SurveyMailing }): Promise<MailingPlan> {
      await mustGetCohort(cohortId);
      const ids = await participantIds(sql, cohortId, { unansweredOnly: mailing.kind === 'reminder' });
      return { total: ids.length, batches: rangesOf(ids, BATCH_LIMIT) };
    },

    /**
     * One batch of a survey mailing, in one request, on the email task queue (whose rate is the provider's).
     * A reminder skips whoever answered since the plan; an address refused is marked, and the others go.
     */
    async sendSurveyMailingBatch({
      cohortId,
      mailing,
      batch,
    }: {
      cohortId: string;
      mailing: SurveyMailing;
      batch: IdRange;
    }): Promise<{ sent: number; bounced: number }> {
      const cohort = await mustGetCohort(cohortId);
      const reminder = mailing.kind === 'reminder';
      const recipients = await listParticipants(sql, cohortId, { unansweredOnly: reminder, within: batch });
      if (!reminder)
        return notifier.notifyBatch(
          NOTIFICATIONS.surveyInvitation,
          recipients.map((p) => ({ cohortId, to: recipient(p), says: { ...addressing(cohort, p, deadlineOf(cohort, p)), role: p.role } })),
        );
      const { round, requestId } = mailing;
      return notifier.notifyBatch(
        NOTIFICATIONS.surveyReminder,
        recipients.map((p) => ({
          cohortId,
          to: recipient(p),
          says: {
            ...addressing(cohort, p, cohort.schedule.surveyDeadline),
            lastCall: isLastCall(cohort, mailing),
            round,
            ...(requestId ? { requestId } : {}),
          },
        })),
      );
    },

    /** Everyone invited; an address the mail service refuses is marked on the cohort page, and the others go out. */
    async sendSurveyInvitations({ cohortId }: { cohortId: string }): Promise<{ total: number; invited: number; bounced: number }> {
      const cohort = await mustGetCohort(cohortId);
      const participants = await listParticipants(sql, cohortId);
      const { bounced } = await invite(cohort, participants);
      return { total: participants.length, invited: participants.length - bounced, bounced };
    },

    /** Participants added after the survey opened: invited now, with a survey window of their own. */
    async inviteLateJoiners({
      cohortId,
      participantIds,
      deadline,
    }: {
      cohortId: string;
      participantIds: string[];
      deadline: string;
    }): Promise<{ invited: number }> {
      const cohort = await mustGetCohort(cohortId);
      const participants = await openLateSurvey(sql, cohortId, participantIds, new Date(deadline));
      for (const p of participants) await openWindow(sql, { form: 'survey', subjectId: p.id, cohortId, closesAt: new Date(deadline) });
      await invite(cohort, participants);
      return { invited: participants.length };
    },

    /** The scheduled reminders by round; one the admin asks for is keyed by their request, and is never the last call. */
    async sendSurveyReminders({
      cohortId,
      round,
      requestId,
    }: {
      cohortId: string;
      round: number;
      requestId?: string;
    }): Promise<{ reminded: number }> {
      const cohort = await mustGetCohort(cohortId);
      const lastCall = isLastCall(cohort, { kind: 'reminder', round, ...(requestId ? { requestId } : {}) });
      const pending = await listParticipants(sql, cohortId, { unansweredOnly: true });
      await notifier.notifyEach(
        pending,
        NOTIFICATIONS.surveyReminder,
        (p) => ({
          cohortId,
          to: recipient(p),
          says: { ...addressing(cohort, p, cohort.schedule.surveyDeadline), lastCall, round, ...(requestId ? { requestId } : {}) },
        }),
        heartbeat,
      );
      return { reminded: pending.length };
    },

    /** Closes the survey once the answers being stored have landed; what is counted then is final. */
    async closeSurvey({ cohortId }: { cohortId: string }): Promise<{ answered: number; missing: number }> {
      await closeWindow(sql, { form: 'survey', subjectId: cohortId });
      await closeCohortSurvey(sql, cohortId);
      const [all, answered] = await Promise.all([listParticipants(sql, cohortId), countSurveyAnswers(sql, cohortId)]);
      return { answered, missing: all.length - answered };
    },
  };
}
