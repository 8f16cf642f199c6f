/** @jsxImportSource react */
import { Heading, Text } from '@react-email/components';
import type { Locale } from '../i18n/locales.js';
import { translator } from '../i18n/translator.js';
import { EmailLayout } from './components/EmailLayout.js';

export interface PairPausedProps {
  locale: Locale;
  name: string;
  cohortName: string;
  partnerName: string;
  /** Present when the pair is paused; absent when it resumes. */
  reason?: string;
  /** On resuming: what comes next, with its date, in the reader's language. */
  next?: string;
}

/** The admin paused the pair (check-ins and deadlines wait), or resumed it. */
export default function PairPaused({ locale, name, cohortName, partnerName, reason, next }: PairPausedProps) {
  const text = translator(locale);
  const { t } = text;
  const paused = reason !== undefined;
  return (
    <EmailLayout
      text={text}
      preview={t('pairPaused.preview', { paused, cohort: cohortName, partner: partnerName })}
      footer={t('footer.participant', { cohort: cohortName })}
    >
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {t('pairPaused.heading', { paused, name })}
      </Heading>
      {paused ? (
        <>
          <Text>{t('pairPaused.why', { partner: partnerName, reason })}</Text>
          <Text>{t('pairPaused.meanwhile')}</Text>
        </>
      ) : (
        <Text>
          {t('pairPaused.resumed', { partner: partnerName })} {next}
        </Text>
      )}
    </EmailLayout>
  );
}

PairPaused.PreviewProps = {
  locale: 'en',
  name: 'Amina Diallo',
  cohortName: 'Alumni mentoring 2027',
  partnerName: 'Claire Martin',
  reason: 'Claire is on parental leave until March.',
} satisfies PairPausedProps;
