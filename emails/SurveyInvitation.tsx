/** @jsxImportSource react */
import { Button, Heading, Text } from '@react-email/components';
import { EmailLayout, buttonStyle } from './components/EmailLayout.js';

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
      <Button href={surveyUrl} style={buttonStyle}>Answer the survey</Button>
      <Text style={{ fontSize: '13px', color: '#52606d' }}>Or paste this link into your browser: {surveyUrl}</Text>
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
