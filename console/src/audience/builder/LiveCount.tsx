import { LoadingOutlined, TeamOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { ApiError } from '../../shared/api/client';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import type { ApiState } from '../../shared/hooks/useApi';
import { useFormat } from '../../shared/hooks/useFormat';
import { useI18n } from '../../shared/i18n/I18nProvider';
import type { Count } from '../api';

/** The live count while a condition is edited: how many customers, of how many, and how long the server took. */
export function LiveCount({ count, settled }: { count: ApiState<Count>; settled: boolean }) {
  const { t } = useI18n();
  const format = useFormat();
  const invalid = count.error instanceof ApiError && count.error.status === 400;
  const state = !settled ? 'counting' : count.error ? 'error' : 'ready';
  if (count.error && !invalid) {
    return <ProblemAlert error={count.error} onRetry={count.reload} className="form-alert" />;
  }
  const result = count.data;
  return (
    <div className={`live-count live-count-${state}`} data-testid="live-count" data-state={state}>
      <TeamOutlined className="live-count-icon" />
      {invalid ? (
        <span className="live-count-invalid">{t('builder.countInvalid')}</span>
      ) : (
        <>
          <span className="live-count-value" data-testid="live-count-value">
            {result ? format.number(result.count) : '—'}
          </span>
          <span className="live-count-text">
            {result
              ? t('builder.countOf', { live: format.number(result.live), share: format.percent(result.count, result.live) })
              : t('builder.counting')}
          </span>
          {result && (
            <Tooltip title={t('builder.tookHint')}>
              <span className="live-count-took muted small" data-testid="live-count-took">
                {t('builder.took', { ms: format.decimal(result.tookMillis) })}
              </span>
            </Tooltip>
          )}
        </>
      )}
      {state === 'counting' && <LoadingOutlined className="live-count-spinner" />}
    </div>
  );
}
