/**
 * A year of email failures, through the real Resend SDK against a local fake and the real stack: one refused
 * address, a refused account for a while, a server error. None may fail a workflow or lose a message.
 */
import { describe, expect, it } from 'vitest';
import { listAlerts } from '../../db/pair-lifecycle.js';
import { alertText } from '../../domain/alerts.js';
import { translator } from '../../i18n/translator.js';
import { eventually } from '../helpers/eventually.js';
import { cohortOfNames, resendStackForFile, sentToCohort } from '../helpers/resend-stack.js';
import { pageText, webClient } from '../helpers/web-client.js';

const env = resendStackForFile();

const cohortOf = (slug: string, names: string[]) => cohortOfNames(env, slug, names);
const sentTo = (slug: string) => sentToCohort(env, slug);
/** The invitations the worker's metrics count with this outcome so far. */
const counted = async (outcome: string) =>
  (await env.stack.metrics.emails.get()).values.find((v) => v.labels.kind === 'survey-invitation' && v.labels.outcome === outcome)?.value ??
  0;
const statusOf = async (workflowId: string) => (await env.stack.client.workflow.getHandle(workflowId).describe()).status.name;

describe('email failures', () => {
  it('one refused address: the others are invited, the address is marked bounced and the admin alerted; the cohort goes on', async () => {
    const slug = 'bounce';
    env.resend.refuse(`bob@${slug}.example.org`);
    const bouncedBefore = await counted('bounced');
    const cohort = await cohortOf(slug, ['Ada', 'Bob', 'Cy']);
    await eventually(
      async () => expect(sentTo(slug).sort()).toEqual([`Ada <ada@${slug}.example.org>`, `Cy <cy@${slug}.example.org>`]),
      30_000,
    );
    expect(await counted('bounced')).toBe(bouncedBefore + 1);
    const alerts = await eventually(async () => {
      const found = await listAlerts(env.stack.sql, cohort.id);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(alertText(alerts[0]!, translator('en'))).toMatch(
      /^The email to Bob <bob@bounce\.example\.org> was refused by the mail service \(Resend 422 validation_error/,
    );
    // The admin hears of it by email too (ADMIN_EMAIL), and the cohort page marks the address.
    await eventually(async () =>
      expect(
        env.resend.emails.some((e) => e.status === 200 && String(e.to).includes('admin@tandem.test') && e.subject.includes('Bob')),
      ).toBe(true),
    );
    const admin = webClient(env.stack.app);
    await admin.logIn();
    const page = await (await admin.get(`/admin/cohorts/${slug}`)).text();
    expect(page).toContain(`data-bounced="bob@${slug}.example.org"`);
    expect(pageText(page)).toContain('email bounced');
    expect(await statusOf(`cohort-${slug}`)).toBe('RUNNING');
    // The invitation step reports what went out, and the cohort's workflow says so to an operator.
    expect(await env.stack.workflows.cohortState(slug)).toMatchObject({ total: 3, invited: 2, bounced: 1 });
    const { currentDetails } = await env.stack.client.workflow
      .getHandle(`cohort-${slug}`)
      .query<{ currentDetails: string }>('__temporal_workflow_metadata');
    expect(currentDetails).toContain('1 invitation bounced (see the cohort page)');
    // A later message to the same address is not tried again (it is recorded as bounced).
    const tries = env.resend.emails.filter((e) => String(e.to).includes(`bob@${slug}`)).length;
    await env.stack.workflows.closeSurvey(slug);
    await eventually(async () => expect((await env.stack.workflows.cohortState(slug))?.stage).toMatch(/review|running/), 15_000);
    expect(env.resend.emails.filter((e) => String(e.to).includes(`bob@${slug}`))).toHaveLength(tries);
  });

  it('a refused address whose alert to the admin fails at first: the alert still goes out, once', async () => {
    const slug = 'alert-retry';
    env.resend.refuse(`hal@${slug}.example.org`);
    env.resend.failNextTo(
      'admin@tandem.test',
      { status: 500, name: 'internal_server_error' },
      { status: 500, name: 'internal_server_error' },
    );
    const cohort = await cohortOf(slug, ['Gil', 'Hal']);
    const toAdmin = () =>
      env.resend.emails.filter((e) => String(e.to).includes('admin@tandem.test') && e.subject.includes('Hal')).map((e) => e.status);
    await eventually(async () => expect(toAdmin()).toEqual([500, 500, 200]), 30_000);
    expect(await listAlerts(env.stack.sql, cohort.id)).toHaveLength(1);
    expect(sentTo(slug)).toEqual([`Gil <gil@${slug}.example.org>`]);
    expect(await statusOf(`cohort-${slug}`)).toBe('RUNNING');
  });

  it('our account refused for a while: retried with backoff, the operator sees a banner until it works, nothing is lost or sent twice', async () => {
    const slug = 'account';
    env.resend.failFor(3_000, { status: 401, name: 'restricted_api_key', message: 'This API key is restricted to only send emails.' });
    const before = env.resend.emails.length;
    const refusedBefore = await counted('account_rejected');
    await cohortOf(slug, ['Dee', 'Eve']);
    const admin = webClient(env.stack.app);
    await admin.logIn();
    await eventually(async () => expect(await (await admin.get('/admin')).text()).toContain('data-system-alert="email-account"'), 10_000);
    expect(pageText(await (await admin.get('/admin')).text())).toContain(
      'The mail service refuses to send for Tandem (Resend 401 restricted_api_key',
    );
    await eventually(async () => expect(sentTo(slug)).toHaveLength(2), 30_000);
    await eventually(async () => expect(await (await admin.get('/admin')).text()).not.toContain('data-system-alert'));
    const attempts = env.resend.emails.slice(before).filter((e) => String(e.to).includes(`@${slug}.example.org`));
    expect(attempts.filter((r) => r.status === 401).length).toBeGreaterThanOrEqual(2);
    expect(await counted('account_rejected')).toBe(refusedBefore + attempts.filter((r) => r.status === 401).length);
    expect(new Set(sentTo(slug)).size).toBe(2);
    expect(await statusOf(`cohort-${slug}`)).toBe('RUNNING');
  });

  it('asked to slow down (429), then accepted: counted as rate-limited, then as sent, and sent once', async () => {
    const before = { limited: await counted('rate_limited'), sent: await counted('sent') };
    env.resend.failNext({
      status: 429,
      name: 'rate_limit_exceeded',
      message: 'Too many requests. You can only make 5 requests per second.',
    });
    await cohortOf('limited', ['Gus']);
    await eventually(async () => expect(sentTo('limited')).toEqual(['Gus <gus@limited.example.org>']), 15_000);
    expect(await counted('rate_limited')).toBe(before.limited + 1);
    expect(await counted('sent')).toBe(before.sent + 1);
  });

  it('a server error, then success: sent once', async () => {
    const slug = 'flaky';
    env.resend.failNext({ status: 500, name: 'internal_server_error' });
    await cohortOf(slug, ['Fay']);
    await eventually(async () => expect(sentTo(slug)).toEqual([`Fay <fay@${slug}.example.org>`]), 15_000);
    expect(await statusOf(`cohort-${slug}`)).toBe('RUNNING');
  });
});
