/** @jsxImportSource react */
import { Heading, Text } from '@react-email/components';
import { basisOf, type CommentText, type CohortReport as Report } from '../domain/report.js';
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
  const { basis } = report;
  // A figure nobody gave an answer for says so, rather than 0; the others, how many answers they rest on.
  const shown = (value: number | null, unit: MessageKey, on?: Parameters<typeof basisOf>[1]) =>
    value === null ? t('adminEmail.report.noAnswers') : t(unit, { value }) + basisOf(text, on);
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
          checkIns: shown(report.checkInResponseRate, 'adminEmail.report.percent', basis?.checkIns),
          finalSurvey: shown(report.finalSurveyResponseRate, 'adminEmail.report.percent', basis?.finalSurvey),
          mentees: shown(report.menteeSatisfaction, 'adminEmail.report.outOf5', basis?.menteeSatisfaction),
          mentors: shown(report.mentorSatisfaction, 'adminEmail.report.outOf5', basis?.mentorSatisfaction),
          nps: shown(report.recommendNps, 'adminEmail.report.nps', basis?.recommend),
          ...report.questionsAnswered,
        })}
      </Text>
      {report.meetings && (
        <Text>
          {t('adminEmail.report.meetings', {
            ...report.meetings,
            pairs: report.pairs,
            useful: shown(report.meetings.useful, 'adminEmail.report.outOf5', basis?.feedback),
            meetAgain: shown(report.meetings.meetAgain, 'adminEmail.report.percent', basis?.feedback),
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
    basis: {
      checkIns: { got: 415, of: 480 },
      finalSurvey: { got: 64, of: 70 },
      menteeSatisfaction: 33,
      mentorSatisfaction: 31,
      recommend: 64,
      feedback: 80,
    },
  },
  comments: [{ role: 'mentee', text: 'More structure for the first meeting.' }],
  reportUrl: 'http://localhost:3000/admin/cohorts/alumni-2027#report',
} satisfies CohortReportProps;
