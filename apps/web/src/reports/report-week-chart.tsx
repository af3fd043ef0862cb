import type { ReportStats } from '@samverkan/contracts';
import type { Chart } from 'chart.js';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/use-i18n';
import { REPORT_CATEGORY_LOOKS } from './report-categories';
import { weekChartData, weekNumber } from './report-stats';
import './reports.css';

/**
 * Reports by category per week, as stacked bars (Chart.js), from `GET /api/reports/stats?groupBy=week`.
 * Counts only. A table with the same numbers is there for screen readers (the chart is a picture).
 * Reusable as it is in the meetings' "since last meeting" summary.
 */
export function ReportWeekChart({ stats, title }: { stats: ReportStats; title?: string }) {
  const { t, language } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const tableId = useId();
  const [failed, setFailed] = useState(false);
  const data = useMemo(() => weekChartData(stats), [stats]);
  const weekLabels = data.weeks.map((week) => t('reports.chart.week', { week: weekNumber(week) }));

  useEffect(() => {
    if (data.total === 0 || !canvas.current) return;
    let chart: Chart | null = null;
    let cancelled = false;
    import('./chart-setup').then(
      ({ Chart }) => {
        if (cancelled || !canvas.current) return;
        chart = new Chart(canvas.current, {
          type: 'bar',
          data: {
            labels: weekLabels,
            datasets: data.series.map((series) => ({
              label: t(REPORT_CATEGORY_LOOKS[series.category].label),
              data: series.counts,
              backgroundColor: REPORT_CATEGORY_LOOKS[series.category].color,
              borderWidth: 0,
              maxBarThickness: 36,
            })),
          },
          options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            scales: {
              x: { stacked: true, grid: { display: false } },
              y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
            },
            plugins: {
              legend: { position: 'bottom', labels: { boxWidth: 12, boxHeight: 12 } },
              tooltip: {
                callbacks: {
                  title: (items) => {
                    const index = items[0]?.dataIndex ?? 0;
                    return t('reports.chart.weekFrom', {
                      week: weekLabels[index],
                      date: formatDate(data.weekStarts[index], language),
                    });
                  },
                },
              },
            },
          },
        });
      },
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [data, language]);

  if (data.total === 0) {
    return (
      <figure class="report-chart report-chart--empty">
        {title && <figcaption class="report-chart__title">{title}</figcaption>}
        <p class="muted">{t('reports.chart.empty')}</p>
      </figure>
    );
  }

  return (
    <figure class="report-chart" data-testid="report-week-chart">
      {title && <figcaption class="report-chart__title">{title}</figcaption>}
      <div class="report-chart__canvas">
        <canvas
          ref={canvas}
          role="img"
          aria-label={t('reports.chart.summary', { total: data.total, weeks: data.weeks.length })}
          aria-describedby={tableId}
        />
      </div>
      {failed && <p class="field-error">{t('reports.chart.failed')}</p>}
      <table class={failed ? 'report-table' : 'visually-hidden'} id={tableId}>
        <caption>{t('reports.chart.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.chart.weekColumn')}</th>
            {data.series.map((series) => (
              <th scope="col" key={series.category}>
                {t(REPORT_CATEGORY_LOOKS[series.category].label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.weeks.map((week, index) => (
            <tr key={week}>
              <th scope="row">{weekLabels[index]}</th>
              {data.series.map((series) => (
                <td key={series.category}>{series.counts[index]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
