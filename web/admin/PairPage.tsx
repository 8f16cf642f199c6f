import type { Cohort } from '../../db/cohorts.js';
import type { Pair } from '../../db/matching.js';
import type { Bounce } from '../../db/emails.js';
import type { Alert, Signature } from '../../db/pair-lifecycle.js';
import type { Progress } from '../../domain/objectives.js';
import type { Participant } from '../../db/participants.js';
import { alertText, describeHealthReason } from '../../domain/alerts.js';
import type { PAIR_END_REASONS, PairStage } from '../../domain/types.js';
import { checkInNumber } from '../../domain/programme-format.js';
import type { MessageKey } from '../../i18n/translator.js';
import type { PairState } from '../../workflows/pair/contract.js';
import type { TimelineEvent } from '../../domain/pair-timeline.js';
import { PairTimeline } from './PairTimeline.js';
import { useTranslator } from '../views/language.js';
import { Layout, type AdminFrame } from '../views/Layout.js';
import { FieldError, invalid, type FieldErrors } from '../views/form.js';
import { healthLabel, pairStageLabel } from './labels.js';

export interface PairView {
  cohort: Cohort;
  pair: Pair;
  mentee: Participant;
  mentor: Participant;
  /** The workflow's own view; undefined when it has finished long ago or Temporal did not answer. */
  state: PairState | undefined;
  signatures: Signature[];
  /** Each party's objectives and their progress at the review, by participant. */
  objectives: Record<string, { text: string; progress: Progress | null }[]>;
  alerts: Alert[];
  /** What happened to the pair, oldest first. */
  timeline: TimelineEvent[];
  workflowUrl: string;
  /** Of the two, whose address the mail service refused. */
  bounced: Bounce[];
}

/** The form the admin last sent, with its errors and what was typed, to show beside that form only. */
export interface FormEcho {
  form: 'extend' | 'pause' | 'keep-both' | 'rematch' | 'end';
  errors: FieldErrors;
  values: Record<string, string>;
}

type Props = PairView & { admin: AdminFrame; notice?: string; problem?: string; echo?: FormEcho };

/** How each reason to end a pair early reads in the menu. */
const END_REASONS: Record<keyof typeof PAIR_END_REASONS, MessageKey> = {
  'objectives achieved': 'admin.pair.end.objectivesAchieved',
  'no longer following up': 'admin.pair.end.noFollowUp',
  other: 'admin.pair.end.other',
};

