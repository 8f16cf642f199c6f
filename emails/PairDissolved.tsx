/** @jsxImportSource react */
import { Heading, Text } from '@react-email/components';
import { EmailLayout } from './components/EmailLayout.js';

export interface PairDissolvedProps {
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
export default function PairDissolved({ name, cohortName, partnerName, staysInProgramme, signed = staysInProgramme, goesOnWith = [] }: PairDissolvedProps) {
  return (
    <EmailLayout preview={`${cohortName}: your pair with ${partnerName} did not start`} footer={`You receive this email as a participant of ${cohortName}.`}>
      <Heading as="h1" style={{ fontSize: '22px' }}>{name}, your pair with {partnerName} did not start</Heading>
      {staysInProgramme ? (
        <Text>
          The charter was not signed by both of you in time, so the pair with {partnerName} is dissolved.{' '}
          {signed ? 'You signed, and you stay in the programme' : 'The programme team keeps you in the programme all the same'}: we are looking for a new
          partner for you and will introduce you by email.
        </Text>
      ) : goesOnWith.length > 0 ? (
        <Text>
          You did not sign the charter with {partnerName} in time, so that pair is dissolved; your pair with {goesOnWith.join(' and ')} goes
          on as before. We will not introduce you to someone else in {partnerName}'s place; if you would like us to, tell the organisers.
        </Text>
      ) : (
        <Text>
          You did not sign the charter in time, so the pair with {partnerName} is dissolved and you leave the programme. If this is a
          mistake, contact the organisers: they can bring you back.
        </Text>
      )}
    </EmailLayout>
  );
}

PairDissolved.PreviewProps = { name: 'Amina Diallo', cohortName: 'Alumni mentoring 2027', partnerName: 'Claire Martin', staysInProgramme: true } satisfies PairDissolvedProps;
