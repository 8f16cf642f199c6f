/** @jsxImportSource react */
import { Heading, Section, Text } from '@react-email/components';
import { EmailLayout } from './components/EmailLayout.js';

export interface KickOffProps {
  name: string;
  cohortName: string;
  partnerName: string;
  partnerEmail: string;
  partnerRole: 'mentor' | 'mentee';
  charter: string;
  checkIns: string[];
  programmeEnd: string;
}

/** Both signed: the pair starts. Each other's contact, the charter they signed, the check-in dates. */
export default function KickOff({ name, cohortName, partnerName, partnerEmail, partnerRole, charter, checkIns, programmeEnd }: KickOffProps) {
  return (
    <EmailLayout preview={`${cohortName}: you and ${partnerName} have both signed, your pair starts`} footer={`${cohortName} · the programme ends ${programmeEnd}.`}>
      <Heading as="h1" style={{ fontSize: '22px' }}>Your pair starts, {name}</Heading>
      <Text>You and your {partnerRole} have both signed the charter. Get in touch and plan your first meeting:</Text>
      <Text style={{ fontSize: '18px' }}><strong>{partnerName}</strong> · {partnerEmail}</Text>
      <Text>The charter you both signed:</Text>
      <Section style={{ borderLeft: '3px solid #3b6e8f', paddingLeft: '12px' }}>
        {charter.split('\n').filter((line) => line.trim()).map((line, i) => (
          <Text key={i} style={{ margin: '4px 0' }}>{line}</Text>
        ))}
      </Section>
      {checkIns.length > 0 && (
        <Text>We will check in with you both on {checkIns.join(', ')}: a one-minute form by email, to help every pair go well.</Text>
      )}
    </EmailLayout>
  );
}

KickOff.PreviewProps = {
  name: 'Amina Diallo',
  cohortName: 'Alumni mentoring 2027',
  partnerName: 'Claire Martin',
  partnerEmail: 'claire.martin@example.org',
  partnerRole: 'mentor',
  charter: 'We meet at least once a month.\nWe answer every check-in honestly.',
  checkIns: ['10 Jan 17:00 UTC', '10 Feb 17:00 UTC'],
  programmeEnd: '30 Jun 17:00 UTC',
} satisfies KickOffProps;
