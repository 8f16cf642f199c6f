import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { findWindow } from '../../db/answers.js';
import { signCharter, signaturesOf } from '../../db/pair-lifecycle.js';
import { fieldProblems } from '../../domain/form-problems.js';
import { OBJECTIVE_FIELDS, objectivesSchema } from '../../domain/objectives.js';
import type { MessageKey } from '../../i18n/translator.js';
import { answerRecordedOwed, type AnswerRecorded } from '../../workflows/pair/contract.js';
import type { WebDeps } from '../deps.js';
import { Layout, MessagePage } from '../views/Layout.js';
import { ErrorSummary, Field, inWords, fieldState, type FieldErrors } from '../views/form.js';
import { Language } from '../views/language.js';
import { resolvePairLink, type PairLink, languageMenuOf } from './pair-link.js';
import { lastValues, readForm } from '../form-body.js';
import { textOf } from '../../domain/cohort-texts.js';
import { LanguageMenu } from './LanguageMenu.js';
import { storedAnswer } from './stored-answer.js';

/** Signing: the name typed as signature and the commitment ticked; one schema for both and their messages. */
export const signatureFormSchema = z.object({
  requestId: z.uuid().catch(() => randomUUID()),
  typedName: z
    .string()
    .trim()
    .min(2, 'error.typedName' satisfies MessageKey)
    .max(200, 'error.tooLong' satisfies MessageKey),
  agree: z.literal('on', { error: 'error.agree' satisfies MessageKey }),
});

type CharterContext = PairLink;

function CharterPage(
  props: CharterContext & { action: string; requestId: string; values?: Record<string, string>; errors?: FieldErrors; banner?: string },
) {
  const { t, instant } = props.text;
  const errors = props.errors ?? {};
  const commitments = textOf(props.cohort, 'charter', props.text)
    .split('\n')
    .map((l) => l.replace(/^\s*[-*•]\s*/, '').trim())
    .filter(Boolean);
  const deadline = props.pair.charterDeadline;
  return (
    <Language.Provider value={props.text}>
      <Layout title={t('charterPage.title', { cohort: props.cohort.name })}>
        <LanguageMenu action={`${props.action}/language`} />
        <h1>{t('charterPage.heading', { cohort: props.cohort.name })}</h1>
        <p>
          {t('charterPage.intro', {
            name: props.participant.name,
            partner: props.partner.name,
            role: t(`role.${props.participant.role}`),
            hasDeadline: !!deadline,
            deadline: deadline ? instant(deadline) : '',
          })}
        </p>
        {props.banner && (
          <div class="banner bad" role="alert">
            {props.banner}
          </div>
        )}
        <ErrorSummary errors={errors} />
        <div class="card">
          <h2>{t('charterPage.commitments')}</h2>
          <ul>
            {commitments.map((c) => (
              <li>{c}</li>
            ))}
          </ul>
        </div>
        <form method="post" action={props.action} class="card">
          <input type="hidden" name="requestId" value={props.requestId} />
          {props.cohort.objectives && (
            <fieldset id="objectives">
              <legend>{t('charterPage.objectives')}</legend>
              <p class="hint">{t('charterPage.objectives.hint')}</p>
              {OBJECTIVE_FIELDS.map((name, i) => (
                <Field label={t('charterPage.objective', { number: i + 1, optional: i === 2 })} name={name} errors={errors}>
                  <input
                    type="text"
                    id={name}
                    name={name}
                    maxlength={300}
                    value={props.values?.[name] ?? ''}
                    {...fieldState(errors, name)}
                  />
                </Field>
              ))}
            </fieldset>
          )}
          <Field label={t('charterPage.typedName')} name="typedName" errors={errors}>
            <input
              type="text"
              id="typedName"
              name="typedName"
              value={props.values?.typedName ?? ''}
              {...fieldState(errors, 'typedName')}
              autocomplete="name"
            />
          </Field>
          <Field label="" name="agree" errors={errors}>
            <label>
              <input type="checkbox" id="agree" name="agree" {...fieldState(errors, 'agree')} /> {t('charterPage.agree')}
            </label>
          </Field>
          <p>
            <button type="submit">{t('charterPage.sign')}</button>
          </p>
        </form>
      </Layout>
    </Language.Provider>
  );
}

