/**
 * The admin acts on a pair while the mail service is down: the pair takes the action at once, the page says it
 * is done and that its emails follow (not "busy, try again", which would have the admin act twice), and the
 * emails go out once the service is back. The whole stack, in real time.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOutboxSender } from '../../activities/email/outbox-sender.js';
import { listOutboxMessages } from '../../db/emails.js';
import { pairStateQuery } from '../../workflows/pair/contract.js';
import { approvedPairOf, charterPath } from '../helpers/cohort-fixtures.js';
import { eventually } from '../helpers/eventually.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { pageText, webClient } from '../helpers/web-client.js';

let mailDown = false;
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({
    sender: (sql) => {
      const outbox = createOutboxSender(sql);
      const outage = () => new Error('The mail service is not answering (test outage)');
      return {
        send: async (email) => (mailDown ? Promise.reject(outage()) : outbox.send(email)),
        sendBatch: async (emails, options) => (mailDown ? Promise.reject(outage()) : outbox.sendBatch(emails, options)),
      };
    },
  });
});
afterAll(async () => stack?.stop());

it('a pause during a mail outage is done at once, its emails following when the service is back', async () => {
  const slug = 'mail-outage';
  const { pair } = await approvedPairOf(stack, slug, { charterMs: 60_000, checkInMs: 3_600_000 });
  for (const [id, name] of [
    [pair.menteeId, 'Ava Stone'],
    [pair.mentorId, 'Mia Lopez'],
  ] as const) {
    await webClient(stack.app).post(charterPath(stack, pair.id, id), { requestId: crypto.randomUUID(), typedName: name, agree: 'on' });
  }
  await eventually(async () => expect((await stack.client.workflow.getHandle(pair.workflowId).query(pairStateQuery)).stage).toBe('active'));

  const admin = webClient(stack.app);
  await admin.logIn();
  const pairPage = `/admin/cohorts/${slug}/pairs/${pair.id}`;
  const { _csrf } = await admin.hiddenFields(pairPage);
  mailDown = true;
  const paused = await admin.post(`${pairPage}/pause`, { _csrf: _csrf!, reason: 'Ava has exams until June' });
  expect(paused.status).toBe(303);
  expect(paused.headers.get('location')).toBe(`${pairPage}?notice=paused&finishing`);
  const page = pageText(await (await admin.get(paused.headers.get('location')!)).text());
  expect(page).toContain('The pair is paused; both parties are told why. The emails about it are not out yet');
  expect(page).toContain('Paused since');
  expect((await stack.client.workflow.getHandle(pair.workflowId).query(pairStateQuery)).paused?.reason).toBe('Ava has exams until June');

  // Asked again meanwhile, the pair says it is paused already: nothing is done twice.
  const twice = await admin.post(`${pairPage}/pause`, { _csrf: _csrf!, reason: 'again' });
  expect(twice.status).toBe(409);
  expect(pageText(await twice.text())).toContain('The pair is already paused.');

  const pauseEmails = async () => (await listOutboxMessages(stack.sql)).filter((m) => m.subject.endsWith('is paused'));
  expect(await pauseEmails()).toEqual([]);
  mailDown = false;
  await eventually(async () => expect((await pauseEmails()).length).toBe(2), 30_000);
});
