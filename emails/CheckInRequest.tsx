/** @jsxImportSource react */
import { Heading, Text } from '@react-email/components';
import type { Locale } from '../i18n/locales.js';
import { translator } from '../i18n/translator.js';
import { EmailLayout, PersonalLink } from './components/EmailLayout.js';

export interface CheckInRequestProps {
  locale: Locale;
  name: string;
  partnerName: string;
  cohortName: string;
  checkInUrl: string;
  /** Formatted in the reader's language and time zone. */
  closes: string;
  first: boolean;
  reminder: boolean;
  /** A flash pair's feedback on its meetings, rather than a check-in. */
  feedback?: boolean;
}

/**
 * A one-minute check-in: did you meet, how is it going, is anything in the way, do you want to go on. A flash
 * pair's feedback asks the same of its meetings: did you meet, was it useful, would you meet again.
 */
export default function CheckInRequest({
  locale,
  name,
  partnerName,
  cohortName,
  checkInUrl,
  closes,
  first,
  reminder,
  feedback = false,
}: CheckInRequestProps) {
  const text = translator(locale);
  const { t } = text;
  return (
    <EmailLayout text={text} preview={t('checkIn.preview', { reminder, feedback, cohort: cohortName })} footer={t('link.personal')}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {t('checkIn.heading', { reminder, feedback, name })}
      </Heading>
      <Text>{feedback ? t('checkIn.feedback', { partner: partnerName }) : t('checkIn.question', { first, partner: partnerName })}</Text>
      <Text>{t('checkIn.closes', { closes })}</Text>
      <PersonalLink text={text} href={checkInUrl} label={t('checkIn.button', { feedback })} />
    </EmailLayout>
  );
}

CheckInRequest.PreviewProps = {
  locale: 'en',
  name: 'Amina Diallo',
  partnerName: 'Claire Martin',
  cohortName: 'Alumni mentoring 2027',
  checkInUrl: 'http://localhost:3000/check-in/preview-token',
  closes: 'Sun, 24 Jan 2027, 17:00 UTC',
  first: true,
  reminder: false,
} satisfies CheckInRequestProps;