/** The charter behind each party's emailed link: /charter/<token>. Signatures are stored here, in the charter's window. */
export function createCharterRoutes({ sql, links, metrics }: WebDeps) {
  const resolve = (c: Context) => resolvePairLink(c, { sql, links }, 'charter');

  /** "You already signed" and "closed" pages, from what the database knows of this pair and this person. */
  async function statusPage(c: Context, context: CharterContext, refusal?: 'charterPage.already' | 'charterPage.closedNow') {
    const { t, instant } = context.text;
    const signatures = await signaturesOf(sql, context.pair.id);
    const signature = signatures.find((s) => s.participantId === context.participant.id);
    if (signature) {
      // Whether the partner signed is read from the signatures: the pair's stage follows a moment later.
      const state =
        context.pair.stage === 'active' ? 'active' : signatures.some((s) => s.participantId === context.partner.id) ? 'both' : 'waiting';
      return c.html(
        <MessagePage text={context.text} title={t('charterPage.signed.title')}>
          <p>
            {t('charterPage.signed.body', {
              typedName: signature.typedName,
              at: instant(signature.signedAt),
              state,
              partner: context.partner.name,
            })}
          </p>
        </MessagePage>,
        refusal ? 409 : 200,
      );
    }
    return c.html(
      <MessagePage text={context.text} title={t('charterPage.closed.title')}>
        <p>{t(refusal ?? 'charterPage.closed.body')}</p>
      </MessagePage>,
      410,
    );
  }

  return new Hono()
    .post('/:token/language', languageMenuOf({ sql, links }, 'charter'))
    .get('/:token', async (c) => {
      const context = await resolve(c);
      if (context instanceof Response) return context;
      const [window, signatures] = await Promise.all([findWindow(sql, 'charter', [context.pair.id]), signaturesOf(sql, context.pair.id)]);
      if (window?.state !== 'open' || signatures.some((s) => s.participantId === context.participant.id)) return statusPage(c, context);
      return c.html(<CharterPage {...context} action={c.req.path} requestId={randomUUID()} />);
    })
    .post('/:token', async (c) => {
      const context = await resolve(c);
      if (context instanceof Response) return context;
      const form = lastValues(await readForm(c));
      const parsed = signatureFormSchema.safeParse(form);
      const objectives = context.cohort.objectives ? objectivesSchema.safeParse(form) : undefined;
      if (!parsed.success || objectives?.success === false) {
        const errors = inWords(fieldProblems([...(parsed.error?.issues ?? []), ...(objectives?.error?.issues ?? [])]), context.text);
        return c.html(
          <CharterPage {...context} action={c.req.path} requestId={String(form.requestId ?? randomUUID())} values={form} errors={errors} />,
          422,
        );
      }
      const { participant, pair } = context;
      const signed: AnswerRecorded = { form: 'charter', participantId: participant.id, at: new Date().toISOString() };
      const stored = await storedAnswer(
        c,
        metrics,
        'charter',
        signCharter(sql, {
          pairId: pair.id,
          participantId: participant.id,
          ...parsed.data,
          objectives: objectives?.data,
          signal: answerRecordedOwed(pair.workflowId, signed),
        }),
      );
      if (!stored)
        return c.html(
          <CharterPage
            {...context}
            action={c.req.path}
            requestId={parsed.data.requestId}
            values={form}
            banner={context.text.t('form.notConfirmed')}
          />,
          503,
        );
      if (stored.ok) return statusPage(c, context);
      return statusPage(c, context, stored.refusal === 'answered' ? 'charterPage.already' : 'charterPage.closedNow');
    });
}
