import { createContext, useContext } from 'react';
import type { FieldError } from '../../shared/api/client';
import { relativeField } from '../condition/model';

/** What every part of one builder shares: the server's field errors placed on conditions, and what may be referred to. */
export interface BuilderSettings {
  errors: Map<string, FieldError[]>;
  /** The segment being edited, which may not refer to itself. */
  segmentId?: number;
  /** Lifecycle stage conditions cannot refer to segments. */
  allowSegments: boolean;
}

export const BuilderContext = createContext<BuilderSettings>({ errors: new Map(), allowSegments: true });

/** The path of the rule being edited, for its inputs to find their errors. */
export const RulePathContext = createContext<string>('');

/** The errors of the condition at a path. */
export function useErrorsAt(path: string): FieldError[] {
  return useContext(BuilderContext).errors.get(path) ?? [];
}

/** An input's status: "error" when the server named its field (or a part of it) in a 400 answer. */
export function useFieldStatus(): (field: string) => 'error' | undefined {
  const path = useContext(RulePathContext);
  const errors = useErrorsAt(path);
  return (field) =>
    errors.some((error) => {
      const relative = relativeField(error.field, path);
      return relative === field || relative.startsWith(`${field}.`) || relative.startsWith(`${field}[`);
    })
      ? 'error'
      : undefined;
}