/** One pair: where it is, what it waits for and until when, and everything the admin can do about it. */
export function PairPage(props: Props) {
  // The page itself is outside the Layout that provides the language: it reads the admin's own.
  const text = props.admin.text;
  const { t, instant } = text;
  const { cohort, pair, mentee, mentor, state } = props;
  const running = pair.status === 'active' && state !== undefined && !state.ended;
  // Only Tandem writes a pair's stage and health, from PAIR_STAGES and HEALTH: their codes name them in the catalogue.
  const stage = (state?.stage ?? pair.stage) as PairStage;
  return (
    <Layout title={`${mentee.name} & ${mentor.name}`} admin={props.admin}>
      <p>
        <a href={`/admin/cohorts/${cohort.slug}`}>← {cohort.name}</a>
      </p>
      <h1>
        {mentee.name} <span class="muted">({t('role.mentee')})</span> &amp; {mentor.name} <span class="muted">({t('role.mentor')})</span>
      </h1>
      {props.notice && (
        <div class="banner ok" role="status">
          {props.notice}
        </div>
      )}
      {props.problem && (
        <div class="banner bad" role="alert">
          {props.problem}
        </div>
      )}
      {state?.paused && (
        <div class="banner bad" data-paused>
          {t('admin.pair.pausedSince', { since: instant(state.paused.since), reason: state.paused.reason })}
        </div>
      )}
      <div class="card">
        <p>
          {t('admin.pair.stage')} <strong data-pair-stage={stage}>{pairStageLabel(text, stage)}</strong> ·{' '}
          {t('admin.pair.score', { score: pair.score })} · {t('admin.pair.health')}{' '}
          <strong data-health={pair.health ?? ''}>{pair.health ? healthLabel(text, pair.health) : t('admin.pair.health.none')}</strong>
          {pair.healthReasons.length > 0 && (
            <span class="hint"> ({pair.healthReasons.map((reason) => describeHealthReason(reason, text)).join('; ')})</span>
          )}
        </p>
        <p data-waiting>
          {state ? waitingFor(props) : pair.endedReason ? t('admin.pair.ended', { reason: pair.endedReason }) : t('admin.pair.noAnswer')}
        </p>
        <p>
          {t('admin.pair.workflow')}{' '}
          <a href={props.workflowUrl} target="_blank" rel="noopener">
            {pair.workflowId}
          </a>{' '}
          {t('admin.pair.workflow.where')}
        </p>
        {props.signatures.length > 0 && (
          <p>
            {t('admin.pair.signedBy', { signatures: props.signatures.map((s) => `${s.typedName} (${instant(s.signedAt)})`).join(', ') })}
          </p>
        )}
      </div>
      {Object.values(props.objectives).some((list) => list.length > 0) && (
        <div class="card" id="objectives">
          <h2>{t('admin.pair.objectives.heading')}</h2>
          {[props.mentee, props.mentor]
            .filter((p) => props.objectives[p.id]?.length)
            .map((p) => (
              <>
                <p>{t('admin.pair.objectives.of', { name: p.name })}</p>
                <ul>
                  {props.objectives[p.id]!.map((o) => (
                    <li data-objective={o.progress ?? 'none'}>
                      {t('admin.pair.objectives.item', {
                        text: o.text,
                        progress: t(o.progress ? `progress.${o.progress}` : 'admin.pair.objectives.notReviewed'),
                      })}
                    </li>
                  ))}
                </ul>
              </>
            ))}
        </div>
      )}
      {props.bounced.map((b) => (
        <div class="banner bad" data-bounced={b.email}>
          {t('admin.pair.bounced', { name: b.name, email: b.email, reason: b.reason })}
        </div>
      ))}
      {running && props.admin.may('run') && <Actions {...props} state={state} />}
      <PairTimeline
        cohort={cohort}
        events={props.timeline}
        names={{ [mentee.id]: mentee.name, [mentor.id]: mentor.name }}
        {...(running ? { next: waitingFor(props) } : {})}
      />
      {pair.status === 'ended' && cohort.stage !== 'closed' && cohort.stage !== 'survey' && props.admin.may('run') && (
        <PlacesAfterTheEnd {...props} />
      )}
      {props.alerts.length > 0 && (
        <div class="card">
          <h2>{t('admin.pair.alerts')}</h2>
          <ul>
            {props.alerts.map((a) => (
              <li>{t('admin.pair.alert', { at: instant(a.createdAt), message: alertText(a, text) })}</li>
            ))}
          </ul>
        </div>
      )}
    </Layout>
  );
}

/** What the pair waits for right now, and until when, in the admin's words. */
function waitingFor({ state, mentee, mentor, admin, cohort }: Props): string {
  const { t, instant, list } = admin.text;
  const s = state!;
  const names = (ids: string[]) => list(ids.map((id) => (id === mentee.id ? mentee.name : mentor.name)));
  const parties = [mentee.id, mentor.id];
  if (s.ended) return t('admin.pair.waiting.ending', { reason: s.ended.reason });
  if (s.stage === 'charter') {
    const unsigned = parties.filter((p) => !s.signed[p]);
    return t('admin.pair.waiting.charter', {
      names: names(unsigned),
      deadline: instant(s.charterDeadline!),
      keepBoth: s.keepBoth === true,
    });
  }
  const open = s.checkIns.open;
  // A flash pair before it went on: its meetings, then their feedback (check-in round 0).
  const flash = cohort.schedule.flash && s.flash && !s.flash.feedbackAt ? cohort.schedule.flash : undefined;
  if (s.stage === 'active' && open) {
    const silent = parties.filter((p) => !open.answered?.includes(p));
    if (flash)
      return silent.length
        ? t('admin.pair.waiting.feedback', { closes: instant(open.closesAt), names: names(silent) })
        : t('admin.pair.waiting.feedbackAnswered');
    return silent.length
      ? t('admin.pair.waiting.checkIn', {
          round: checkInNumber(cohort.schedule.flash, open.round),
          closes: instant(open.closesAt),
          names: names(silent),
        })
      : t('admin.pair.waiting.checkInAnswered', { round: checkInNumber(cohort.schedule.flash, open.round) });
  }
  if (s.stage === 'active' && flash && s.kickedOffAt) {
    return t('admin.pair.waiting.meetings', {
      meetings: flash.meetings,
      by: instant(Date.parse(s.kickedOffAt) + (s.pausedMs ?? 0) + flash.meetingWindowMs),
    });
  }
  if (s.stage === 'final-survey' && s.finalSurvey) {
    const silent = parties.filter((p) => !s.finalSurvey!.answered.includes(p));
    return silent.length
      ? t('admin.pair.waiting.finalSurvey', { closes: instant(s.finalSurvey.closesAt), names: names(silent) })
      : t('admin.pair.waiting.finalSurveyAnswered');
  }
  return t('admin.pair.waiting.running', { done: s.checkIns.done });
}

