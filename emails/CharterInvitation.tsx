/** @jsxImportSource react */
import { Heading, Section, Text } from '@react-email/components';
import { EmailLayout, PersonalLink } from './components/EmailLayout.js';

export interface CharterInvitationProps {
  name: string;
  partnerName: string;
  cohortName: string;
  charter: string;
  charterUrl: string;
  deadline: string;
  reminder: boolean;
}

/** The charter of commitment, to read and sign; the pair starts only once both have signed. */
export default function CharterInvitation({ name, partnerName, cohortName, charter, charterUrl, deadline, reminder }: CharterInvitationProps) {
  return (
    <EmailLayout preview={reminder ? `Reminder: sign your ${cohortName} charter by ${deadline}` : `${cohortName}: your charter of commitment`} footer="This link is personal: please do not forward it.">
      <Heading as="h1" style={{ fontSize: '22px' }}>{reminder ? `${name}, your charter is still unsigned` : `${name}, your charter of commitment`}</Heading>
      <Text>
        Before your pair with {partnerName} starts, you both sign the programme's charter. When you have both signed, we send you each
        other's contact details. Please sign by {deadline}: a pair whose charter is not signed by then is dissolved.
      </Text>
      <Section style={{ borderLeft: '3px solid #3b6e8f', paddingLeft: '12px' }}>
        {charter.split('\n').filter((line) => line.trim()).map((line, i) => (
          <Text key={i} style={{ margin: '4px 0' }}>{line}</Text>
        ))}
      </Section>
      <PersonalLink href={charterUrl} label="Read and sign the charter" />
    </EmailLayout>
  );
}

CharterInvitation.PreviewProps = {
  name: 'Amina Diallo',
  partnerName: 'Claire Martin',
  cohortName: 'Alumni mentoring 2027',
  charter: 'We meet at least once a month.\nWe answer every check-in honestly.\nWe tell the organisers if the pair stops working.',
  charterUrl: 'http://localhost:3000/charter/preview-token',
  deadline: '10 Dec 17:00 UTC',
  reminder: false,
} satisfies CharterInvitationProps;
