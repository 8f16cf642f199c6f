import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { checkInSubject, findWindow } from '../../db/answers.js';
import { checkInAnswered, objectivesOf, submitCheckIn } from '../../db/pair-lifecycle.js';
import { checkInSchema, feedbackSchema, longPairSchema, withoutMootFollowUps } from '../../domain/check-in.js';
import { checkInNumber, isMeetingFeedback } from '../../domain/programme-format.js';
import { fieldProblems } from '../../domain/form-problems.js';
import { PROGRESS, progressSchema, reviewRound } from '../../domain/objectives.js';
import { answerRecordedOwed, type AnswerRecorded } from '../../workflows/pair/contract.js';
import type { WebDeps } from '../deps.js';
import { Layout } from '../views/Layout.js';
import { ErrorSummary, Field, FieldError, inWords, fieldState, type FieldErrors } from '../views/form.js';
import { Language } from '../views/language.js';
import { messageTo, resolvePairLink, type PairLink, languageMenuOf } from './pair-link.js';
import { lastValues, readForm } from '../form-body.js';
import { LanguageMenu } from './LanguageMenu.js';
import { storedAnswer } from './stored-answer.js';

/**
 * At the review (mid-programme) check-in of a cohort that asks objectives, this party's, to rate. `feedback`:
 * a flash pair's form after its meetings, with how many check-ins going on as a long pair would bring (0: not offered).
 */
type CheckInContext = PairLink & { round: number; objectives: string[]; feedback?: { longPairCheckIns: number } };

type Values = Record<string, string>;

function Radio(props: { name: string; value: string; label: string; values: Values }) {
  return (
    <label>
      <input type="radio" name={props.name} value={props.value} checked={props.values[props.name] === props.value} /> {props.label}
    </label>
  );
}

function CheckInPage(props: CheckInContext & { action: string; requestId: string; values: Values; errors?: FieldErrors; banner?: string }) {
  const { values } = props;
  const { t } = props.text;
  const errors = props.errors ?? {};
  const partner = props.partner.name;
  const { feedback } = props;
  return (
    <Language.Provider value={props.text}>
      <Layout title={t(feedback ? 'feedbackPage.title' : 'checkInPage.title', { cohort: props.cohort.name })}>
        <LanguageMenu action={`${props.action}/language`} />
        <h1>
          {feedback
            ? t('feedbackPage.heading', { partner })
            : t('checkInPage.heading', { round: checkInNumber(props.cohort.schedule.flash, props.round), partner })}
        </h1>
        {props.banner && (
          <div class="banner bad" role="alert">
            {props.banner}
          </div>
        )}
        <ErrorSummary errors={errors} />
        <form method="post" action={props.action} class="card">
          <input type="hidden" name="requestId" value={props.requestId} />
          <fieldset id="met" {...fieldState(errors, 'met', 'group')}>
            <legend>{feedback ? t('feedbackPage.met', { partner }) : t('checkInPage.met', { first: props.round === 0 })}</legend>
            <Radio name="met" value="yes" label={t('answer.yes')} values={values} />{' '}
            <Radio name="met" value="no" label={t(feedback ? 'answer.no' : 'answer.notYet')} values={values} />
            <FieldError errors={errors} name="met" />
          </fieldset>
          {props.objectives.length > 0 && (
            <fieldset id="objectives-review">
              <legend>{t('checkInPage.objectives')}</legend>
              {props.objectives.map((objective, i) => (
                <fieldset id={`progress${i}`} {...fieldState(errors, `progress${i}`, 'group')}>
                  <legend>{objective}</legend>
                  {PROGRESS.map((p) => (
                    <Radio name={`progress${i}`} value={p} label={t(`progress.${p}`)} values={values} />
                  ))}
                  <FieldError errors={errors} name={`progress${i}`} />
                </fieldset>
              ))}
            </fieldset>
          )}
          <div class="if-met">
            <Field label={t('checkInPage.meetings')} name="meetings" errors={errors}>
              <input
                type="number"
                id="meetings"
                name="meetings"
                min="0"
                max="50"
                value={values.meetings ?? ''}
                {...fieldState(errors, 'meetings')}
              />
            </Field>
          </div>
          <fieldset id="rating" {...fieldState(errors, 'rating', 'group')}>
            <legend>{t(feedback ? 'feedbackPage.rating' : 'checkInPage.rating')}</legend>
            {['1', '2', '3', '4', '5'].map((r) => (
              <Radio name="rating" value={r} label={r} values={values} />
            ))}
            <FieldError errors={errors} name="rating" />
          </fieldset>
          <Field label={t('checkInPage.blocking')} name="blocking" errors={errors} hint={t('checkInPage.blocking.hint')}>
            <textarea id="blocking" name="blocking">
              {values.blocking ?? ''}
            </textarea>
          </Field>
          <fieldset id="continue" {...fieldState(errors, 'continue', 'group')}>
            <legend>{t(feedback ? 'feedbackPage.continue' : 'checkInPage.continue', { partner })}</legend>
            <Radio name="continue" value="yes" label={t('answer.yes')} values={values} />{' '}
            <Radio name="continue" value="no" label={t('answer.no')} values={values} />
            <FieldError errors={errors} name="continue" />
          </fieldset>
          {feedback && feedback.longPairCheckIns > 0 && (
            <fieldset id="longPair" {...fieldState(errors, 'longPair', 'group')}>
              <legend>{t('feedbackPage.longPair', { partner, count: feedback.longPairCheckIns })}</legend>
              <Radio name="longPair" value="yes" label={t('answer.yes')} values={values} />{' '}
              <Radio name="longPair" value="no" label={t('answer.no')} values={values} />
              <FieldError errors={errors} name="longPair" />
            </fieldset>
          )}
          <p>
            <button type="submit">{t('form.send')}</button>
          </p>
        </form>
      </Layout>
    </Language.Provider>
  );
}

