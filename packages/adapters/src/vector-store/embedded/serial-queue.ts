/**
 * Runs async tasks one after another in the order they were queued: appends to a file keep the
 * order of the changes they record. A failed task does not block the ones behind it.
 */
export function createSerialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };
}
