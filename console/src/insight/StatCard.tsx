import { Card, Skeleton, Tooltip } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';

interface StatCardProps {
  title: string;
  value: string;
  hint?: string;
  footer?: ReactNode;
  icon: ReactNode;
  accent: string;
  loading: boolean;
  testId: string;
}

/** One headline number of the overview, with a line of context under it. */
export function StatCard({ title, value, hint, footer, icon, accent, loading, testId }: StatCardProps) {
  return (
    <Card className="stat-card" variant="borderless" data-testid={testId}>
      <div className="stat-card-head">
        <span className="stat-card-title">
          {title}
          {hint && (
            <Tooltip title={hint}>
              <InfoCircleOutlined className="stat-card-hint" />
            </Tooltip>
          )}
        </span>
        <span className="stat-card-icon" style={{ color: accent, background: `${accent}14` }}>
          {icon}
        </span>
      </div>
      {loading ? (
        <Skeleton active paragraph={false} title={{ width: '60%' }} className="stat-card-skeleton" />
      ) : (
        <div className="stat-card-value" data-testid={`${testId}-value`}>
          {value}
        </div>
      )}
      <div className="stat-card-footer">{loading ? '\u00a0' : footer}</div>
    </Card>
  );
}
