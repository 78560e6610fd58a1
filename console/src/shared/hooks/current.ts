export interface Outcome<T> {
  result: (value: T) => void;
  failure: (error: unknown) => void;
  /** After either, as long as the answer still counts (to clear a loading flag). */
  settled: () => void;
}

/**
 * Hands a load's answer on only while its signal is not aborted: an answer to a request made before the dependencies
 * changed (or the component went away) is dropped, and so is the abort's own error.
 */
export function whileCurrent<T>(load: Promise<T>, signal: AbortSignal, outcome: Outcome<T>): void {
  load
    .then((value) => {
      if (!signal.aborted) {
        outcome.result(value);
      }
    })
    .catch((error: unknown) => {
      if (!signal.aborted && !isAbort(error)) {
        outcome.failure(error);
      }
    })
    .finally(() => {
      if (!signal.aborted) {
        outcome.settled();
      }
    });
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
