/** @jsxImportSource react */
import { Heading, Text } from '@react-email/components';
import type { Locale } from '../i18n/locales.js';
import { translator } from '../i18n/translator.js';
import { EmailLayout, PersonalLink } from './components/EmailLayout.js';

export interface SurveyReminderProps {
  locale: Locale;
  name: string;
  cohortName: string;
  surveyUrl: string;
  /** Formatted in the reader's language and time zone. */
  deadline: string;
  lastCall: boolean;
}

/** Goes only to those who have not answered: without their answers we cannot match them well. */
export default function SurveyReminder({ locale, name, cohortName, surveyUrl, deadline, lastCall }: SurveyReminderProps) {
  const text = translator(locale);
  const { t } = text;
  return (
    <EmailLayout text={text} preview={t('surveyReminder.preview', { lastCall, cohort: cohortName, deadline })} footer={t('link.personal')}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {t('surveyReminder.heading', { lastCall, name })}
      </Heading>
      <Text>{t('surveyReminder.body', { cohort: cohortName })}</Text>
      <Text>{t('surveyReminder.closes', { deadline })}</Text>
      <PersonalLink text={text} href={surveyUrl} label={t('surveyInvitation.button')} />
    </EmailLayout>
  );
}

SurveyReminder.PreviewProps = {
  locale: 'en',
  name: 'Amina Diallo',
  cohortName: 'Alumni mentoring 2027',
  surveyUrl: 'http://localhost:3000/survey/preview-token',
  deadline: 'Thu, 3 Dec 2026, 17:00 UTC',
  lastCall: true,
} satisfies SurveyReminderProps;
