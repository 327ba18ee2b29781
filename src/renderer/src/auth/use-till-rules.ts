// The store's loss-prevention rules as the till applies them (till:rules), read once per signed-in user. The core
// enforces them; screens use them only to ask for a gerente's PIN at the right moment and to hide what a blind count
// must not show.
import { useEffect, useState } from 'react';
import type { LossPrevention } from '../../../shared/ipc/areas/loss-prevention/contract';
import { attempt, sago } from '../api/sago';
import { useSession } from './session';

export function useTillRules(): LossPrevention | null {
  const { session } = useSession();
  const userName = session?.user?.username ?? null;
  const [rules, setRules] = useState<LossPrevention | null>(null);
  useEffect(() => {
    let live = true;
    setRules(null);
    if (userName === null) return undefined;
    void attempt(() => sago().till.rules({})).then((r) => {
      if (live && r.ok) setRules(r.value);
    });
    return () => {
      live = false;
    };
  }, [userName]);
  return rules;
}
