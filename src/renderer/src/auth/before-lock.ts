// Work that must finish before the session is locked (signed out): the checkout saves the basket in progress at once
// instead of waiting for its debounce, so the next user's till finds it and the core parks it under its owner's name.
type Task = () => Promise<void>;

const tasks = new Set<Task>();

/** Registers a task to run before every lock; returns the function that removes it. */
export function beforeLock(task: Task): () => void {
  tasks.add(task);
  return () => {
    tasks.delete(task);
  };
}

/** Runs every registered task (failures are ignored: locking must never be blocked by them). */
export async function runBeforeLock(): Promise<void> {
  await Promise.all([...tasks].map((task) => task().catch(() => undefined)));
}
