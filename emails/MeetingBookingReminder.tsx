/** @jsxImportSource react */
import { Heading, Text } from '@react-email/components';
import type { Locale } from '../i18n/locales.js';
import { translator } from '../i18n/translator.js';
import { EmailLayout } from './components/EmailLayout.js';

export interface MeetingBookingReminderProps {
  locale: Locale;
  name: string;
  partnerName: string;
  partnerEmail: string;
  cohortName: string;
  meetings: number;
  /** Formatted in the reader's language and time zone. */
  by: string;
}

/** A flash pair, a third of the way through its window: book the meeting now, or it will not happen in time. */
export default function MeetingBookingReminder({
  locale,
  name,
  partnerName,
  partnerEmail,
  cohortName,
  meetings,
  by,
}: MeetingBookingReminderProps) {
  const text = translator(locale);
  const { t } = text;
  return (
    <EmailLayout
      text={text}
      preview={t('meetingBooking.preview', { cohort: cohortName, partner: partnerName })}
      footer={t('meetingBooking.footer', { cohort: cohortName })}
    >
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {t('meetingBooking.heading', { name })}
      </Heading>
      <Text>{t('meetingBooking.body', { meetings, partner: partnerName, by })}</Text>
      <Text style={{ fontSize: '18px' }}>
        <strong>{partnerName}</strong> · {partnerEmail}
      </Text>
      <Text>{t('meetingBooking.feedback')}</Text>
    </EmailLayout>
  );
}

MeetingBookingReminder.PreviewProps = {
  locale: 'en',
  name: 'Amina Diallo',
  partnerName: 'Claire Martin',
  partnerEmail: 'claire.martin@example.org',
  cohortName: 'Flash mentoring 2027',
  meetings: 1,
  by: 'Sun, 24 Jan 2027, 17:00 UTC',
} satisfies MeetingBookingReminderProps;
