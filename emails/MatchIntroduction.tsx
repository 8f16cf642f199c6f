/** @jsxImportSource react */
import { Heading, Section, Text } from '@react-email/components';
import type { Locale } from '../i18n/locales.js';
import { translator } from '../i18n/translator.js';
import { EmailLayout } from './components/EmailLayout.js';

export interface MatchIntroductionProps {
  locale: Locale;
  name: string;
  cohortName: string;
  role: 'mentor' | 'mentee';
  partnerName: string;
  /** Why they fit, in the reader's language. */
  reasons: string[];
}

/** Introduces a participant to their partner: who, why they fit, and what comes next. */
export default function MatchIntroduction({ locale, name, cohortName, role, partnerName, reasons }: MatchIntroductionProps) {
  const text = translator(locale);
  const { t } = text;
  const partnerRole = t(role === 'mentee' ? 'role.mentor' : 'role.mentee');
  return (
    <EmailLayout
      text={text}
      preview={t('matchIntroduction.subject', { cohort: cohortName, partnerRole, partner: partnerName })}
      footer={t('matchIntroduction.footer', { role: t(`role.${role}`), cohort: cohortName })}
    >
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {t('matchIntroduction.heading', { name, partnerRole, partner: partnerName })}
      </Heading>
      <Text>{t('matchIntroduction.fit', { partner: partnerName })}</Text>
      <Section>
        {reasons.map((reason) => (
          <Text key={reason} style={{ margin: '4px 0' }}>
            • {reason}
          </Text>
        ))}
      </Section>
      <Text>{t('matchIntroduction.next')}</Text>
    </EmailLayout>
  );
}

MatchIntroduction.PreviewProps = {
  locale: 'en',
  name: 'Amina Diallo',
  cohortName: 'Alumni mentoring 2027',
  role: 'mentee',
  partnerName: 'Claire Martin',
  reasons: [
    'both work in Finance',
    'can help with every topic asked for: Job search & applications, Networking',
    'both speak English, French',
  ],
} satisfies MatchIntroductionProps;
