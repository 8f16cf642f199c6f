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
  /** The link that confirms the address, and until when it works (in the reader's words, its time zone named); none when the cohort is full. */
  confirm?: { url: string; validUntil: string };
}

/**
 * Someone signed up through the cohort's public link: nothing happens until they confirm the address is theirs.
 * Or every place was taken: they hear it here, never on the sign-up page (which would tell a stranger who is enrolled).
 */
export default function EnrolmentConfirmation({ locale, name, cohortName, role, confirm }: EnrolmentConfirmationProps) {
  const text = translator(locale);
  const { t } = text;
  if (!confirm) {
    return (
      <EmailLayout text={text} preview={t('enrolment.full.title')} footer={t('enrolmentConfirmation.notYou')}>
        <Heading as="h1" style={{ fontSize: '22px' }}>
          {t('enrolment.full.title')}
        </Heading>
        <Text>
          {t('enrolmentConfirmation.full', { cohort: cohortName, role })} {t('enrolment.full.body')}
        </Text>
      </EmailLayout>
    );
  }
  return (
    <EmailLayout
      text={text}
      preview={t('enrolmentConfirmation.preview', { cohort: cohortName })}
      footer={t('enrolmentConfirmation.notYou')}
    >
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {t('enrolmentConfirmation.heading', { name })}
      </Heading>
      <Text>{t('enrolmentConfirmation.body', { cohort: cohortName, role })}</Text>
      <Text>{t('enrolmentConfirmation.valid', { until: confirm.validUntil })}</Text>
      <PersonalLink text={text} href={confirm.url} label={t('enrolmentConfirmation.button')} />
    </EmailLayout>
  );
}

EnrolmentConfirmation.PreviewProps = {
  locale: 'en',
  name: 'Amina Diallo',
  cohortName: 'Alumni mentoring 2027',
  role: 'mentee',
  confirm: { url: 'http://localhost:3000/join/confirm/preview-token', validUntil: 'Thu, 3 Dec 2026, 17:00 UTC' },
} satisfies EnrolmentConfirmationProps;
