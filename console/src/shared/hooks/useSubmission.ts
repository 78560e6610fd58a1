import { App } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, type FieldError } from '../api/client';

export interface SubmitOptions<T> {
  /** The message shown once the call succeeded, before `onSuccess` runs. */
  success?: string | ((result: T) => string);
  onSuccess?: (result: T) => void;
  /** Runs after the failure is kept, for forms that also mark their own inputs. */
  onFailure?: (failure: unknown) => void;
}

export interface Submission {
  /** The call is under way: the submit button shows it and waits. */
  submitting: boolean;
  /** Why the last call failed, until the next one starts or `clear` is called. */
  failure: unknown;
  /** The rules the input broke, each naming its field, when the server refused it (400). */
  fieldErrors: FieldError[];
  /** The detail of the first rule a field broke, by the server's name of the field. */
  fieldError: (field: string) => string | undefined;
  submit: <T>(call: () => Promise<T>, options?: SubmitOptions<T>) => Promise<void>;
  clear: () => void;
}

export interface SubmissionSettings {
  /** The last failure is forgotten whenever this becomes a new truthy value: the dialog opened, for another record. */
  resetOn?: unknown;
}

/**
 * A form's call to the server: whether it is under way, why it failed (the problem details and their field errors)
 * and, when it succeeded, a message and what follows. One call at a time; a new one forgets the last failure.
 */
export function useSubmission({ resetOn }: SubmissionSettings = {}): Submission {
  const { message } = App.useApp();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<unknown>();

  useEffect(() => {
    if (resetOn) {
      setFailure(undefined);
    }
  }, [resetOn]);

  const submit = useCallback(
    async <T>(call: () => Promise<T>, options: SubmitOptions<T> = {}) => {
      setSubmitting(true);
      setFailure(undefined);
      try {
        const result = await call();
        if (options.success !== undefined) {
          void message.success(typeof options.success === 'function' ? options.success(result) : options.success);
        }
        options.onSuccess?.(result);
      } catch (error) {
        setFailure(error);
        options.onFailure?.(error);
      } finally {
        setSubmitting(false);
      }
    },
    [message],
  );
  const clear = useCallback(() => setFailure(undefined), []);

  const fieldErrors = useMemo(
    () => (failure instanceof ApiError && failure.status === 400 ? (failure.problem.errors ?? []) : []),
    [failure],
  );
  const fieldError = useCallback(
    (field: string) => fieldErrors.find((entry) => entry.field === field)?.detail,
    [fieldErrors],
  );
  return { submitting, failure, fieldErrors, fieldError, submit, clear };
}
