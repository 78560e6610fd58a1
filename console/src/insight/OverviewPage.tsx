import { Segmented } from 'antd';
import { useState } from 'react';
import { ProblemAlert } from '../shared/components/ProblemAlert';
import { useApi } from '../shared/hooks/useApi';
import { useFormat } from '../shared/hooks/useFormat';
import { useI18n } from '../shared/i18n/I18nProvider';
import { PageHeader } from '../shared/layout/PageHeader';
import { insightApi, WINDOWS, type Window } from './api';
import { OverviewCharts } from './OverviewCharts';
import { OverviewStatistics } from './OverviewStatistics';

const WINDOW_KEY = 'siyu.overview.days';

function initialWindow(): Window {
  const stored = Number(window.sessionStorage.getItem(WINDOW_KEY));
  return (WINDOWS as readonly number[]).includes(stored) ? (stored as Window) : 30;
}

export default function OverviewPage() {
  const { t } = useI18n();
  const format = useFormat();
  const [days, setDays] = useState<Window>(initialWindow);
  const { data, error, loading, reload } = useApi((signal) => insightApi.overview(days, signal), [days]);

  const choose = (value: Window) => {
    window.sessionStorage.setItem(WINDOW_KEY, String(value));
    setDays(value);
  };

  return (
    <>
      <PageHeader
        title={t('overview.title')}
        subtitle={
          data
            ? t('overview.period', { from: format.date(data.from), to: format.date(data.to), zone: data.timeZone })
            : t('overview.subtitle')
        }
        extra={
          <Segmented<Window>
            value={days}
            onChange={choose}
            data-testid="overview-window"
            options={WINDOWS.map((value) => ({ value, label: t(`overview.window.${value}`) }))}
          />
        }
      />
      {error ? <ProblemAlert error={error} onRetry={reload} className="page-alert" /> : null}
      <OverviewStatistics data={data} loading={loading && !data} />
      <OverviewCharts data={data} loading={loading && !data} />
    </>
  );
}
