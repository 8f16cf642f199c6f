/**
 * What the mail provider says after it accepted an email, through its signed webhook: a bounce or a complaint
 * that comes later refuses the address as a refusal at sending does, once however often it is told; a delay
 * is kept; a call whose signature does not hold changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { findParticipantByEmail } from '../../db/participants.js';
import { listAlerts } from '../../db/pair-lifecycle.js';
import { alertText } from '../../domain/alerts.js';
import { translator } from '../../i18n/translator.js';
import { eventually } from '../helpers/eventually.js';
import { cohortOfNames, resendStackForFile, sentToCohort } from '../helpers/resend-stack.js';
import { pageText, webClient } from '../helpers/web-client.js';

const SECRET = `whsec_${Buffer.from('the signing secret of this webhook').toString('base64')}`;
const env = resendStackForFile({ webhookSecret: SECRET });

/** Posts an event as Resend does (Svix's headers), signed with `secret` at `at` unless told otherwise. */
function deliver(event: object, options: { id?: string; at?: Date; secret?: string; body?: string } = {}) {
  const { id = `msg_${randomUUID()}`, at = new Date(), secret = SECRET } = options;
  const payload = JSON.stringify(event);
  return env.stack.app.request('http://localhost/webhooks/resend', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'svix-id': id,
      'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
      'svix-signature': new Webhook(secret).sign(id, at, payload),
    },
    body: options.body ?? payload,
  });
}

/** An event about an email, as Resend's webhook sends it. */
const emailEvent = (type: string, emailId: string, extra: object = {}) => ({
  type,
  created_at: new Date().toISOString(),
  data: {
    email_id: emailId,
    created_at: new Date().toISOString(),
    from: 'Tandem <tandem@test.local>',
    to: ['x@example.org'],
    subject: 'Hi',
    message_id: '<m@x>',
    ...extra,
  },
});
const hardBounce = (emailId: string) =>
  emailEvent('email.bounced', emailId, {
    bounce: { type: 'Permanent', subType: 'General', message: 'The recipient’s mail server permanently rejected the email.' },
  });

/** The provider's id for the invitation sent to `email`, once it went out. */
async function invitationOf(cohortId: string, email: string): Promise<string> {
  const participant = (await findParticipantByEmail(env.stack.sql, cohortId, email))!;
  return eventually(async () => {
    const [row] = await env.stack.sql<{ providerMessageId: string }[]>`
      select provider_message_id from sent_emails where participant_id = ${participant.id} and kind = 'survey-invitation'`;
    expect(row?.providerMessageId).toBeDefined();
    return row!.providerMessageId;
  });
}

const eventCount = async () => (await env.stack.sql<{ n: number }[]>`select count(*)::int as n from email_events`)[0]!.n;

describe("the mail provider's webhook", () => {
  it('refuses a call whose signature does not hold (unsigned, tampered, another secret, replayed after five minutes), and records nothing', async () => {
    const cohort = await cohortOfNames(env, 'forged', ['Ann', 'Ben']);
    const ben = await invitationOf(cohort.id, 'ben@forged.example.org');
    const event = hardBounce(ben);
    const unsigned = await env.stack.app.request('http://localhost/webhooks/resend', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(event),
    });
    const tampered = await deliver(event, { body: JSON.stringify(hardBounce('email-1')) });
    const otherSecret = await deliver(event, { secret: `whsec_${Buffer.from('somebody else entirely').toString('base64')}` });
    const replayed = await deliver(event, { at: new Date(Date.now() - 10 * 60_000) });
    expect([unsigned, tampered, otherSecret, replayed].map((r) => r.status)).toEqual([401, 401, 401, 401]);
    expect(await (tampered.json() as Promise<unknown>)).toEqual({ error: 'The signature does not hold.' });
    expect(await eventCount()).toBe(0);
    const [row] = await env.stack.sql<{ status: string }[]>`select status from sent_emails where provider_message_id = ${ben}`;
    expect(row!.status).toBe('sent');
  });

  it('a bounce told after sending: the address is refused from then on, the cohort page lists it, the admin is alerted once however often it is told', async () => {
    const slug = 'late';
    const cohort = await cohortOfNames(env, slug, ['Ada', 'Bob']);
    const bob = await invitationOf(cohort.id, `bob@${slug}.example.org`);
    const id = `msg_${randomUUID()}`;
    const first = await deliver(hardBounce(bob), { id });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ outcome: 'refused' });
    // The provider sends again until it has its answer: the same event changes nothing more.
    expect(await (await deliver(hardBounce(bob), { id })).json()).toEqual({ outcome: 'already-recorded' });

    const alerts = await eventually(async () => {
      const found = await listAlerts(env.stack.sql, cohort.id);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(alertText(alerts[0]!, translator('en'))).toContain(
      `The email to Bob <bob@${slug}.example.org> was refused by the mail service (Resend bounce: The recipient’s mail server permanently rejected the email.)`,
    );
    const admin = webClient(env.stack.app);
    await admin.logIn();
    const page = await (await admin.get(`/admin/cohorts/${slug}`)).text();
    expect(page).toContain(`data-bounced="bob@${slug}.example.org"`);
    expect(pageText(page)).toContain('email bounced');

    // The reminder goes to Ada; Bob's address is not tried again.
    await env.stack.workflows.remindSurvey(slug, randomUUID());
    await eventually(async () => expect(sentToCohort(env, slug).filter((to) => to.includes('ada@'))).toHaveLength(2));
    expect(sentToCohort(env, slug).filter((to) => to.includes('bob@'))).toHaveLength(1);
    expect(await listAlerts(env.stack.sql, cohort.id)).toHaveLength(1);
  });

  it('a complaint refuses the address too; a delay and a soft bounce are kept and change nothing', async () => {
    const slug = 'spam';
    const cohort = await cohortOfNames(env, slug, ['Cleo', 'Dan', 'Eva']);
    const [cleo, dan, eva] = await Promise.all(['cleo', 'dan', 'eva'].map((n) => invitationOf(cohort.id, `${n}@${slug}.example.org`)));
    expect(await (await deliver(emailEvent('email.complained', cleo!))).json()).toEqual({ outcome: 'refused' });
    expect(await (await deliver(emailEvent('email.delivery_delayed', dan!))).json()).toEqual({ outcome: 'recorded' });
    const soft = emailEvent('email.bounced', eva!, {
      bounce: { type: 'Transient', subType: 'MailboxFull', message: 'The mailbox is full.' },
    });
    expect(await (await deliver(soft)).json()).toEqual({ outcome: 'recorded' });
    const statuses = await env.stack.sql<{ providerMessageId: string; status: string }[]>`
      select provider_message_id, status from sent_emails where provider_message_id = any(${[cleo!, dan!, eva!]}::text[])`;
    expect(Object.fromEntries(statuses.map((s) => [s.providerMessageId, s.status]))).toEqual({
      [cleo!]: 'bounced',
      [dan!]: 'sent',
      [eva!]: 'sent',
    });
    await eventually(async () => expect(await listAlerts(env.stack.sql, cohort.id)).toHaveLength(1));
  });
});
