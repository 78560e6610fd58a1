/** A `data-testid`, and optionally a click handler, for components that take their element's props as an object. */
export type TestProps = {
  'data-testid': string;
  onClick?: () => void;
};

/**
 * Props for a table row, a dialog's button and the like: React's types accept data-* attributes only in JSX, not in
 * object literals such as `onRow`'s answer or `okButtonProps`.
 */
export function testProps(testId: string, onClick?: () => void): TestProps {
  return onClick ? { 'data-testid': testId, onClick } : { 'data-testid': testId };
}
