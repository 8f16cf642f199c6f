/** @jsxImportSource react */
import { Heading, Text } from '@react-email/components';
import type { Locale } from '../i18n/locales.js';
import { translator } from '../i18n/translator.js';
import { CharterText } from './components/CharterText.js';
import { EmailLayout, PersonalLink } from './components/EmailLayout.js';

export interface CharterInvitationProps {
  locale: Locale;
  name: string;
  partnerName: string;
  cohortName: string;
  charter: string;
  charterUrl: string;
  /** Formatted in the reader's language and time zone. */
  deadline: string;
  reminder: boolean;
}

/** The charter of commitment, to read and sign; the pair starts only once both have signed. */
export default function CharterInvitation({
  locale,
  name,
  partnerName,
  cohortName,
  charter,
  charterUrl,
  deadline,
  reminder,
}: CharterInvitationProps) {
  const text = translator(locale);
  const { t } = text;
  return (
    <EmailLayout text={text} preview={t('charter.preview', { reminder, cohort: cohortName, deadline })} footer={t('link.personal')}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {t('charter.heading', { reminder, name })}
      </Heading>
      <Text>{t('charter.body', { partner: partnerName, deadline })}</Text>
      <CharterText charter={charter} />
      <PersonalLink text={text} href={charterUrl} label={t('charter.button')} />
    </EmailLayout>
  );
}

CharterInvitation.PreviewProps = {
  locale: 'en',
  name: 'Amina Diallo',
  partnerName: 'Claire Martin',
  cohortName: 'Alumni mentoring 2027',
  charter: 'We meet at least once a month.\nWe answer every check-in honestly.\nWe tell the organisers if the pair stops working.',
  charterUrl: 'http://localhost:3000/charter/preview-token',
  deadline: 'Thu, 10 Dec 2026, 17:00 UTC',
  reminder: false,
} satisfies CharterInvitationProps;
