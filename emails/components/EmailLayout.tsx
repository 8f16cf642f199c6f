/** @jsxImportSource react */
import { Body, Button, Container, Head, Hr, Html, Img, Link, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import { translator, type Translator } from '../../i18n/translator.js';
import { useBrand } from './brand.js';

const ENGLISH = translator();

/**
 * The frame every Tandem email shares, in the reader's language: the organisation's logo and name in its colour,
 * a narrow readable column, a quiet footer saying who sent it and whom to ask.
 */
export function EmailLayout({
  preview,
  children,
  footer,
  text = ENGLISH,
}: {
  preview: string;
  children: ReactNode;
  footer: string;
  text?: Translator;
}) {
  const brand = useBrand();
  return (
    <Html lang={text.locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: '#f6f7f9', fontFamily: 'Helvetica, Arial, sans-serif', color: '#1f2933' }}>
        <Container
          style={{ backgroundColor: '#ffffff', margin: '24px auto', padding: '24px 32px', maxWidth: '560px', borderRadius: '8px' }}
        >
          {brand.logoUrl && <Img src={brand.logoUrl} alt="" height="40" style={{ height: '40px', width: 'auto', maxWidth: '100%' }} />}
          <Text style={{ fontSize: '14px', fontWeight: 700, letterSpacing: '0.04em', color: brand.colour, margin: '8px 0 16px' }}>
            {brand.name}
          </Text>
          <Section>{children}</Section>
          <Hr style={{ borderColor: '#e4e7eb', margin: '24px 0 12px' }} />
          <Text style={{ fontSize: '12px', color: '#52606d' }}>{footer}</Text>
          {brand.contact && (
            <Text style={{ fontSize: '12px', color: '#52606d', overflowWrap: 'anywhere' }}>
              {text.t('brand.contact', { name: brand.contact.name, email: '' })}
              <Link href={`mailto:${brand.contact.email}`} style={{ color: brand.colour }}>
                {brand.contact.email}
              </Link>
            </Text>
          )}
        </Container>
      </Body>
    </Html>
  );
}

const buttonStyle = {
  color: '#ffffff',
  padding: '12px 20px',
  borderRadius: '6px',
  fontWeight: 600,
  textDecoration: 'none',
} as const;

/** A participant's personal link: a button, and the address in full for clients that hide buttons. */
export function PersonalLink({ href, label, text = ENGLISH }: { href: string; label: string; text?: Translator }) {
  return (
    <>
      <Button href={href} style={{ ...buttonStyle, backgroundColor: useBrand().colour }}>
        {label}
      </Button>
      {/* A link is one long word: without breaking it, a phone's email app scrolls sideways or shrinks the whole email. */}
      <Text style={{ fontSize: '13px', color: '#52606d', overflowWrap: 'anywhere', wordBreak: 'break-all' }}>
        {text.t('link.paste', { url: href })}
      </Text>
    </>
  );
}
