import type { CohortReport, CommentText } from '../../domain/report.js';
import { basisOf } from '../../domain/report.js';
import type { FlashSchedule } from '../../domain/programme-format.js';
import { ASSETS } from '../assets.js';
import { IfAllowed } from '../views/allowed.js';
import { useTranslator } from '../views/language.js';
import { ReportCharts } from './ReportCharts.js';

/** The cohort's report once it has closed: its figures with what they rest on, its charts and comments, the CSV and print. */
export function ReportCard({
  slug,
  report,
  comments,
  flash,
}: {
  slug: string;
  report: CohortReport;
  comments: CommentText[];
  flash: FlashSchedule | undefined;
}) {
  const text = useTranslator();
  const { t, locale } = text;
  const { basis } = report;
  // Rates and means have one decimal, written as the language does ("4.5", "4,5"), with the answers they rest on.
  const shown = (value: number | null, unit = '', on?: Parameters<typeof basisOf>[1]) =>
    (value === null ? '–' : `${value.toLocaleString(locale)}${unit}`) + basisOf(text, on);
  return (
    <div class="card" id="report">
      <h2>{t('admin.cohort.report.heading')}</h2>
      <div class="figures">
        <div class="figure">
          <b data-figure="completed">{report.completed}</b>
          {t('admin.cohort.report.completed', { pairs: report.pairs })}
        </div>
        <div class="figure">
          <b data-figure="dissolved">{report.dissolved}</b>
          {t('admin.cohort.report.dissolved')}
        </div>
        <div class="figure">
          <b>{report.endedEarly}</b>
          {t('admin.cohort.report.endedEarly')}
        </div>
        <div class="figure">
          <b data-figure="nps">{shown(report.recommendNps)}</b>
          {t('admin.cohort.report.nps')}
          {basis && <span class="hint">{basisOf(text, basis.recommend)}</span>}
        </div>
      </div>
      <p>
        {t('admin.cohort.report.answers', {
          checkIns: shown(report.checkInResponseRate, ' %', basis?.checkIns),
          finalSurvey: shown(report.finalSurveyResponseRate, ' %', basis?.finalSurvey),
          mentees: shown(report.menteeSatisfaction, '/5', basis?.menteeSatisfaction),
          mentors: shown(report.mentorSatisfaction, '/5', basis?.mentorSatisfaction),
          ...report.questionsAnswered,
        })}
      </p>
      {report.charts && <ReportCharts report={{ ...report, charts: report.charts }} flash={flash} />}
      {report.meetings && (
        <p data-report="meetings">
          {t('admin.cohort.report.meetings', {
            ...report.meetings,
            pairs: report.pairs,
            useful: shown(report.meetings.useful, '/5', basis?.feedback),
            meetAgain: shown(report.meetings.meetAgain, ' %', basis?.feedback),
          })}
        </p>
      )}
      {comments.length > 0 && (
        <ul>
          {comments.map((c) => (
            <li>
              {t('admin.cohort.report.comment', { text: c.text })} <span class="hint">({t(`role.${c.role}`)})</span>
            </li>
          ))}
        </ul>
      )}
      <p class="no-print">
        {/* The CSV names every pair and carries their answers: an export of people's data. */}
        <IfAllowed to="personal-data">
          <a href={`/admin/cohorts/${slug}/report.csv`}>{t('admin.cohort.report.csv')}</a>{' '}
        </IfAllowed>
        <button class="secondary" type="button" data-print hidden>
          {t('admin.cohort.report.print')}
        </button>
        <script src={ASSETS.print} defer />
      </p>
    </div>
  );
}
