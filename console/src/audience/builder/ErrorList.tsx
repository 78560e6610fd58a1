import { WarningOutlined } from '@ant-design/icons';
import { relativeField } from '../condition/model';
import { useErrorsAt } from './context';

/** What the server said is wrong with the condition at a path, each with the part it names. */
export function ErrorList({ path }: { path: string }) {
  const errors = useErrorsAt(path);
  if (errors.length === 0) {
    return null;
  }
  return (
    <ul className="builder-errors" role="alert">
      {errors.map((error) => {
        const field = relativeField(error.field, path);
        return (
          <li key={`${error.field}-${error.rule ?? ''}`} data-testid="rule-error" data-field={error.field}>
            <WarningOutlined /> {field && <span className="mono">{field}</span>} {error.detail}
          </li>
        );
      })}
    </ul>
  );
}
