// Before the close: sales on hold are not sales (they are not in the X/Z), so the cashier is told how many there are
// before counting the drawer, in the shift panel's words. The Z itself carries the same count and warning (core).
import { useEffect, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { attempt, sago } from '../api/sago';

export function ParkedWarning(): JSX.Element | null {
  const { t } = useTranslation();
  const [count, setCount] = useState(0);
  useEffect(() => {
    void attempt(() => sago().till.parked({})).then((r) => {
      if (r.ok) setCount(r.value.length);
    });
  }, []);
  if (count === 0) return null;
  return (
    <p className="notice info" role="status" data-testid="parked-warning">
      {t('cashClose.parkedWarning', { count })}
    </p>
  );
}
