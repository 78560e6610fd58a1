import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../shared/api/client';
import { LanguageSwitch } from '../shared/components/LanguageSwitch';
import { useFormat } from '../shared/hooks/useFormat';
import { useSubmission } from '../shared/hooks/useSubmission';
import { useI18n } from '../shared/i18n/I18nProvider';
import { Logo } from '../shared/layout/Logo';
import { useSession } from './SessionProvider';

interface Credentials {
  username: string;
  password: string;
}

interface LoginState {
  from?: string;
  reason?: 'expired' | 'signed-out';
}

/** Where to go after signing in: the page asked for, never back to this one or off the site. */
function destination(state: LoginState | null): string {
  const from = state?.from;
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

export default function LoginPage() {
  const { t } = useI18n();
  const format = useFormat();
  const { state: sessionState, signIn } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const state = location.state as LoginState | null;
  const { submitting, failure, submit: run } = useSubmission();

  useEffect(() => {
    document.title = `${t('login.title')} · Siyu`;
  }, [t]);

  if (sessionState.status === 'signed-in' && !submitting) {
    return <Navigate to={destination(state)} replace />;
  }

  const submit = ({ username, password }: Credentials) =>
    run(() => signIn(username.trim(), password), { onSuccess: () => navigate(destination(state), { replace: true }) });

  return (
    <div className="login-page">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <div className="login-panel">
        <div className="login-brand">
          <Logo size={44} />
          <div>
            <div className="login-brand-name">Siyu</div>
            <div className="login-brand-tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <Card className="login-card" variant="borderless">
          <Typography.Title level={4} className="login-title">
            {t('login.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          {state?.reason === 'expired' && !failure && (
            <Alert className="login-alert" type="info" showIcon title={t('login.expired')} />
          )}
          {failure ? <SignInFailure error={failure} retryAt={(at) => format.dateTime(at)} /> : null}
          <Form<Credentials> layout="vertical" requiredMark={false} onFinish={submit} size="large" autoComplete="on">
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
                data-testid="login-username"
                placeholder={t('login.usernamePlaceholder')}
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                data-testid="login-password"
                placeholder={t('login.passwordPlaceholder')}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
        <div className="login-footer">{t('login.footer')}</div>
      </div>
    </div>
  );
}

function SignInFailure({ error, retryAt }: { error: unknown; retryAt: (at: string) => string }) {
  const { t } = useI18n();
  if (error instanceof ApiError) {
    const { problem } = error;
    const title =
      problem.status === 429
        ? problem.retryAt
          ? t('login.heldBackUntil', { time: retryAt(problem.retryAt) })
          : t('login.heldBack')
        : problem.status === 401
          ? t('login.rejected')
          : t('error.title');
    return (
      <Alert
        className="login-alert"
        type="error"
        showIcon
        title={title}
        description={problem.detail}
        data-testid="login-error"
      />
    );
  }
  return <Alert className="login-alert" type="error" showIcon title={t('error.unreachable')} data-testid="login-error" />;
}