/**
 * The check-in behind each party's emailed link: /check-in/<token>, one link per round. Answers are stored
 * here, in the round's window; a round opened before that (no window) is answered through the pair's workflow.
 */
export function createCheckInRoutes({ sql, links, metrics }: WebDeps) {
  async function resolve(c: Context): Promise<CheckInContext | Response> {
    const link = await resolvePairLink(c, { sql, links }, 'check-in');
    if (link instanceof Response) return link;
    const round = Number(link.detail);
    const { schedule } = link.cohort;
    if (isMeetingFeedback(schedule.flash, round))
      return { ...link, round, objectives: [], feedback: { longPairCheckIns: schedule.checkInCount } };
    const reviewed = link.cohort.objectives && round === reviewRound(schedule.checkInCount);
    const objectives = reviewed ? ((await objectivesOf(sql, link.pair.id, round))[link.participant.id]?.map((o) => o.text) ?? []) : [];
    return { ...link, round, objectives };
  }

  const closed = (c: Context, context: CheckInContext) => messageTo(c, context, 'checkInPage.closed.title', 'checkInPage.closed.body', 410);
  const paused = (c: Context, context: CheckInContext) => messageTo(c, context, 'checkInPage.paused.title', 'checkInPage.paused.body', 409);
  const thanks = (c: Context, context: CheckInContext) =>
    messageTo(c, context, 'answer.thanks', context.feedback ? 'feedbackPage.thanks' : 'checkInPage.thanks');
  /** Another form for a round already answered: not a "thank you", since what it carried was not kept. */
  const alreadyAnswered = (c: Context, context: CheckInContext) => messageTo(c, context, 'answer.already', 'checkInPage.already', 409);

  /** Open while the round's window is; a round not yet open is closed, unless the pair is paused (it reopens then). */
  async function availability(context: CheckInContext): Promise<'open' | 'answered' | 'closed' | 'paused'> {
    if (await checkInAnswered(sql, context.pair.id, context.round, context.participant.id)) return 'answered';
    const window = await findWindow(sql, 'check-in', [checkInSubject(context.pair.id, context.round)]);
    return window?.state ?? (context.pair.pausedSince ? 'paused' : 'closed');
  }

  return new Hono()
    .post('/:token/language', languageMenuOf({ sql, links }, 'check-in'))
    .get('/:token', async (c) => {
      const context = await resolve(c);
      if (context instanceof Response) return context;
      const status = await availability(context);
      if (status === 'answered') return thanks(c, context);
      if (status === 'paused') return paused(c, context);
      if (status === 'closed') return closed(c, context);
      return c.html(<CheckInPage {...context} action={c.req.path} requestId={randomUUID()} values={{}} />);
    })
    .post('/:token', async (c) => {
      const context = await resolve(c);
      if (context instanceof Response) return context;
      const form = lastValues(await readForm(c));
      const requestId = z.uuid().safeParse(form.requestId).success ? form.requestId! : randomUUID();
      const parsed = (context.feedback ? feedbackSchema : checkInSchema).safeParse(withoutMootFollowUps(form));
      const progress = context.objectives.length > 0 ? progressSchema(context.objectives.length).safeParse(form) : undefined;
      const longPair = context.feedback?.longPairCheckIns ? longPairSchema.safeParse(form) : undefined;
      if (!parsed.success || progress?.success === false || longPair?.success === false) {
        const errors = inWords(
          fieldProblems([...(parsed.error?.issues ?? []), ...(progress?.error?.issues ?? []), ...(longPair?.error?.issues ?? [])]),
          context.text,
        );
        return c.html(<CheckInPage {...context} action={c.req.path} requestId={requestId} values={form} errors={errors} />, 422);
      }
      const answers = { ...parsed.data, ...(progress ? { progress: progress.data } : {}), ...(longPair ? longPair.data : {}) };
      const { pair, participant, round } = context;
      const answered: AnswerRecorded = { form: 'check-in', participantId: participant.id, round };
      const stored = await storedAnswer(
        c,
        metrics,
        'check-in',
        submitCheckIn(sql, {
          pairId: pair.id,
          participantId: participant.id,
          round,
          requestId,
          answers,
          signal: answerRecordedOwed(pair.workflowId, answered),
        }),
      );
      const notConfirmed = () =>
        c.html(
          <CheckInPage {...context} action={c.req.path} requestId={requestId} values={form} banner={context.text.t('form.notConfirmed')} />,
          503,
        );
      if (!stored) return notConfirmed();
      if (stored.ok) return thanks(c, context);
      if (stored.refusal === 'answered') return alreadyAnswered(c, context);
      if (stored.refusal === 'paused') return paused(c, context);
      return closed(c, context);
    });
}
