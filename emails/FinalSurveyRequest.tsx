/** @jsxImportSource react */
import { Heading, Text } from '@react-email/components';
import type { Locale } from '../i18n/locales.js';
import { translator } from '../i18n/translator.js';
import { EmailLayout, PersonalLink } from './components/EmailLayout.js';

export interface FinalSurveyRequestProps {
  locale: Locale;
  name: string;
  partnerName: string;
  cohortName: string;
  role: 'mentor' | 'mentee';
  surveyUrl: string;
  /** Formatted in the reader's language and time zone. */
  closes: string;
  reminder: boolean;
}

/** The satisfaction survey that closes the programme for a pair. */
export default function FinalSurveyRequest({
  locale,
  name,
  partnerName,
  cohortName,
  role,
  surveyUrl,
  closes,
  reminder,
}: FinalSurveyRequestProps) {
  const text = translator(locale);
  const { t } = text;
  return (
    <EmailLayout text={text} preview={t('finalSurvey.preview', { reminder, cohort: cohortName })} footer={t('link.personal')}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {t('finalSurvey.heading', { reminder, name, partner: partnerName })}
      </Heading>
      <Text>{t('finalSurvey.body', { role, partner: partnerName, closes })}</Text>
      <PersonalLink text={text} href={surveyUrl} label={t('finalSurvey.button')} />
    </EmailLayout>
  );
}

FinalSurveyRequest.PreviewProps = {
  locale: 'en',
  name: 'Amina Diallo',
  partnerName: 'Claire Martin',
  cohortName: 'Alumni mentoring 2027',
  role: 'mentee',
  surveyUrl: 'http://localhost:3000/final-survey/preview-token',
  closes: 'Wed, 7 Jul 2027, 17:00 UTC',
  reminder: false,
} satisfies FinalSurveyRequestProps;
