/** @jsxImportSource react */
import { Heading, Section, Text } from '@react-email/components';
import { EmailLayout } from './components/EmailLayout.js';

export interface MatchIntroductionProps {
  name: string;
  cohortName: string;
  role: 'mentor' | 'mentee';
  partnerName: string;
  score: number;
  reasons: string[];
}

/** Introduces a participant to their partner: who, why they fit, and what comes next. */
export default function MatchIntroduction({ name, cohortName, role, partnerName, score, reasons }: MatchIntroductionProps) {
  const partnerRole = role === 'mentee' ? 'mentor' : 'mentee';
  return (
    <EmailLayout preview={`${cohortName}: meet your ${partnerRole}, ${partnerName}`} footer={`You receive this email as a ${role} of ${cohortName}.`}>
      <Heading as="h1" style={{ fontSize: '22px' }}>{name}, meet your {partnerRole}: {partnerName}</Heading>
      <Text>
        We read every intake survey and matched the whole cohort at once, for the best fit overall. You and {partnerName} fit at {score} out of 100:
      </Text>
      <Section>
        {reasons.map((reason) => (
          <Text key={reason} style={{ margin: '4px 0' }}>• {reason}</Text>
        ))}
      </Section>
      <Text>
        What comes next: you will both receive the programme's charter of commitment. Once you have both signed it, the pair starts
        officially and we send you each other's contact details.
      </Text>
    </EmailLayout>
  );
}

MatchIntroduction.PreviewProps = {
  name: 'Amina Diallo',
  cohortName: 'Alumni mentoring 2027',
  role: 'mentee',
  partnerName: 'Claire Martin',
  score: 86,
  reasons: ['both work in Finance', 'can help with 2 of 2 topics asked for: Job search & applications, Networking', 'both speak English, French'],
} satisfies MatchIntroductionProps;
