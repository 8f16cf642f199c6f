/** @jsxImportSource react */
import { Heading, Text } from '@react-email/components';
import { EmailLayout, PersonalLink } from './components/EmailLayout.js';

export interface AdminAlertProps {
  cohortName: string;
  message: string;
  cohortUrl: string;
}

/** Something in a cohort needs the admin: a pair not signing, a pair that stalls. */
export default function AdminAlert({ cohortName, message, cohortUrl }: AdminAlertProps) {
  return (
    <EmailLayout preview={`${cohortName}: ${message}`} footer="You receive this email as an admin of Tandem.">
      <Heading as="h1" style={{ fontSize: '20px' }}>{cohortName} needs your attention</Heading>
      <Text>{message}</Text>
      <PersonalLink href={cohortUrl} label="Open the cohort" />
    </EmailLayout>
  );
}

AdminAlert.PreviewProps = { cohortName: 'Alumni mentoring 2027', message: 'Amina Diallo and Claire Martin have not both signed their charter (deadline 10 Dec 17:00 UTC).', cohortUrl: 'http://localhost:3000/admin/cohorts/alumni-2027' } satisfies AdminAlertProps;
