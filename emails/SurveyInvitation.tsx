/** @jsxImportSource react */
import { Heading, Text } from '@react-email/components';
import { EmailLayout, PersonalLink } from './components/EmailLayout.js';

export interface SurveyInvitationProps {
  name: string;
  cohortName: string;
  role: 'mentor' | 'mentee';
  surveyUrl: string;
  deadline: string;
}

/** The first email a participant gets: why the intake survey matters, and their personal link. */
export default function SurveyInvitation({ name, cohortName, role, surveyUrl, deadline }: SurveyInvitationProps) {
  const why =
    role === 'mentee'
      ? 'Tell us your goals and what you would like help with, so we can find the mentor who fits you best.'
      : 'Tell us what you can offer and how many mentees you can take, so we can introduce you to mentees you can truly help.';
  return (
    <EmailLayout preview={`${cohortName}: a few questions before we match you`} footer="This link is personal: please do not forward it.">
      <Heading as="h1" style={{ fontSize: '22px' }}>Welcome to {cohortName}, {name}</Heading>
      <Text>You are taking part as a {role}. {why}</Text>
      <Text>It takes about five minutes. Please answer by {deadline}.</Text>
      <PersonalLink href={surveyUrl} label="Answer the survey" />
    </EmailLayout>
  );
}

SurveyInvitation.PreviewProps = {
  name: 'Amina Diallo',
  cohortName: 'Alumni mentoring 2027',
  role: 'mentee',
  surveyUrl: 'http://localhost:3000/survey/preview-token',
  deadline: '3 Dec 17:00 UTC',
} satisfies SurveyInvitationProps;
