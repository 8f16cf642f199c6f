import type { Cohort } from '../../db/cohorts.js';
import type { CheckInAnswers } from '../../domain/check-in.js';
import type { FinalSurveyAnswers } from '../../domain/final-survey.js';
import type { TimelineEvent } from '../../domain/pair-timeline.js';
import { checkInNumber, isMeetingFeedback } from '../../domain/programme-format.js';
import type { Translator } from '../../i18n/translator.js';
import { AUDIT_ACTIONS } from './audit-actions.js';
import { useTranslator } from '../views/language.js';

/** The emails a pair's workflow sends, by the kind their records keep; another kind shows as recorded. */
const EMAIL_KINDS = [
  'match-introduction',
  'charter-invitation',
  'charter-reminder',
  'kick-off',
  'long-pair',
  'meeting-booking',
  'check-in',
  'check-in-reminder',
  'new-partner-offer',
  'final-survey',
  'final-survey-reminder',
  'pair-paused',
  'pair-resumed',
  'pair-dissolved',
] as const;
const isEmailKind = (kind: string): kind is (typeof EMAIL_KINDS)[number] => (EMAIL_KINDS as readonly string[]).includes(kind);

interface Props {
  cohort: Cohort;
  events: TimelineEvent[];
  /** The two parties' names by id (an erased person has none). */
  names: Record<string, string>;
  /** What the pair waits for now, and until when: the timeline's last line while it runs. */
  next?: string;
}

/** What happened to the pair, oldest first: emails, signatures, answers in their authors' words, closed windows, admins' actions. */
export function PairTimeline({ cohort, events, names, next }: Props) {
  const text = useTranslator();
  const { t, instant } = text;
  return (
    <div class="card" id="timeline">
      <h2>{t('admin.timeline.heading')}</h2>
      <ol class="timeline">
        {events.map((event) => (
          <li data-timeline={event.kind}>
            <time datetime={event.at.toISOString()}>{instant(event.at)}</time> {describe(event, cohort, names, text)}
            {event.status === 'bounced' && (
              <>
                {' '}
                <span class="badge bad">{t('admin.cohort.emailBounced')}</span>
              </>
            )}
          </li>
        ))}
        {next && (
          <li data-timeline="next" class="next">
            <strong>{t('admin.timeline.next')}</strong> {next}
          </li>
        )}
      </ol>
    </div>
  );
}

function describe(event: TimelineEvent, cohort: Cohort, names: Record<string, string>, text: Translator): string {
  const { t } = text;
  const name = event.participantId ? (names[event.participantId] ?? t('alert.erasedPerson')) : '';
  const detail = event.detail ?? '';
  switch (event.kind) {
    case 'matched':
      return t('admin.timeline.matched');
    case 'email':
      return t('admin.timeline.email', { name, what: isEmailKind(detail) ? t(`admin.timeline.email.${detail}`) : detail });
    case 'signed':
      return t('admin.timeline.signed', { name });
    case 'check-in': {
      const round = Number(detail);
      const answers = event.answers as Partial<CheckInAnswers>;
      return t('admin.timeline.checkIn', {
        name,
        feedback: isMeetingFeedback(cohort.schedule.flash, round) ? 'yes' : 'no',
        round: checkInNumber(cohort.schedule.flash, round),
        met: answers.met ?? 'no',
        meetings: answers.meetings ?? 0,
        rating: answers.rating ?? 0,
        goOn: answers.continue ?? 'yes',
        blocking: answers.blocking ? 'yes' : 'no',
        words: answers.blocking ?? '',
      });
    }
    case 'final-survey': {
      const answers = event.answers as Partial<FinalSurveyAnswers>;
      return t('admin.timeline.finalSurvey', {
        name,
        satisfaction: answers.satisfaction ?? 0,
        recommend: answers.recommend ?? 0,
        questions: answers.role === 'mentee' ? (answers.questionsAnswered ?? 'none') : 'none',
        improve: answers.improve ? 'yes' : 'no',
        words: answers.improve ?? '',
      });
    }
    case 'closed': {
      const [form, round] = detail.split('#');
      return t('admin.timeline.closed', {
        form: form === 'final-survey' ? 'finalSurvey' : (form ?? ''), // an ICU select key holds no hyphen
        round: round ? checkInNumber(cohort.schedule.flash, Number(round)) : 0,
        feedback: round && isMeetingFeedback(cohort.schedule.flash, Number(round)) ? 'yes' : 'no',
      });
    }
    case 'action': {
      const action = AUDIT_ACTIONS[detail] ? t(AUDIT_ACTIONS[detail]) : detail;
      return event.actor ? t('admin.timeline.byWhom', { action, name: event.actor }) : action;
    }
  }
}
