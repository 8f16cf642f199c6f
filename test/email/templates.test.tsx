/** @jsxImportSource react */
import { render } from '@react-email/components';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import MatchIntroduction from '../../emails/MatchIntroduction.js';
import SurveyInvitation from '../../emails/SurveyInvitation.js';
import SurveyReminder from '../../emails/SurveyReminder.js';
import { NOTIFICATIONS } from '../../activities/notifications/catalogue.js';
import { renderEmail } from '../../activities/notifications/notify.js';
import { TYPOGRAPHY } from '../../i18n/translator.js';

/** French as Tandem sets it: no line break before a colon. */
const french = TYPOGRAPHY.fr;

const templates = [
  ['SurveyInvitation', () => <SurveyInvitation {...SurveyInvitation.PreviewProps} />],
  ['SurveyReminder', () => <SurveyReminder {...SurveyReminder.PreviewProps} />],
] as const;

describe.each(templates)('%s', (_name, element) => {
  it('renders the same bytes every time, so a retried send carries the same payload', async () => {
    expect(await render(element())).toBe(await render(element()));
  });

  it('carries the personal link and the name in HTML and plain text', async () => {
    const { html, text } = await renderEmail(element());
    expect(html).toContain('href="http://localhost:3000/survey/preview-token"');
    expect(text).toContain('http://localhost:3000/survey/preview-token');
    expect(text).toContain('Amina Diallo'); // as written: headings are not upper-cased
  });
});

it('escapes names', async () => {
  const html = await render(<SurveyReminder {...SurveyReminder.PreviewProps} name={'<script>alert(1)</script>'} />);
  expect(html).not.toContain('<script>alert(1)</script>');
  expect(html).toContain('&lt;script&gt;');
});

describe('in French', () => {
  it("the reminder: subject, preview, body and its plain text, in the participant's language", async () => {
    const says = { ...SurveyReminder.PreviewProps, locale: 'fr' as const, deadline: 'jeu. 3 déc. 2026, 17:00 UTC', round: 2 };
    expect(NOTIFICATIONS.surveyReminder.subject(says)).toBe(
      french('Dernier rappel : le questionnaire Alumni mentoring 2027 ferme le jeu. 3 déc. 2026, 17:00 UTC'),
    );
    expect(NOTIFICATIONS.surveyReminder.subject({ ...says, lastCall: false })).toBe(
      french('Rappel : votre questionnaire Alumni mentoring 2027'),
    );
    const { html, text } = await renderEmail(<SurveyReminder {...says} />);
    expect(html).toContain('lang="fr"');
    expect(text).toContain('Dernier rappel, Amina Diallo');
    expect(text).toContain('Nous n’avons pas encore reçu votre questionnaire d’accueil pour Alumni mentoring 2027.');
    expect(text).toContain(french('Ou copiez ce lien dans votre navigateur : http://localhost:3000/survey/preview-token'));
  });
});

describe('every participant email', () => {
  const participantEmails = Object.entries(NOTIFICATIONS).filter(([, n]) => n.audience === 'participant');
  it.each(participantEmails)("%s: written in the participant's language, subject included", async (_kind, notification) => {
    const preview = (notification.template as unknown as { PreviewProps: object }).PreviewProps;
    const inEnglish = { ...preview, locale: 'en' } as never;
    const inFrench = { ...preview, locale: 'fr' } as never;
    expect(notification.subject(inFrench)).not.toBe(notification.subject(inEnglish));
    const french = await renderEmail(createElement(notification.template as never, inFrench));
    expect(french.html).toMatch(/<html [^>]*lang="fr"/);
    expect(french.text).not.toBe((await renderEmail(createElement(notification.template as never, inEnglish))).text);
  });
});

describe('the introduction', () => {
  it('says what the two have in common, never a raw score', async () => {
    for (const locale of ['en', 'fr'] as const) {
      const { text } = await renderEmail(<MatchIntroduction {...MatchIntroduction.PreviewProps} locale={locale} />);
      expect(text).toContain('both work in Finance');
      expect(text).not.toMatch(/\b\d+ (out of|sur) 100\b/);
      // A short profile of the partner, in the reader's words.
      expect(text).toContain(locale === 'en' ? 'Claire Martin in a few words' : 'Claire Martin en quelques mots');
      expect(text).toContain(locale === 'en' ? 'Can help with: Job search & applications, Networking' : french('Peut vous aider sur : '));
    }
  });
});
