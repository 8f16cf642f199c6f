/** @jsxImportSource react */
import { Heading, Text } from '@react-email/components';
import type { NewPartnerReason } from '../domain/pair-health.js';
import type { Locale } from '../i18n/locales.js';
import { translator } from '../i18n/translator.js';
import { EmailLayout, PersonalLink } from './components/EmailLayout.js';

export interface NewPartnerOfferProps {
  locale: Locale;
  reason: NewPartnerReason;
  name: string;
  cohortName: string;
  partnerName: string;
  offerUrl: string;
}

/** This person wants to go on, and a new partner would serve them better: one click away. */
export default function NewPartnerOffer({ locale, reason, name, cohortName, partnerName, offerUrl }: NewPartnerOfferProps) {
  const text = translator(locale);
  const { t } = text;
  return (
    <EmailLayout text={text} preview={t('newPartnerOffer.preview', { cohort: cohortName })} footer={t('link.personal')}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {t('newPartnerOffer.heading', { name })}
      </Heading>
      <Text>{t('newPartnerOffer.why', { partner: partnerName, reason })}</Text>
      <Text>{t('newPartnerOffer.what', { partner: partnerName, reason })}</Text>
      <PersonalLink text={text} href={offerUrl} label={t('newPartnerOffer.button')} />
    </EmailLayout>
  );
}

NewPartnerOffer.PreviewProps = {
  locale: 'en',
  reason: 'partnerStops',
  name: 'Amina Diallo',
  cohortName: 'Alumni mentoring 2027',
  partnerName: 'Claire Martin',
  offerUrl: 'http://localhost:3000/new-partner/preview-token',
} satisfies NewPartnerOfferProps;
