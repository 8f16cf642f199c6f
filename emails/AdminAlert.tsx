/** @jsxImportSource react */
import { Heading, Text } from '@react-email/components';
import type { Locale } from '../i18n/locales.js';
import { translator } from '../i18n/translator.js';
import { EmailLayout, PersonalLink } from './components/EmailLayout.js';

export interface AdminAlertProps {
  /** The cohort's language: the email's frame is written in it. */
  locale: Locale;
  cohortName: string;
  /** What needs the admin, already worded in the cohort's language. */
  message: string;
  cohortUrl: string;
}

/** Something in a cohort needs the admin: a pair not signing, a pair that stalls. */
export default function AdminAlert({ locale, cohortName, message, cohortUrl }: AdminAlertProps) {
  const text = translator(locale);
  const { t } = text;
  return (
    <EmailLayout text={text} preview={t('adminEmail.alert.subject', { cohort: cohortName, message })} footer={t('adminEmail.footer')}>
      <Heading as="h1" style={{ fontSize: '20px' }}>
        {t('adminEmail.alert.heading', { cohort: cohortName })}
      </Heading>
      <Text>{message}</Text>
      <PersonalLink text={text} href={cohortUrl} label={t('adminEmail.alert.button')} />
    </EmailLayout>
  );
}

AdminAlert.PreviewProps = {
  locale: 'en',
  cohortName: 'Alumni mentoring 2027',
  message: 'Amina Diallo and Claire Martin have not both signed their charter (deadline 10 Dec 17:00 UTC).',
  cohortUrl: 'http://localhost:3000/admin/cohorts/alumni-2027',
} satisfies AdminAlertProps;
