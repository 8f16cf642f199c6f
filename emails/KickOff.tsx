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
}

/** Both signed: the pair starts. Each other's contact, the charter they signed, the check-in dates. */
export default function KickOff({ locale, name, cohortName, partnerName, partnerEmail, partnerRole, charter, checkIns, programmeEnd }: KickOffProps) {
  const text = translator(locale);
  const { t } = text;
  return (
    <EmailLayout text={text} preview={t('kickOff.preview', { cohort: cohortName, partner: partnerName })} footer={t('kickOff.footer', { cohort: cohortName, end: programmeEnd })}>
      <Heading as="h1" style={{ fontSize: '22px' }}>{t('kickOff.heading', { name })}</Heading>
      <Text>{t('kickOff.contact', { partnerRole: t(`role.${partnerRole}`) })}</Text>
      <Text style={{ fontSize: '18px' }}><strong>{partnerName}</strong> · {partnerEmail}</Text>
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
