/** @jsxImportSource react */
import { Heading, Text } from '@react-email/components';
import type { CohortReport as Report } from '../domain/report.js';
import { EmailLayout, PersonalLink } from './components/EmailLayout.js';
import { plural } from '../domain/format.js';

export interface CohortReportProps {
  cohortName: string;
  report: Report;
  reportUrl: string;
}

const shown = (value: number | null, unit = '') => (value === null ? 'no answers' : `${value}${unit}`);

/** The programme is over: the figures that say how it went, and what participants said. */
export default function CohortReport({ cohortName, report, reportUrl }: CohortReportProps) {
  return (
    <EmailLayout preview={`${cohortName} is closed: ${report.completed} of ${plural(report.pairs, 'pair')} completed`} footer="You receive this email as an admin of Tandem.">
      <Heading as="h1" style={{ fontSize: '22px' }}>{cohortName}: the report</Heading>
      <Text>
        {plural(report.pairs, 'pair')}: {report.completed} completed, {report.dissolved} dissolved at the charter, {report.endedEarly} ended early or rematched.
      </Text>
      <Text>
        Check-ins answered: {shown(report.checkInResponseRate, ' %')}. Final survey answered: {shown(report.finalSurveyResponseRate, ' %')}.
        Satisfaction: mentees {shown(report.menteeSatisfaction, '/5')}, mentors {shown(report.mentorSatisfaction, '/5')}. Would recommend (NPS): {shown(report.recommendNps)}.
        Mentees whose questions were answered: {report.questionsAnswered.yes} yes, {report.questionsAnswered.partly} partly, {report.questionsAnswered.no} no.
      </Text>
      {report.comments.slice(0, 20).map((c, i) => <Text key={i} style={{ margin: '4px 0' }}>“{c.text}” ({c.role})</Text>)}
      <PersonalLink href={reportUrl} label="Open the report (and its CSV)" />
    </EmailLayout>
  );
}

CohortReport.PreviewProps = {
  cohortName: 'Alumni mentoring 2027',
  report: { pairs: 40, completed: 35, dissolved: 2, endedEarly: 3, checkInResponseRate: 86.5, finalSurveyResponseRate: 91.4, menteeSatisfaction: 4.4, mentorSatisfaction: 4.6, recommendNps: 52, questionsAnswered: { yes: 28, partly: 5, no: 2 }, comments: [{ role: 'mentee', text: 'More structure for the first meeting.' }] },
  reportUrl: 'http://localhost:3000/admin/cohorts/alumni-2027#report',
} satisfies CohortReportProps;
