/** @jsxImportSource react */
import { Heading, Text } from '@react-email/components';
import { EmailLayout, PersonalLink } from './components/EmailLayout.js';

export interface FinalSurveyRequestProps {
  name: string;
  partnerName: string;
  cohortName: string;
  role: 'mentor' | 'mentee';
  surveyUrl: string;
  closes: string;
  reminder: boolean;
}

/** The satisfaction survey that closes the programme for a pair. */
export default function FinalSurveyRequest({ name, partnerName, cohortName, role, surveyUrl, closes, reminder }: FinalSurveyRequestProps) {
  return (
    <EmailLayout preview={`${cohortName}: ${reminder ? 'reminder, ' : ''}how did it go?`} footer="This link is personal: please do not forward it.">
      <Heading as="h1" style={{ fontSize: '22px' }}>{reminder ? `${name}, one last question` : `Your pair with ${partnerName} comes to a close`}</Heading>
      <Text>
        {role === 'mentee' ? `Did ${partnerName} answer your questions and help with what you came for?` : `How was mentoring ${partnerName}?`} Your answers
        shape the next programme. It takes two minutes; the survey closes {closes}.
      </Text>
      <PersonalLink href={surveyUrl} label="Answer the final survey" />
    </EmailLayout>
  );
}

FinalSurveyRequest.PreviewProps = {
  name: 'Amina Diallo', partnerName: 'Claire Martin', cohortName: 'Alumni mentoring 2027', role: 'mentee',
  surveyUrl: 'http://localhost:3000/final-survey/preview-token', closes: '7 Jul 17:00 UTC', reminder: false,
} satisfies FinalSurveyRequestProps;
