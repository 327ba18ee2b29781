// What a failed query may say about itself without echoing data: its SQLSTATE and the error's class name. Driver
// messages often quote the offending value ("invalid input syntax for type uuid: …"), so logs and answers carry
// these two only. drizzle wraps the driver's error (DrizzleQueryError.cause), so the chain of causes is walked.

export function sqlStateOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * A value the database cannot take (class 22, data exception: bad text encoding, out-of-range date or number…;
 * class 54, program limit exceeded: nesting too deep, value too large). A fault of the data, not of the server.
 */
export function isDataError(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state !== undefined && (state.startsWith('22') || state.startsWith('54'));
}

/** Log fields for a failure: never its message. */
export function errorFields(error: unknown): { errorType: string; sqlState?: string } {
  const errorType = error instanceof Error ? error.constructor.name : typeof error;
  const sqlState = sqlStateOf(error);
  return sqlState ? { errorType, sqlState } : { errorType };
}
