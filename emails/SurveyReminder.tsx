/** @jsxImportSource react */
import { Heading, Text } from '@react-email/components';
import { EmailLayout, PersonalLink } from './components/EmailLayout.js';

export interface SurveyReminderProps {
  name: string;
  cohortName: string;
  surveyUrl: string;
  deadline: string;
  lastCall: boolean;
}

/** Goes only to those who have not answered: without their answers we cannot match them well. */
export default function SurveyReminder({ name, cohortName, surveyUrl, deadline, lastCall }: SurveyReminderProps) {
  return (
    <EmailLayout preview={lastCall ? `Last call: the ${cohortName} survey closes ${deadline}` : `Your ${cohortName} survey is waiting`} footer="This link is personal: please do not forward it.">
      <Heading as="h1" style={{ fontSize: '22px' }}>{lastCall ? 'Last call' : 'A gentle reminder'}, {name}</Heading>
      <Text>
        We have not received your intake survey for {cohortName} yet. We only match people whose needs we know, so
        without your answers we cannot find you a partner.
      </Text>
      <Text>The survey closes {deadline}.</Text>
      <PersonalLink href={surveyUrl} label="Answer the survey" />
    </EmailLayout>
  );
}

SurveyReminder.PreviewProps = {
  name: 'Amina Diallo',
  cohortName: 'Alumni mentoring 2027',
  surveyUrl: 'http://localhost:3000/survey/preview-token',
  deadline: '3 Dec 17:00 UTC',
  lastCall: true,
} satisfies SurveyReminderProps;
