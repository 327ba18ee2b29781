// Reads one settings area when a section opens (and again on demand), with the core's Spanish error if it fails.
import { useCallback, useEffect, useState } from 'react';
import type { IpcResult } from '../../../shared/ipc/api';
import { attempt } from '../api/sago';

export interface Loaded<T> {
  value: T | null;
  error: string | null;
  setValue: (value: T) => void;
  reload: () => Promise<void>;
}

/** `load` must be stable (a module-level function or a useCallback). */
export function useLoaded<T>(load: () => Promise<IpcResult<T>>): Loaded<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    const result = await attempt(load);
    if (result.ok) {
      setError(null);
      setValue(result.value);
    } else setError(result.error.message);
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { value, error, setValue, reload };
}
