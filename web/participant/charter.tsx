import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { findWindow } from '../../db/answers.js';
import { signCharter, signaturesOf } from '../../db/pair-lifecycle.js';
import { formatInstant } from '../../domain/schedule.js';
import { answersRecordedSignal, type AnswerRecorded } from '../../workflows/pair/contract.js';
import type { WebDeps } from '../deps.js';
import { Layout, MessagePage } from '../views/Layout.js';
import { ErrorBanner, Field, invalid, type FieldErrors } from '../views/form.js';
import { NOT_CONFIRMED } from './not-saved.js';
import { resolvePairLink, type PairLink } from './pair-link.js';
import { lastValues, readForm } from '../form-body.js';

/** Signing: the name typed as signature and the commitment ticked; one schema for both and their messages. */
export const signatureFormSchema = z.object({
  requestId: z.uuid().catch(() => randomUUID()),
  typedName: z.string().trim().min(2, 'Type your full name as your signature').max(200, 'At most 200 characters'),
  agree: z.literal('on', { error: 'Tick the box to commit to the charter' }),
});

type CharterContext = PairLink;

function CharterPage(props: CharterContext & { action: string; requestId: string; typedName?: string; errors?: FieldErrors; banner?: string }) {
  const errors = props.errors ?? {};
  const commitments = props.cohort.charter.split('\n').map((l) => l.replace(/^\s*[-*•]\s*/, '').trim()).filter(Boolean);
  return (
    <Layout title={`${props.cohort.name}: charter`}>
      <h1>{props.cohort.name}: charter of commitment</h1>
      <p>
        {props.participant.name}, you are paired with <strong>{props.partner.name}</strong> as their {props.participant.role === 'mentor' ? 'mentor' : 'mentee'}.
        The pair starts when you have both signed{props.pair.charterDeadline ? <>, by {formatInstant(props.pair.charterDeadline.getTime())}</> : null}.
      </p>
      {props.banner && <div class="banner bad" role="alert">{props.banner}</div>}
      <ErrorBanner errors={Object.values(errors).filter((e): e is string => !!e)} />
      <div class="card">
        <h2>The commitments</h2>
        <ul>{commitments.map((c) => <li>{c}</li>)}</ul>
      </div>
      <form method="post" action={props.action} class="card">
        <input type="hidden" name="requestId" value={props.requestId} />
        <Field label="Your name, as signature" name="typedName" errors={errors}>
          <input type="text" id="typedName" name="typedName" value={props.typedName ?? ''} class={invalid(errors, 'typedName')} autocomplete="name" />
        </Field>
        <Field label="" name="agree" errors={errors}>
          <label><input type="checkbox" id="agree" name="agree" /> I have read the charter and commit to it</label>
        </Field>
        <p><button type="submit">Sign the charter</button></p>
      </form>
    </Layout>
  );
}

/** The charter behind each party's emailed link: /charter/<token>. Signatures are stored here, in the charter's window. */
export function createCharterRoutes({ sql, links }: WebDeps) {
  const resolve = (c: Context) => resolvePairLink(c, { sql, links }, 'charter', 'This charter closed long ago.');

  /** "You already signed" and "closed" pages, from what the database knows of this pair and this person. */
  async function statusPage(c: Context, context: CharterContext, refusal?: string) {
    const signature = (await signaturesOf(sql, context.pair.id)).find((s) => s.participantId === context.participant.id);
    if (signature) {
      return c.html(
        <MessagePage title="You have signed this charter">
          <p>You signed as “{signature.typedName}” on {formatInstant(signature.signedAt.getTime())}. {context.pair.stage === 'active' ? `Your pair with ${context.partner.name} has started: check your email for their contact.` : `When ${context.partner.name} signs too, we will send you each other's contact.`}</p>
        </MessagePage>,
        refusal ? 409 : 200,
      );
    }
    return c.html(<MessagePage title="This charter is closed"><p>{refusal ?? 'This pair is no longer waiting for signatures.'}</p></MessagePage>, 410);
  }

  return new Hono()
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
      if (!parsed.success) {
        const errors: FieldErrors = {};
        for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
        return c.html(<CharterPage {...context} action={c.req.path} requestId={String(form.requestId ?? randomUUID())} typedName={String(form.typedName ?? '')} errors={errors} />, 422);
      }
      const { participant, pair } = context;
      const signed: AnswerRecorded = { form: 'charter', participantId: participant.id, at: new Date().toISOString() };
      const stored = await signCharter(sql, {
        pairId: pair.id, participantId: participant.id, ...parsed.data,
        signal: { workflowId: pair.workflowId, signal: answersRecordedSignal.name, payload: signed },
      }).catch((error: unknown) => (console.error('signature not confirmed:', error), undefined));
      if (!stored) return c.html(<CharterPage {...context} action={c.req.path} requestId={parsed.data.requestId} typedName={parsed.data.typedName} banner={NOT_CONFIRMED} />, 503);
      if (stored.ok) return statusPage(c, context);
      return statusPage(c, context, stored.refusal === 'answered' ? 'You have already signed this charter.' : 'This charter is closed: the pair is no longer waiting for signatures.');
    });
}
