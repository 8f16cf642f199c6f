/** @jsxImportSource react */
import { Heading, Text } from '@react-email/components';
import type { Locale } from '../i18n/locales.js';
import { translator } from '../i18n/translator.js';
import { CharterText } from './components/CharterText.js';
import { EmailLayout } from './components/EmailLayout.js';

export interface KickOffProps {
  locale: Locale;
  name: string;
  cohortName: string;
  partnerName: string;
  partnerEmail: string;
  partnerRole: 'mentor' | 'mentee';
  charter: string;
  /** Dates formatted in the reader's language and time zone. */
  checkIns: string[];
  programmeEnd: string;
  /** A flash pair: how many meetings to hold, and by when (its feedback form comes then). */
  flash?: { meetings: number; by: string };
  /** A flash pair whose parties both chose to go on as a long pair. */
  continued?: boolean;
}

/**
 * Both signed: the pair starts. Each other's contact, the charter they signed, the check-in dates (a flash
 * pair: its meetings and their deadline). Sent again, with the new dates, when a flash pair goes on.
 */
export default function KickOff({
  locale,
  name,
  cohortName,
  partnerName,
  partnerEmail,
  partnerRole,
  charter,
  checkIns,
  programmeEnd,
  flash,
  continued = false,
}: KickOffProps) {
  const text = translator(locale);
  const { t } = text;
  return (
    <EmailLayout
      text={text}
      preview={t('kickOff.preview', { continued, cohort: cohortName, partner: partnerName })}
      footer={t('kickOff.footer', { cohort: cohortName, end: programmeEnd })}
    >
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {t('kickOff.heading', { continued, name })}
      </Heading>
      <Text>{t(continued ? 'kickOff.continued' : 'kickOff.contact', { partnerRole: t(`role.${partnerRole}`) })}</Text>
      <Text style={{ fontSize: '18px' }}>
        <strong>{partnerName}</strong> · {partnerEmail}
      </Text>
      {flash && <Text>{t('kickOff.flash', { meetings: flash.meetings, by: flash.by })}</Text>}
      <Text>{t('kickOff.charter')}</Text>
      <CharterText charter={charter} />
      {checkIns.length > 0 && <Text>{t('kickOff.checkIns', { dates: text.list(checkIns) })}</Text>}
    </EmailLayout>
  );
}

KickOff.PreviewProps = {
  locale: 'en',
  name: 'Amina Diallo',
  cohortName: 'Alumni mentoring 2027',
  partnerName: 'Claire Martin',
  partnerEmail: 'claire.martin@example.org',
  partnerRole: 'mentor',
  charter: 'We meet at least once a month.\nWe answer every check-in honestly.',
  checkIns: ['Sun, 10 Jan 2027, 17:00 UTC', 'Wed, 10 Feb 2027, 17:00 UTC'],
  programmeEnd: 'Wed, 30 Jun 2027, 17:00 UTC',
} satisfies KickOffProps;
