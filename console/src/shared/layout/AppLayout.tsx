import { LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Layout, Menu, Space, Tag, Tooltip, Typography, type MenuProps } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useSession } from '../../access/SessionProvider';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { PageSpinner } from '../components/PageSpinner';
import { useI18n } from '../i18n/I18nProvider';
import { roleLabel } from '../labels';
import { isGroup, NAVIGATION, navigationTestId, selectedKey, type NavigationEntry } from './navigation';
import { Logo } from './Logo';

const { Header, Sider, Content } = Layout;

type MenuItem = Required<MenuProps>['items'][number];

/** The frame around every signed-in page: module navigation on the side, the operator and language on top. */
export function AppLayout() {
  const { t } = useI18n();
  const { session, can, signOut } = useSession();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);

  const items = useMemo<MenuProps['items']>(() => {
    const link = (entry: NavigationEntry): MenuItem => ({
      key: entry.key,
      icon: entry.icon,
      label: (
        <Link to={entry.path} data-testid={navigationTestId(entry)}>
          {t(entry.label)}
        </Link>
      ),
    });
    return NAVIGATION.flatMap((entry): MenuItem[] => {
      if (isGroup(entry)) {
        const children = entry.children.filter((child) => can(child.permission)).map(link);
        return children.length > 0 ? [{ key: entry.key, icon: entry.icon, label: t(entry.label), children }] : [];
      }
      return can(entry.permission) ? [link(entry)] : [];
    });
  }, [can, t]);

  const selected = selectedKey(location.pathname);

  return (
    <Layout className="app-shell">
      <Sider
        width={224}
        collapsedWidth={64}
        collapsed={collapsed}
        theme="dark"
        className="app-sider"
        breakpoint="lg"
        onBreakpoint={(broken) => setCollapsed(broken)}
      >
        <Link to="/" className="app-brand" aria-label="Siyu">
          <Logo />
          {!collapsed && (
            <span className="app-brand-text">
              <span className="app-brand-name">Siyu</span>
              <span className="app-brand-tagline">{t('app.tagline')}</span>
            </span>
          )}
        </Link>
        <Menu
          theme="dark"
          mode="inline"
          items={items}
          selectedKeys={selected ? [selected] : []}
          defaultOpenKeys={['audience', 'messaging', 'settings']}
        />
      </Sider>
      <Layout>
        <Header className="app-header">
          <Button
            type="text"
            aria-label={t(collapsed ? 'nav.expand' : 'nav.collapse')}
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed((value) => !value)}
          />
          <Space size={4} className="app-header-actions">
            <LanguageSwitch />
            {session && (
              <Space size={8} className="app-operator" data-testid="current-operator">
                <Avatar size="small" icon={<UserOutlined />} className="app-avatar" />
                <Typography.Text strong>{session.displayName || session.username}</Typography.Text>
                <Tag color="blue" variant="filled">
                  {roleLabel(t, session.role)}
                </Tag>
              </Space>
            )}
            <Tooltip title={t('session.signOut')}>
              <Button
                type="text"
                icon={<LogoutOutlined />}
                data-testid="sign-out"
                onClick={() => void signOut()}
              >
                {t('session.signOut')}
              </Button>
            </Tooltip>
          </Space>
        </Header>
        <Content className="app-content">
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