/**
 * An ended pair: who has their place back (the next matching round may give them a new partner), and for whoever
 * has not (an early end gives nobody theirs), the admin's way to give it back: a mentor free again, a mentee who
 * still wants a mentor.
 */
function PlacesAfterTheEnd(props: Props) {
  const { t } = useTranslator();
  const { cohort, pair, mentee, mentor, echo } = props;
  const base = `/admin/cohorts/${cohort.slug}/pairs/${pair.id}`;
  return (
    <div class="card" id="places">
      <h2>{t('admin.pair.afterTheEnd')}</h2>
      {[
        { person: mentee, role: 'mentee' as const },
        { person: mentor, role: 'mentor' as const },
      ].map(({ person, role }) =>
        pair.rematchIds.includes(person.id) ? (
          <p data-place-back={person.name}>{t('admin.pair.placeBack', { name: person.name, role: t(`role.${role}`) })}</p>
        ) : (
          <form method="post" action={`${base}/rematch`} data-give-place={person.name}>
            <input type="hidden" name="_csrf" value={props.admin.csrf} />
            <input type="hidden" name="requestId" value={crypto.randomUUID()} />
            <input type="hidden" name="participantId" value={person.id} />
            <label for={`place-${role}`}>
              {t('admin.pair.givePlace', { name: person.name, role: t(`role.${role}`) })}{' '}
              <span class="hint">{t('admin.pair.givePlace.hint')}</span>
            </label>
            <input
              type="text"
              id={`place-${role}`}
              name="reason"
              placeholder={t('admin.pair.reason')}
              value={echo?.form === 'rematch' && echo.values.participantId === person.id ? (echo.values.reason ?? '') : ''}
              class={echo?.form === 'rematch' && echo.values.participantId === person.id ? invalid(echo.errors, 'reason') : undefined}
            />
            {echo?.form === 'rematch' && echo.values.participantId === person.id && <FieldError errors={echo.errors} name="reason" />}
            <p>
              <button class="secondary" type="submit">
                {t('admin.pair.givePlace.button')}
              </button>
            </p>
          </form>
        ),
      )}
    </div>
  );
}

