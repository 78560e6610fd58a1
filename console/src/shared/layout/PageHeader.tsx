import { Breadcrumb, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';

export interface Crumb {
  title: string;
  path?: string;
}

interface PageHeaderProps {
  title: ReactNode;
  /** The text for the browser tab, when the title is not plain text. */
  documentTitle?: string;
  subtitle?: ReactNode;
  breadcrumb?: Crumb[];
  extra?: ReactNode;
  children?: ReactNode;
}

/** A page's title row: where it is, what it is, and its main actions on the right. */
export function PageHeader({ title, documentTitle, subtitle, breadcrumb, extra, children }: PageHeaderProps) {
  const tabTitle = documentTitle ?? (typeof title === 'string' ? title : undefined);
  useEffect(() => {
    document.title = tabTitle ? `${tabTitle} · Siyu` : 'Siyu';
  }, [tabTitle]);

  return (
    <div className="page-header">
      {breadcrumb && breadcrumb.length > 0 && (
        <Breadcrumb
          className="page-breadcrumb"
          items={breadcrumb.map((crumb) => ({
            key: crumb.path ?? crumb.title,
            title: crumb.path ? <Link to={crumb.path}>{crumb.title}</Link> : crumb.title,
          }))}
        />
      )}
      <div className="page-header-row">
        <div className="page-header-heading">
          <Typography.Title level={4} className="page-title">
            {title}
          </Typography.Title>
          {subtitle && <div className="page-subtitle">{subtitle}</div>}
        </div>
        {extra && <div className="page-header-extra">{extra}</div>}
      </div>
      {children}
    </div>
  );
}
