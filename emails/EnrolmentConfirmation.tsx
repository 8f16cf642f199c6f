/** @jsxImportSource react */
import { Heading, Text } from '@react-email/components';
import type { Locale } from '../i18n/locales.js';
import { translator } from '../i18n/translator.js';
import { EmailLayout, PersonalLink } from './components/EmailLayout.js';

export interface EnrolmentConfirmationProps {
  locale: Locale;
  name: string;
  cohortName: string;
  role: 'mentor' | 'mentee';
  confirmUrl: string;
  /** Until when the link works, in the reader's language, its time zone named. */
  validUntil: string;
}

/** Someone signed up through the cohort's public link: nothing happens until they confirm the address is theirs. */
export default function EnrolmentConfirmation({ locale, name, cohortName, role, confirmUrl, validUntil }: EnrolmentConfirmationProps) {
  const text = translator(locale);
  const { t } = text;
  return (
    <EmailLayout text={text} preview={t('enrolmentConfirmation.preview', { cohort: cohortName })} footer={t('enrolmentConfirmation.notYou')}>
      <Heading as="h1" style={{ fontSize: '22px' }}>{t('enrolmentConfirmation.heading', { name })}</Heading>
      <Text>{t('enrolmentConfirmation.body', { cohort: cohortName, role })}</Text>
      <Text>{t('enrolmentConfirmation.valid', { until: validUntil })}</Text>
      <PersonalLink text={text} href={confirmUrl} label={t('enrolmentConfirmation.button')} />
    </EmailLayout>
  );
}

EnrolmentConfirmation.PreviewProps = {
  locale: 'en',
  name: 'Amina Diallo',
  cohortName: 'Alumni mentoring 2027',
  role: 'mentee',
  confirmUrl: 'http://localhost:3000/join/confirm/preview-token',
  validUntil: 'Thu, 3 Dec 2026, 17:00 UTC',
} satisfies EnrolmentConfirmationProps;
