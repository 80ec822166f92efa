/**
 * Waits for one step of a test, and when it does not come, fails naming the step and what the
 * test could see then, instead of running into jest's timeout with no word of where it hung.
 * The bound is far above the step's normal time (a bound, not a timed assertion).
 */
export async function namedStep<T>(name: string, work: Promise<T>, seen: () => unknown = () => undefined, boundMs = 45_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`step "${name}" did not finish within ${boundMs} ms; seen then: ${JSON.stringify(seen(), null, 1)}`)), boundMs);
  });
  try {
    return await Promise.race([work, stuck]);
  } finally {
    clearTimeout(timer);
  }
}
