import { Col, Row, Statistic, type ColProps } from 'antd';

export interface Figure {
  title: string;
  value: string;
}

interface StatisticRowProps {
  figures: Figure[];
  /** How wide each figure is at each screen size; four to a row, two on small screens, unless told. */
  width?: Pick<ColProps, 'xs' | 'md' | 'xl'>;
  className?: string;
}

/** Figures side by side, each a title over its value. */
export function StatisticRow({ figures, width = { xs: 12, md: 6 }, className }: StatisticRowProps) {
  return (
    <Row gutter={[16, 16]} className={className}>
      {figures.map((figure) => (
        <Col key={figure.title} {...width}>
          <Statistic title={figure.title} value={figure.value} />
        </Col>
      ))}
    </Row>
  );
}
