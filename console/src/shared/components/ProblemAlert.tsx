import { Alert, Button } from 'antd';
import { ApiError } from '../api/client';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/I18nProvider';

interface ProblemAlertProps {
  error: unknown;
  onRetry?: () => void;
  className?: string;
}

/** A failed call, told the way the server told it: its detail and, for invalid input, each field's rule. */
export function ProblemAlert({ error, onRetry, className }: ProblemAlertProps) {
  const { t } = useI18n();
  if (!error) {
    return null;
  }
  const { status, detail, fieldErrors } = describe(error, t('error.network'));
  return (
    <Alert
      className={className}
      type="error"
      showIcon
      title={t(titleFor(status))}
      description={
        detail || fieldErrors.length > 0 ? (
          <>
            {detail && <div>{detail}</div>}
            {fieldErrors.length > 0 && (
              <ul className="problem-fields">
                {fieldErrors.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
          </>
        ) : undefined
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('action.retry')}
          </Button>
        ) : undefined
      }
      role="alert"
    />
  );
}

function titleFor(status: number | undefined): MessageKey {
  switch (status) {
    case undefined:
      return 'error.unreachable';
    case 400:
      return 'error.invalid';
    case 401:
      return 'error.unauthenticated';
    case 403:
      return 'error.forbidden';
    case 404:
      return 'error.notFound';
    case 409:
      return 'error.conflict';
    case 429:
      return 'error.tooMany';
    default:
      return status >= 500 ? 'error.server' : 'error.title';
  }
}

/** What a failure says: its status, its detail, and one line per invalid field. */
export function describe(error: unknown, fallback: string) {
  if (error instanceof ApiError) {
    const { problem } = error;
    return {
      status: problem.status,
      detail: problem.detail ?? problem.title,
      fieldErrors: (problem.errors ?? []).map((fieldError) => `${fieldError.field}: ${fieldError.detail}`),
    };
  }
  return { status: undefined, detail: fallback, fieldErrors: [] as string[] };
}
