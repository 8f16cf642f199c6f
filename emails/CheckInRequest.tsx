/** @jsxImportSource react */
import { Heading, Text } from '@react-email/components';
import { EmailLayout, PersonalLink } from './components/EmailLayout.js';

export interface CheckInRequestProps {
  name: string;
  partnerName: string;
  cohortName: string;
  checkInUrl: string;
  closes: string;
  first: boolean;
  reminder: boolean;
}

/** A one-minute check-in: did you meet, how is it going, is anything in the way, do you want to go on. */
export default function CheckInRequest({ name, partnerName, cohortName, checkInUrl, closes, first, reminder }: CheckInRequestProps) {
  const question = first ? `Have you and ${partnerName} been in touch, and did your first conversation go well?` : `How is it going with ${partnerName}?`;
  return (
    <EmailLayout preview={`${cohortName}: ${reminder ? 'reminder, ' : ''}a one-minute check-in`} footer="This link is personal: please do not forward it.">
      <Heading as="h1" style={{ fontSize: '22px' }}>{reminder ? `${name}, your check-in is waiting` : `Check-in time, ${name}`}</Heading>
      <Text>{question} Four quick questions help us make sure every pair goes well; the organisers step in if something is in the way.</Text>
      <Text>The check-in closes {closes}.</Text>
      <PersonalLink href={checkInUrl} label="Answer the check-in" />
    </EmailLayout>
  );
}

CheckInRequest.PreviewProps = {
  name: 'Amina Diallo', partnerName: 'Claire Martin', cohortName: 'Alumni mentoring 2027',
  checkInUrl: 'http://localhost:3000/check-in/preview-token', closes: '24 Jan 17:00 UTC', first: true, reminder: false,
} satisfies CheckInRequestProps;