function Actions(props: Props & { state: PairState }) {
  const { t } = useTranslator();
  const { cohort, pair, mentee, mentor, state, echo } = props;
  const { csrf } = props.admin;
  const base = `/admin/cohorts/${cohort.slug}/pairs/${pair.id}`;
  const errorsOf = (form: FormEcho['form']) => (echo?.form === form ? echo.errors : {});
  const valueOf = (form: FormEcho['form'], name: string) => (echo?.form === form ? echo.values[name] : undefined);
  const Csrf = () => <input type="hidden" name="_csrf" value={csrf} />;
  const hasDeadline =
    state.stage === 'charter' || state.stage === 'final-survey' || (state.stage === 'active' && state.checkIns.open !== undefined);
  return (
    <div class="card" id="actions">
      <h2>{t('admin.pair.actions')}</h2>
      <form method="post" action={`${base}/nudge`}>
        <Csrf />
        <p>
          <button class="secondary" type="submit">
            {t('admin.pair.nudge')}
          </button>{' '}
          <span class="hint">{t('admin.pair.nudge.hint')}</span>
        </p>
      </form>
      {hasDeadline && (
        <form method="post" action={`${base}/extend`}>
          <Csrf />
          <input type="hidden" name="requestId" value={crypto.randomUUID()} />
          <label for="extend-by">
            {t('admin.pair.extend.label')} <span class="hint">{t('admin.pair.extend.hint')}</span>
          </label>
          <input type="text" id="extend-by" name="by" value={valueOf('extend', 'by') ?? '3d'} class={invalid(errorsOf('extend'), 'by')} />
          <FieldError errors={errorsOf('extend')} name="by" />
          <p>
            <button class="secondary" type="submit">
              {t('admin.pair.extend.button')}
            </button>
          </p>
        </form>
      )}
      {state.paused ? (
        <form method="post" action={`${base}/resume`}>
          <Csrf />
          <p>
            <button type="submit">{t('admin.pair.resume')}</button> <span class="hint">{t('admin.pair.resume.hint')}</span>
          </p>
        </form>
      ) : (
        state.stage === 'active' && (
          <form method="post" action={`${base}/pause`}>
            <Csrf />
            <label for="pause-reason">
              {t('admin.pair.pause')} <span class="hint">{t('admin.pair.pause.hint')}</span>
            </label>
            <input
              type="text"
              id="pause-reason"
              name="reason"
              placeholder={t('admin.pair.reason')}
              value={valueOf('pause', 'reason') ?? ''}
              class={invalid(errorsOf('pause'), 'reason')}
            />
            <FieldError errors={errorsOf('pause')} name="reason" />
            <p>
              <button class="secondary" type="submit">
                {t('admin.pair.pause')}
              </button>
            </p>
          </form>
        )
      )}
      {state.stage === 'charter' && (
        <form method="post" action={`${base}/keep-both`}>
          <Csrf />
          <fieldset>
            <legend>{t('admin.pair.keepBoth.legend')}</legend>
            <label>
              <input type="radio" name="keepBoth" value="no" checked={!state.keepBoth} /> {t('admin.pair.keepBoth.no')}
            </label>
            <label>
              <input type="radio" name="keepBoth" value="yes" checked={state.keepBoth === true} /> {t('admin.pair.keepBoth.yes')}
            </label>
          </fieldset>
          <FieldError errors={errorsOf('keep-both')} name="keepBoth" />
          <p>
            <button class="secondary" type="submit">
              {t('admin.pair.keepBoth.button')}
            </button>
          </p>
        </form>
      )}
      <form method="post" action={`${base}/rematch`}>
        <Csrf />
        <input type="hidden" name="requestId" value={crypto.randomUUID()} />
        <label for="rematch-who">
          {t('admin.pair.rematch.label')} <span class="hint">{t('admin.pair.rematch.hint')}</span>
        </label>
        <select id="rematch-who" name="participantId">
          <option value={mentee.id}>
            {mentee.name} ({t('role.mentee')})
          </option>
          <option value={mentor.id}>
            {mentor.name} ({t('role.mentor')})
          </option>
        </select>
        <input
          type="text"
          name="reason"
          placeholder={t('admin.pair.reason')}
          aria-label={t('admin.pair.rematch.reason')}
          value={valueOf('rematch', 'reason') ?? ''}
          class={invalid(errorsOf('rematch'), 'reason')}
        />
        <FieldError errors={errorsOf('rematch')} name="reason" />
        <p>
          <button class="secondary" type="submit">
            {t('admin.pair.rematch.button')}
          </button>
        </p>
      </form>
      <form method="post" action={`${base}/end`}>
        <Csrf />
        <label for="end-reason">
          {t('admin.pair.end.label')} <span class="hint">{t('admin.pair.end.hint')}</span>
        </label>
        <select id="end-reason" name="reason">
          {Object.entries(END_REASONS).map(([value, label]) => (
            <option value={value} selected={valueOf('end', 'reason') === value}>
              {t(label)}
            </option>
          ))}
        </select>
        <input
          type="text"
          name="details"
          placeholder={t('admin.pair.end.details')}
          aria-label={t('admin.pair.end.detailsLabel')}
          value={valueOf('end', 'details') ?? ''}
          class={invalid(errorsOf('end'), 'details')}
        />
        <FieldError errors={errorsOf('end')} name="details" />
        <p>
          <button class="secondary" type="submit">
            {t('admin.pair.end.button')}
          </button>
        </p>
      </form>
    </div>
  );
}
