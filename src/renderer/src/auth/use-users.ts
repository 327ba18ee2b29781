// The register's users (auth:users: names, roles and locks; never a PIN or hash), re-read on demand — after a
// failed PIN, so a lock that just started shows at once.
import { useCallback, useEffect, useState } from 'react';
import type { UserView } from '../../../shared/ipc/areas/auth/contract';
import { attempt, sago } from '../api/sago';

export function useUsers(): { users: UserView[] | null; error: string | null; reload: () => Promise<UserView[]> } {
  const [users, setUsers] = useState<UserView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    const result = await attempt(() => sago().auth.users({}));
    if (!result.ok) {
      setError(result.error.message);
      return [];
    }
    setError(null);
    setUsers(result.value);
    return result.value;
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { users, error, reload };
}
