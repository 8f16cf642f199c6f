/** @jsxImportSource react */
import { Heading, Text } from '@react-email/components';
import type { Locale } from '../i18n/locales.js';
import { translator } from '../i18n/translator.js';
import { EmailLayout, PersonalLink } from './components/EmailLayout.js';

export interface SurveyInvitationProps {
  locale: Locale;
  name: string;
  cohortName: string;
  role: 'mentor' | 'mentee';
  surveyUrl: string;
  /** Formatted in the reader's language and time zone. */
  deadline: string;
}

/** The first email a participant gets: why the intake survey matters, and their personal link. */
export default function SurveyInvitation({ locale, name, cohortName, role, surveyUrl, deadline }: SurveyInvitationProps) {
  const text = translator(locale);
  const { t } = text;
  return (
    <EmailLayout text={text} preview={t('surveyInvitation.preview', { cohort: cohortName })} footer={t('link.personal')}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {t('surveyInvitation.heading', { cohort: cohortName, name })}
      </Heading>
      <Text>{t('surveyInvitation.why', { role })}</Text>
      <Text>{t('surveyInvitation.time', { deadline })}</Text>
      <PersonalLink text={text} href={surveyUrl} label={t('surveyInvitation.button')} />
    </EmailLayout>
  );
}

SurveyInvitation.PreviewProps = {
  locale: 'en',
  name: 'Amina Diallo',
  cohortName: 'Alumni mentoring 2027',
  role: 'mentee',
  surveyUrl: 'http://localhost:3000/survey/preview-token',
  deadline: 'Thu, 3 Dec 2026, 17:00 UTC',
} satisfies SurveyInvitationProps;
