/** @jsxImportSource react */
import { Heading, Text } from '@react-email/components';
import type { Locale } from '../i18n/locales.js';
import { translator } from '../i18n/translator.js';
import { EmailLayout, PersonalLink } from './components/EmailLayout.js';

export interface AccountLinkProps {
  locale: Locale;
  name: string;
  /** An owner invited them to the admin pages, or they asked to choose a new password. */
  kind: 'invitation' | 'password-reset';
  /** The invitation's role, in the reader's words. */
  role?: string;
  /** The single-use link, and until when it works (in the reader's words, its time zone named). */
  link: { url: string; validUntil: string };
}

/** An admin's link to choose their password: the invitation to a new account, or a reset they asked for. */
export default function AccountLink({ locale, name, kind, role, link }: AccountLinkProps) {
  const text = translator(locale);
  const { t } = text;
  return (
    <EmailLayout text={text} preview={t(`accountLink.${kind}.preview`)} footer={t(`accountLink.${kind}.notYou`)}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {t('accountLink.heading', { name })}
      </Heading>
      <Text>{kind === 'invitation' ? t('accountLink.invitation.body', { role: role ?? '' }) : t('accountLink.password-reset.body')}</Text>
      <Text>{t('accountLink.valid', { until: link.validUntil })}</Text>
      <PersonalLink text={text} href={link.url} label={t(`accountLink.${kind}.button`)} />
    </EmailLayout>
  );
}

AccountLink.PreviewProps = {
  locale: 'en',
  name: 'Claire Martin',
  kind: 'invitation',
  role: 'programme manager',
  link: { url: 'http://localhost:3000/admin/welcome/preview-token', validUntil: 'Thu, 10 Dec 2026, 17:00 UTC' },
} satisfies AccountLinkProps;
