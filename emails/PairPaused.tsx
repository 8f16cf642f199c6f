/** @jsxImportSource react */
import { Heading, Text } from '@react-email/components';
import { EmailLayout } from './components/EmailLayout.js';

export interface PairPausedProps {
  name: string;
  cohortName: string;
  partnerName: string;
  /** Present when the pair is paused; absent when it resumes. */
  reason?: string;
  /** On resuming: what comes next, with its date. */
  next?: string;
}

/** The admin paused the pair (check-ins and deadlines wait), or resumed it. */
export default function PairPaused({ name, cohortName, partnerName, reason, next }: PairPausedProps) {
  const paused = reason !== undefined;
  return (
    <EmailLayout preview={`${cohortName}: your pair with ${partnerName} is ${paused ? 'paused' : 'back on'}`} footer={`You receive this email as a participant of ${cohortName}.`}>
      <Heading as="h1" style={{ fontSize: '22px' }}>{paused ? `Your pair is paused, ${name}` : `Your pair resumes, ${name}`}</Heading>
      {paused ? (
        <>
          <Text>The programme team has paused your pair with {partnerName}: {reason}</Text>
          <Text>Until it resumes there are no check-ins or reminders, and no deadline runs. You will hear from us when it resumes.</Text>
        </>
      ) : (
        <Text>Your pair with {partnerName} is running again; its dates have moved by the time it was paused. {next}</Text>
      )}
    </EmailLayout>
  );
}

PairPaused.PreviewProps = { name: 'Amina Diallo', cohortName: 'Alumni mentoring 2027', partnerName: 'Claire Martin', reason: 'Claire is on parental leave until March.' } satisfies PairPausedProps;
