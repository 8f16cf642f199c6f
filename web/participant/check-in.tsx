import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { checkInSubject, findWindow } from '../../db/answers.js';
import { checkInAnswered, submitCheckIn } from '../../db/pair-lifecycle.js';
import { checkInSchema } from '../../domain/check-in.js';
import { answersRecordedSignal, type AnswerRecorded } from '../../workflows/pair/contract.js';
import type { WebDeps } from '../deps.js';
import { Layout, MessagePage } from '../views/Layout.js';
import { ErrorBanner, Field, FieldError, invalid, type FieldErrors } from '../views/form.js';
import { NOT_CONFIRMED } from './not-saved.js';
import { resolvePairLink, type PairLink } from './pair-link.js';
import { lastValues, readForm } from '../form-body.js';

type CheckInContext = PairLink & { round: number };

type Values = Record<string, string>;

function Radio(props: { name: string; value: string; label: string; values: Values }) {
  return <label><input type="radio" name={props.name} value={props.value} checked={props.values[props.name] === props.value} /> {props.label}</label>;
}

function CheckInPage(props: CheckInContext & { action: string; requestId: string; values: Values; errors?: FieldErrors; banner?: string }) {
  const { values } = props;
  const errors = props.errors ?? {};
  return (
    <Layout title={`${props.cohort.name}: check-in`}>
      <h1>Check-in {props.round + 1}: you and {props.partner.name}</h1>
      {props.banner && <div class="banner bad" role="alert">{props.banner}</div>}
      <ErrorBanner errors={Object.values(errors).filter((e): e is string => !!e)} />
      <form method="post" action={props.action} class="card">
        <input type="hidden" name="requestId" value={props.requestId} />
        <fieldset id="met" class={invalid(errors, 'met')}>
          <legend>Have you met since the last check-in{props.round === 0 ? ' (or since you were introduced)' : ''}?</legend>
          <Radio name="met" value="yes" label="Yes" values={values} /> <Radio name="met" value="no" label="Not yet" values={values} />
          <FieldError errors={errors} name="met" />
        </fieldset>
        <Field label="How many times?" name="meetings" errors={errors}>
          <input type="number" id="meetings" name="meetings" min="0" max="50" value={values.meetings ?? ''} class={invalid(errors, 'meetings')} />
        </Field>
        <fieldset id="rating" class={invalid(errors, 'rating')}>
          <legend>How is it going? (1: badly, 5: very well)</legend>
          {['1', '2', '3', '4', '5'].map((r) => <Radio name="rating" value={r} label={r} values={values} />)}
          <FieldError errors={errors} name="rating" />
        </fieldset>
        <Field label="Is anything in your way?" name="blocking" errors={errors} hint="optional; the organisers read it">
          <textarea id="blocking" name="blocking">{values.blocking ?? ''}</textarea>
        </Field>
        <fieldset id="continue" class={invalid(errors, 'continue')}>
          <legend>Do you want to continue with {props.partner.name}?</legend>
          <Radio name="continue" value="yes" label="Yes" values={values} /> <Radio name="continue" value="no" label="No" values={values} />
          <FieldError errors={errors} name="continue" />
        </fieldset>
        <p><button type="submit">Send</button></p>
      </form>
    </Layout>
  );
}

/**
 * The check-in behind each party's emailed link: /check-in/<token>, one link per round. Answers are stored
 * here, in the round's window; a round opened before that (no window) is answered through the pair's workflow.
 */
export function createCheckInRoutes({ sql, links, workflows }: WebDeps) {
  async function resolve(c: Context): Promise<CheckInContext | Response> {
    const link = await resolvePairLink(c, { sql, links }, 'check-in', 'This check-in closed long ago.');
    return link instanceof Response ? link : { ...link, round: Number(link.detail) };
  }

  const closed = (c: Context, message: string) => c.html(<MessagePage title="This check-in is closed"><p>{message} You will receive the next one by email.</p></MessagePage>, 410);
  const paused = (c: Context) =>
    c.html(<MessagePage title="Your pair is paused"><p>The programme team has paused your pair for now. This same link works again as soon as the pair resumes; we will email you when it does.</p></MessagePage>, 409);
  const thanks = (c: Context) =>
    c.html(<MessagePage title="Thank you"><p>Your check-in is recorded. If something is in the way, the organisers will be in touch.</p></MessagePage>);
  /** Another form for a round already answered: not a "thank you", since what it carried was not kept. */
  const alreadyAnswered = (c: Context) =>
    c.html(<MessagePage title="Already answered"><p>You had already answered this check-in, so these answers were not saved: your first ones are kept. If something has changed since, tell the organisers.</p></MessagePage>, 409);

  /** Open while the round's window is; a round without one asks the pair's workflow, as before. */
  async function availability(context: CheckInContext): Promise<'open' | 'answered' | 'closed' | 'paused'> {
    if (await checkInAnswered(sql, context.pair.id, context.round, context.participant.id)) return 'answered';
    const window = await findWindow(sql, 'check-in', [checkInSubject(context.pair.id, context.round)]);
    if (window) return window.state;
    const state = await workflows.pairState(context.pair.workflowId);
    if (!state) return 'open'; // the workflow could not say in time: sending the form asks it again
    if (state.paused) return 'paused';
    return state.checkIns.open?.round === context.round && !state.ended ? 'open' : 'closed';
  }

  return new Hono()
    .get('/:token', async (c) => {
      const context = await resolve(c);
      if (context instanceof Response) return context;
      const status = await availability(context);
      if (status === 'answered') return thanks(c);
      if (status === 'paused') return paused(c);
      if (status === 'closed') return closed(c, 'This check-in is no longer open.');
      return c.html(<CheckInPage {...context} action={c.req.path} requestId={randomUUID()} values={{}} />);
    })
    .post('/:token', async (c) => {
      const context = await resolve(c);
      if (context instanceof Response) return context;
      const form = lastValues(await readForm(c));
      const requestId = z.uuid().safeParse(form.requestId).success ? form.requestId! : randomUUID();
      const parsed = checkInSchema.safeParse(form);
      if (!parsed.success) {
        const errors: FieldErrors = {};
        for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
        return c.html(<CheckInPage {...context} action={c.req.path} requestId={requestId} values={form} errors={errors} />, 422);
      }
      const { pair, participant, round } = context;
      const answered: AnswerRecorded = { form: 'check-in', participantId: participant.id, round };
      const stored = await submitCheckIn(sql, {
        pairId: pair.id, participantId: participant.id, round, requestId, answers: parsed.data,
        signal: { workflowId: pair.workflowId, signal: answersRecordedSignal.name, payload: answered },
      }).catch((error: unknown) => (console.error('check-in not confirmed:', error), undefined));
      const notConfirmed = () => c.html(<CheckInPage {...context} action={c.req.path} requestId={requestId} values={form} banner={NOT_CONFIRMED} />, 503);
      if (!stored) return notConfirmed();
      if (stored.ok) return thanks(c);
      if (stored.refusal === 'answered') return alreadyAnswered(c);
      if (stored.refusal === 'paused') return paused(c);
      if (stored.refusal === 'closed') return closed(c, 'This check-in is no longer open.');
      const outcome = await workflows.submitLegacyCheckIn(pair.workflowId, { round, participantId: participant.id, answers: parsed.data, requestId });
      if (outcome.ok) return thanks(c);
      if (outcome.reason === 'unavailable') return notConfirmed();
      return (await checkInAnswered(sql, pair.id, round, participant.id)) ? alreadyAnswered(c) : closed(c, outcome.message);
    });
}
