import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { findWindow } from '../../db/answers.js';
import { finalSurveyAnswered, submitFinalSurvey } from '../../db/pair-lifecycle.js';
import { validateFinalSurvey } from '../../domain/final-survey.js';
import { answerRecordedOwed, type AnswerRecorded } from '../../workflows/pair/contract.js';
import type { WebDeps } from '../deps.js';
import { Layout } from '../views/Layout.js';
import { ErrorSummary, Field, FieldError, inWords, fieldState, type FieldErrors } from '../views/form.js';
import { Language } from '../views/language.js';
import { messageTo, resolvePairLink, type PairLink, languageMenuOf } from './pair-link.js';
import { lastValues, readForm } from '../form-body.js';
import { LanguageMenu } from './LanguageMenu.js';
import { storedAnswer } from './stored-answer.js';

type Values = Record<string, string>;

const Radio = (props: { name: string; value: string; label: string; values: Values }) => (
  <label>
    <input type="radio" name={props.name} value={props.value} checked={props.values[props.name] === props.value} /> {props.label}
  </label>
);

function FinalSurveyPage(props: PairLink & { action: string; values: Values; errors?: FieldErrors; banner?: string }) {
  const { values, participant } = props;
  const { t } = props.text;
  const partner = props.partner.name;
  const errors = props.errors ?? {};
  return (
    <Language.Provider value={props.text}>
      <Layout title={t('finalPage.title', { cohort: props.cohort.name })}>
        <LanguageMenu action={`${props.action}/language`} />
        <h1>{t('finalPage.heading', { partner })}</h1>
        {props.banner && (
          <div class="banner bad" role="alert">
            {props.banner}
          </div>
        )}
        <ErrorSummary errors={errors} />
        <form method="post" action={props.action} class="card">
          <input type="hidden" name="requestId" value={values.requestId} />
          {participant.role === 'mentee' && (
            <fieldset id="questionsAnswered" {...fieldState(errors, 'questionsAnswered', 'group')}>
              <legend>{t('finalPage.questionsAnswered', { partner })}</legend>
              <Radio name="questionsAnswered" value="yes" label={t('answer.yes')} values={values} />{' '}
              <Radio name="questionsAnswered" value="partly" label={t('answer.partly')} values={values} />{' '}
              <Radio name="questionsAnswered" value="no" label={t('answer.no')} values={values} />
              <FieldError errors={errors} name="questionsAnswered" />
            </fieldset>
          )}
          <fieldset id="satisfaction" {...fieldState(errors, 'satisfaction', 'group')}>
            <legend>{t('finalPage.satisfaction')}</legend>
            {['1', '2', '3', '4', '5'].map((v) => (
              <Radio name="satisfaction" value={v} label={v} values={values} />
            ))}
            <FieldError errors={errors} name="satisfaction" />
          </fieldset>
          <Field label={t('finalPage.recommend')} name="recommend" errors={errors}>
            <input
              type="number"
              id="recommend"
              name="recommend"
              min="0"
              max="10"
              value={values.recommend ?? ''}
              {...fieldState(errors, 'recommend')}
            />
          </Field>
          <Field label={t('finalPage.improve')} name="improve" errors={errors} hint={t('finalPage.improve.hint')}>
            <textarea id="improve" name="improve">
              {values.improve ?? ''}
            </textarea>
          </Field>
          <p>
            <button type="submit">{t('form.send')}</button>
          </p>
        </form>
      </Layout>
    </Language.Provider>
  );
}

/**
 * The closing satisfaction survey behind each party's emailed link: /final-survey/<token>. Answers are
 * stored here, in the survey's window; a survey opened before that (no window) is answered through the
 * pair's workflow.
 */
export function createFinalSurveyRoutes({ sql, links, metrics }: WebDeps) {
  const resolve = (c: Context) => resolvePairLink(c, { sql, links }, 'final-survey');
  const closed = (c: Context, context: PairLink) => messageTo(c, context, 'finalPage.closed.title', 'finalPage.closed.body', 410);
  const thanks = (c: Context, context: PairLink) => messageTo(c, context, 'answer.thanks', 'finalPage.thanks');
  /** Another form for a survey already answered: what it carried was not kept, and the page says so. */
  const alreadyAnswered = (c: Context, context: PairLink) => messageTo(c, context, 'answer.already', 'finalPage.already', 409);

  /** Open while the survey's window is. */
  async function isOpen(context: PairLink): Promise<boolean> {
    return (await findWindow(sql, 'final-survey', [context.pair.id]))?.state === 'open';
  }

  return new Hono()
    .post('/:token/language', languageMenuOf({ sql, links }, 'final-survey'))
    .get('/:token', async (c) => {
      const context = await resolve(c);
      if (context instanceof Response) return context;
      if (await finalSurveyAnswered(sql, context.pair.id, context.participant.id)) return thanks(c, context);
      if (!(await isOpen(context))) return closed(c, context);
      return c.html(<FinalSurveyPage {...context} action={c.req.path} values={{ requestId: randomUUID() }} />);
    })
    .post('/:token', async (c) => {
      const context = await resolve(c);
      if (context instanceof Response) return context;
      const form = lastValues(await readForm(c));
      form.requestId = z.uuid().safeParse(form.requestId).success ? form.requestId! : randomUUID();
      const validation = validateFinalSurvey(context.participant.role, form);
      if (!validation.ok)
        return c.html(
          <FinalSurveyPage {...context} action={c.req.path} values={form} errors={inWords(validation.errors, context.text)} />,
          422,
        );
      const { pair, participant } = context;
      const answered: AnswerRecorded = { form: 'final-survey', participantId: participant.id };
      const stored = await storedAnswer(
        c,
        metrics,
        'final-survey',
        submitFinalSurvey(sql, {
          pairId: pair.id,
          participantId: participant.id,
          requestId: form.requestId,
          answers: validation.answers,
          signal: answerRecordedOwed(pair.workflowId, answered),
        }),
      );
      const notConfirmed = () =>
        c.html(<FinalSurveyPage {...context} action={c.req.path} values={form} banner={context.text.t('form.notConfirmed')} />, 503);
      if (!stored) return notConfirmed();
      if (stored.ok) return thanks(c, context);
      if (stored.refusal === 'answered') return alreadyAnswered(c, context);
      return closed(c, context);
    });
}
