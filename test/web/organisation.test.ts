/**
 * The association's identity: the admin sets its name, colour, logo, sender, reply-to and contact; participants'
 * pages and error pages wear them and say whom to contact; every email comes from the association, answers
 * to it, and carries its logo and contact, in the reader's language.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contrastWithWhite, senderOf } from '../../domain/organisation.js';
import { startCohort, surveyPath } from '../helpers/cohort-fixtures.js';
import { eventually } from '../helpers/eventually.js';
import { PUBLIC_BASE_URL, startTestStack, type TestStack } from '../helpers/stack.js';
import { pageText, webClient } from '../helpers/web-client.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

/** A 1×1 PNG: a logo as an admin uploads it. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const SETTINGS = {
  name: 'Alumni de Lyon',
  colour: '#7a1f3d',
  senderName: 'Programme de mentorat',
  senderAddress: 'mentorat@alumni-lyon.example.org',
  replyTo: '',
  contactName: 'Claire Martin',
  contactEmail: 'claire@alumni-lyon.example.org',
};

it('refuses what participants could not read, field by field, and keeps what was typed', async () => {
  const admin = webClient(stack.app);
  await admin.logIn();
  const { _csrf } = await admin.hiddenFields('/admin/organisation');
  const refused = await admin.post('/admin/organisation', {
    _csrf: _csrf!,
    ...SETTINGS,
    name: '',
    colour: '#ffe066',
    contactEmail: 'claire at alumni',
    logo: new File(['GIF89a'], 'logo.gif', { type: 'image/gif' }),
  });
  expect(refused.status).toBe(422);
  const html = await refused.text();
  const text = pageText(html);
  for (const said of [
    'Give the organisation’s name (120 characters at most).',
    'This colour is too light for white text on it: choose a darker one.',
    'This is not an email address.',
    'The logo must be a PNG or JPEG image.',
  ])
    expect(text).toContain(said);
  expect(html).toContain('value="mentorat@alumni-lyon.example.org"'); // kept as typed
  expect(await stack.sql`select 1 from organisation`).toHaveLength(0);
  const tooBig = await admin.post('/admin/organisation', {
    _csrf: _csrf!,
    ...SETTINGS,
    logo: new File([Buffer.alloc(300 * 1024)], 'logo.png', { type: 'image/png' }),
  });
  expect(pageText(await tooBig.text())).toContain('The logo is over 200 KB: choose a smaller image.');
});

it('puts the association on every page and email: its name, logo, colour, sender, reply-to and contact', async () => {
  const admin = webClient(stack.app);
  await admin.logIn();
  const { _csrf } = await admin.hiddenFields('/admin/organisation');
  const saved = await admin.post('/admin/organisation', {
    _csrf: _csrf!,
    ...SETTINGS,
    logo: new File([PNG], 'logo.png', { type: 'image/png' }),
  });
  expect(saved.status).toBe(303);
  expect(pageText(await (await admin.get('/admin/organisation?notice=saved')).text())).toContain('Saved.');

  // The logo is served, cached under an address that changes with it.
  const [{ logoVersion }] = await stack.sql<[{ logoVersion: string }]>`select logo_version from organisation`;
  const logo = await webClient(stack.app).get(`/brand/logo?v=${logoVersion}`);
  expect(logo.headers.get('content-type')).toBe('image/png');
  expect(Buffer.from(await logo.arrayBuffer())).toEqual(PNG);

  // A participant's page and an error page, in their language: the association's name and logo, whom to contact.
  const slug = 'branded';
  const cohort = await startCohort(stack, slug, ['Mia:mentor', 'Ava:mentee']);
  const survey = await (
    await webClient(stack.app, { acceptLanguage: 'fr' }).get(await surveyPath(stack, cohort, `ava@${slug}.example.org`))
  ).text();
  expect(survey).toContain(`<img src="/brand/logo?v=${logoVersion}"`);
  expect(survey).toContain('href="/brand/style.css?colour=7a1f3d"');
  expect(pageText(survey)).toContain('Alumni de Lyon');
  expect(pageText(survey)).toContain('Questions? Contact Claire Martin: claire@alumni-lyon.example.org');
  const lost = await webClient(stack.app, { acceptLanguage: 'fr' }).get('/survey/not-a-token');
  expect(pageText(await lost.text())).toContain('Une question ? Contactez Claire Martin : claire@alumni-lyon.example.org');
  expect(await (await webClient(stack.app).get('/brand/style.css?colour=7a1f3d')).text()).toContain('--brand: #7a1f3d');

  // The invitations: from the association, replies to its contact, its logo and contact inside.
  const invitation = await eventually(async () => {
    const [email] = await stack.sql<{ fromAddress: string; replyTo: string; html: string; text: string }[]>`
      select from_address, reply_to, html, text from outbox_messages where to_address like ${`%<ava@${slug}.example.org>`}`;
    expect(email).toBeDefined();
    return email!;
  });
  expect(invitation.fromAddress).toBe('Programme de mentorat <mentorat@alumni-lyon.example.org>');
  expect(invitation.replyTo).toBe('claire@alumni-lyon.example.org');
  expect(invitation.html).toContain(`src="${PUBLIC_BASE_URL}/brand/logo?v=${logoVersion}"`);
  expect(invitation.html).toContain('background-color:#7a1f3d');
  expect(invitation.text).toContain('Alumni de Lyon');
  expect(invitation.text).toContain('Questions? Contact Claire Martin: claire@alumni-lyon.example.org');
  expect(invitation.text).not.toContain('TANDEM');
});

it('chooses a sender the mail service accepts and colours that stay readable', () => {
  expect(senderOf(undefined, 'Tandem <tandem@example.org>')).toBe('Tandem <tandem@example.org>');
  // No sender address of its own: the operator's verified address, under the association's name.
  expect(senderOf({ ...SETTINGS, senderName: '', senderAddress: '' }, 'Tandem <tandem@example.org>')).toBe(
    'Alumni de Lyon <tandem@example.org>',
  );
  expect(senderOf({ ...SETTINGS, name: 'A, "B" <C>', senderName: '' }, 'x@example.org')).toBe('A B C <mentorat@alumni-lyon.example.org>');
  expect(contrastWithWhite('#3b6e8f')).toBeGreaterThan(4.5);
  expect(contrastWithWhite('#ffe066')).toBeLessThan(2);
});
