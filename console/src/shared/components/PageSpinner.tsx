import { Spin } from 'antd';

export function PageSpinner() {
  return (
    <div className="page-spinner">
      <Spin />
    </div>
  );
}
