/** @jsxImportSource react */
import { Heading, Text } from '@react-email/components';
import type { Locale } from '../i18n/locales.js';
import { translator } from '../i18n/translator.js';
import { EmailLayout } from './components/EmailLayout.js';

export interface PairDissolvedProps {
  locale: Locale;
  name: string;
  cohortName: string;
  partnerName: string;
  /** True for whoever signed (and for both when the admin so decided): they stay and are matched again. */
  staysInProgramme: boolean;
  /** Whether this person signed; someone who did not may still stay if the admin kept both. */
  signed?: boolean;
  /** The partners of this person's other pairs, which go on (a mentor of several). */
  goesOnWith?: string[];
}

/** The charter was not signed in time: what happens to each of the two. */
export default function PairDissolved({
  locale,
  name,
  cohortName,
  partnerName,
  staysInProgramme,
  signed = staysInProgramme,
  goesOnWith = [],
}: PairDissolvedProps) {
  const text = translator(locale);
  const { t } = text;
  const partner = partnerName;
  return (
    <EmailLayout
      text={text}
      preview={t('pairDissolved.subject', { cohort: cohortName, partner })}
      footer={t('footer.participant', { cohort: cohortName })}
    >
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {t('pairDissolved.heading', { name, partner })}
      </Heading>
      <Text>
        {staysInProgramme
          ? t('pairDissolved.stays', { signed, partner })
          : goesOnWith.length > 0
            ? t('pairDissolved.goesOn', { partner, others: text.list(goesOnWith) })
            : t('pairDissolved.leaves', { partner })}
      </Text>
    </EmailLayout>
  );
}

PairDissolved.PreviewProps = {
  locale: 'en',
  name: 'Amina Diallo',
  cohortName: 'Alumni mentoring 2027',
  partnerName: 'Claire Martin',
  staysInProgramme: true,
} satisfies PairDissolvedProps;
