// Runs a synchronous use case as a handler: a throw becomes a rejected promise, which dispatchIpc maps.
export const run = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));
