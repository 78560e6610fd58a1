import type { HTMLAttributes } from 'react';

/**
 * Props that give an element a `data-testid` (and optionally a click handler) where a component takes its element's
 * props as an object, such as a table row or a dialog's button; React's types accept data-* attributes only in JSX.
 */
export function testProps(testId: string, onClick?: () => void): HTMLAttributes<HTMLElement> {
  const props: Record<string, unknown> = { 'data-testid': testId };
  if (onClick) {
    props.onClick = onClick;
  }
  return props as HTMLAttributes<HTMLElement>;
}
