/** @jsxImportSource react */
import { Heading, Section, Text } from '@react-email/components';
import type { Locale } from '../i18n/locales.js';
import { translator, type MessageKey } from '../i18n/translator.js';
import { CharterText } from './components/CharterText.js';
import { EmailLayout, PersonalLink } from './components/EmailLayout.js';

export interface MatchIntroductionProps {
  locale: Locale;
  name: string;
  cohortName: string;
  role: 'mentor' | 'mentee';
  partnerName: string;
  /** Why they fit, in the reader's language. */
  reasons: string[];
  /** What the partner said of themselves in the survey, to break the ice (none if they are no longer in it). */
  partner?: PartnerProfile;
  /** The charter to sign, in the same email, so that the introduction and what it asks arrive as one. */
  charter?: CharterToSign;
}

export interface CharterToSign {
  text: string;
  url: string;
  /** Formatted in the reader's language and time zone. */
  deadline: string;
}

/** A partner's profile as their survey gave it: stored values, worded in the reader's language here. */
export interface PartnerProfile {
  field: string;
  languages: string[];
  /** What a mentor offers, or what a mentee asks for help with. */
  topics: string[];
}

/** Introduces a participant to their partner: who, why they fit, and what comes next. */
export default function MatchIntroduction({
  locale,
  name,
  cohortName,
  role,
  partnerName,
  reasons,
  partner,
  charter,
}: MatchIntroductionProps) {
  const text = translator(locale);
  const { t } = text;
  const partnerRole = t(role === 'mentee' ? 'role.mentor' : 'role.mentee');
  return (
    <EmailLayout
      text={text}
      preview={t('matchIntroduction.subject', { cohort: cohortName, partnerRole, partner: partnerName })}
      footer={[t('matchIntroduction.footer', { role: t(`role.${role}`), cohort: cohortName }), charter ? t('link.personal') : '']
        .filter(Boolean)
        .join(' ')}
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
      {partner && (
        <Section style={{ backgroundColor: '#f6f7f9', borderRadius: '6px', padding: '4px 16px', margin: '16px 0' }}>
          <Text style={{ fontWeight: 700, margin: '8px 0 4px' }}>{t('matchIntroduction.profile', { partner: partnerName })}</Text>
          <Text style={{ margin: '4px 0' }}>
            {t('matchIntroduction.profile.field', { field: t(`field.${partner.field}` as MessageKey) })}
          </Text>
          <Text style={{ margin: '4px 0' }}>
            {t('matchIntroduction.profile.languages', {
              languages: partner.languages.map((l) => t(`language.${l}` as MessageKey)).join(', '),
            })}
          </Text>
          <Text style={{ margin: '4px 0 8px' }}>
            {t(role === 'mentee' ? 'matchIntroduction.profile.offers' : 'matchIntroduction.profile.asks', {
              topics: partner.topics.map((topic) => t(`topic.${topic}` as MessageKey)).join(', '),
            })}
          </Text>
        </Section>
      )}
      {charter ? (
        <Section>
          <Heading as="h2" style={{ fontSize: '18px', margin: '24px 0 0' }}>
            {t('matchIntroduction.charter')}
          </Heading>
          <Text>{t('charter.body', { partner: partnerName, deadline: charter.deadline })}</Text>
          <CharterText charter={charter.text} />
          <PersonalLink text={text} href={charter.url} label={t('charter.button')} />
        </Section>
      ) : (
        <Text>{t('matchIntroduction.next')}</Text>
      )}
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
  partner: { field: 'Finance', languages: ['English', 'French'], topics: ['Job search & applications', 'Networking', 'Career choices'] },
  charter: {
    text: 'We meet at least once a month.\nWe answer every check-in honestly.\nWe tell the organisers if the pair stops working.',
    url: 'http://localhost:3000/charter/preview-token',
    deadline: 'Thu, 10 Dec 2026, 17:00 UTC',
  },
} satisfies MatchIntroductionProps;
