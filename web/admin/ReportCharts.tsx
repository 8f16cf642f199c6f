import type { CohortReport, ReportCharts as Charts } from '../../domain/report.js';
import { checkInNumber, isMeetingFeedback } from '../../domain/programme-format.js';
import type { FlashSchedule } from '../../domain/programme-format.js';
import { useTranslator } from '../views/language.js';

interface Bar {
  label: string;
  value: number;
  /** Of how many, for a rate: the bar's full length, and "3 of 4" beside it. */
  of?: number;
  tone: 'good' | 'mid' | 'bad' | 'plain';
}

const ROW = 26;
const LABEL = 150;
const LENGTH = 190;

/**
 * One chart: a bar per figure, drawn by the server as SVG (no script, prints as it shows), its figures written
 * beside the bars and in its accessible name, so a screen reader reads them too.
 */
function BarChart({ title, bars, name }: { title: string; bars: Bar[]; name: string }) {
  const { t } = useTranslator();
  const scale = Math.max(1, ...bars.map((b) => b.of ?? b.value));
  const figure = (b: Bar) => (b.of === undefined ? String(b.value) : t('admin.cohort.report.chart.of', { got: b.value, of: b.of }));
  return (
    <figure class="chart" data-chart={name}>
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${LABEL + LENGTH + 70} ${bars.length * ROW}`}
        role="img"
        aria-label={`${title}: ${bars.map((b) => `${b.label} ${figure(b)}`).join(', ')}`}
      >
        {bars.map((b, i) => (
          <g transform={`translate(0 ${i * ROW})`}>
            <text x={LABEL - 8} y={ROW / 2 + 4} text-anchor="end">
              {b.label}
            </text>
            {b.of !== undefined && <rect class="track" x={LABEL} y={4} width={LENGTH} height={ROW - 8} rx={3} />}
            <rect class={`bar ${b.tone}`} x={LABEL} y={4} width={Math.round((LENGTH * b.value) / scale)} height={ROW - 8} rx={3} />
            <text x={LABEL + LENGTH + 6} y={ROW / 2 + 4}>
              {figure(b)}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

const SCORE_TONES: Bar['tone'][] = ['bad', 'bad', 'mid', 'good', 'good'];

/** A chart of nothing but zeros says no more than the figures' "(no answers)": it is left out. */
const answered = (counts: number[]) => counts.some((n) => n > 0);

/** The report's charts: satisfaction by score, the recommendation's groups, check-ins answered round by round, a flash cohort's meetings. */
export function ReportCharts({ report, flash }: { report: CohortReport & { charts: Charts }; flash: FlashSchedule | undefined }) {
  const { t } = useTranslator();
  const { charts, meetings } = report;
  const scores = (answers: number[]) => answers.map((value, i) => ({ label: `${i + 1}/5`, value, tone: SCORE_TONES[i]! }));
  return (
    <div class="charts">
      {answered(charts.satisfaction.mentee) && (
        <BarChart
          name="mentee-satisfaction"
          title={t('admin.cohort.report.chart.menteeSatisfaction')}
          bars={scores(charts.satisfaction.mentee)}
        />
      )}
      {answered(charts.satisfaction.mentor) && (
        <BarChart
          name="mentor-satisfaction"
          title={t('admin.cohort.report.chart.mentorSatisfaction')}
          bars={scores(charts.satisfaction.mentor)}
        />
      )}
      {answered(Object.values(charts.recommend)) && (
        <BarChart
          name="recommend"
          title={t('admin.cohort.report.chart.recommend')}
          bars={[
            { label: t('admin.cohort.report.chart.promoters'), value: charts.recommend.promoters, tone: 'good' },
            { label: t('admin.cohort.report.chart.passives'), value: charts.recommend.passives, tone: 'mid' },
            { label: t('admin.cohort.report.chart.detractors'), value: charts.recommend.detractors, tone: 'bad' },
          ]}
        />
      )}
      {answered(charts.checkIns.map((c) => c.of)) && (
        <BarChart
          name="check-ins"
          title={t('admin.cohort.report.chart.checkIns')}
          bars={charts.checkIns.map(({ round, got, of }) => ({
            label: isMeetingFeedback(flash, round)
              ? t('admin.cohort.report.chart.feedback')
              : t('admin.cohort.report.chart.round', { round: checkInNumber(flash, round) }),
            value: got,
            of,
            tone: 'plain' as const,
          }))}
        />
      )}
      {meetings && (
        <BarChart
          name="meetings"
          title={t('admin.cohort.report.chart.meetings')}
          bars={[
            { label: t('admin.cohort.report.chart.met'), value: meetings.met, of: report.pairs, tone: 'good' },
            { label: t('admin.cohort.report.chart.wentOn'), value: meetings.wentOn, of: report.pairs, tone: 'plain' },
          ]}
        />
      )}
    </div>
  );
}
