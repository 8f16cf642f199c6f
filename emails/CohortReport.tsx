/** @jsxImportSource react */
import { Heading, Text } from '@react-email/components';
import type { CommentText, CohortReport as Report } from '../domain/report.js';
import type { Locale } from '../i18n/locales.js';
import { translator, type MessageKey } from '../i18n/translator.js';
import { EmailLayout, PersonalLink } from './components/EmailLayout.js';

export interface CohortReportProps {
  /** The cohort's language: the report is written in it. */
  locale: Locale;
  cohortName: string;
  report: Report;
  /** The report's comments in their authors' words. */
  comments: CommentText[];
  reportUrl: string;
}

/** The programme is over: the figures that say how it went, and what participants said. */
export default function CohortReport({ locale, cohortName, report, comments, reportUrl }: CohortReportProps) {
  const text = translator(locale);
  const { t } = text;
  // A figure nobody gave an answer for says so, rather than 0.
  const shown = (value: number | null, unit: MessageKey) => (value === null ? t('adminEmail.report.noAnswers') : t(unit, { value }));
  return (
    <EmailLayout
      text={text}
      preview={t('adminEmail.report.preview', { cohort: cohortName, completed: report.completed, pairs: report.pairs })}
      footer={t('adminEmail.footer')}
    >
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {t('adminEmail.report.heading', { cohort: cohortName })}
      </Heading>
      <Text>
        {t('adminEmail.report.pairs', {
          pairs: report.pairs,
          completed: report.completed,
          dissolved: report.dissolved,
          endedEarly: report.endedEarly,
        })}
      </Text>
      <Text>
        {t('adminEmail.report.figures', {
          checkIns: shown(report.checkInResponseRate, 'adminEmail.report.percent'),
          finalSurvey: shown(report.finalSurveyResponseRate, 'adminEmail.report.percent'),
          mentees: shown(report.menteeSatisfaction, 'adminEmail.report.outOf5'),
          mentors: shown(report.mentorSatisfaction, 'adminEmail.report.outOf5'),
          nps: shown(report.recommendNps, 'adminEmail.report.nps'),
          ...report.questionsAnswered,
        })}
      </Text>
      {report.meetings && (
        <Text>
          {t('adminEmail.report.meetings', {
            ...report.meetings,
            pairs: report.pairs,
            useful: shown(report.meetings.useful, 'adminEmail.report.outOf5'),
            meetAgain: shown(report.meetings.meetAgain, 'adminEmail.report.percent'),
          })}
        </Text>
      )}
      {comments.slice(0, 20).map((c, i) => (
        <Text key={i} style={{ margin: '4px 0' }}>
          {t('adminEmail.report.comment', { text: c.text, role: t(c.role === 'mentee' ? 'role.mentee' : 'role.mentor') })}
        </Text>
      ))}
      <PersonalLink text={text} href={reportUrl} label={t('adminEmail.report.button')} />
    </EmailLayout>
  );
}

CohortReport.PreviewProps = {
  locale: 'en',
  cohortName: 'Alumni mentoring 2027',
  report: {
    pairs: 40,
    completed: 35,
    dissolved: 2,
    endedEarly: 3,
    checkInResponseRate: 86.5,
    finalSurveyResponseRate: 91.4,
    menteeSatisfaction: 4.4,
    mentorSatisfaction: 4.6,
    recommendNps: 52,
    questionsAnswered: { yes: 28, partly: 5, no: 2 },
    comments: [{ pairId: '8f0e4c1a-0000-4000-8000-000000000001', participantId: '8f0e4c1a-0000-4000-8000-000000000002', role: 'mentee' }],
    meetings: { met: 37, useful: 4.3, meetAgain: 82.5, wentOn: 6 },
  },
  comments: [{ role: 'mentee', text: 'More structure for the first meeting.' }],
  reportUrl: 'http://localhost:3000/admin/cohorts/alumni-2027#report',
} satisfies CohortReportProps;
