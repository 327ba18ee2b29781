import { describe, expect, it } from 'vitest';
import type { AppStatus } from '../../../shared/ipc/schemas';
import { applyStatusRead, NO_EVENTS } from './status-read';

const status = (over: Partial<AppStatus> = {}): AppStatus => ({
  environment: 'simulador',
  trainingMode: true,
  connectivity: 'online',
  contingency: { active: false, needsExtendedReason: false },
  queue: { waiting: 0, inFlight: 0, parked: 0, failed: 0 },
  issuer: { razonSocial: 'Tienda', ruc: '155-1-1', dv: '00', codigoSucursal: '0000', puntoFacturacion: '001' },
  ...over,
});

describe('a status read against the events that arrived while it was on its way', () => {
  it('takes the whole read when no event arrived meanwhile, or when nothing was shown yet', () => {
    const read = status({ connectivity: 'offline', queue: { waiting: 1, inFlight: 0, parked: 0, failed: 0 } });
    expect(applyStatusRead(status(), read, NO_EVENTS, NO_EVENTS)).toEqual(read);
    expect(applyStatusRead(null, read, NO_EVENTS, { ...NO_EVENTS, connectivity: 1 })).toEqual(read);
  });

  it('keeps the "offline" an event brought over an older "online" read (the read was answered first)', () => {
    const shown = status({ connectivity: 'offline' });
    const read = status({ connectivity: 'online', queue: { waiting: 1, inFlight: 0, parked: 0, failed: 0 } });
    const next = applyStatusRead(shown, read, NO_EVENTS, { ...NO_EVENTS, connectivity: 1 });
    expect(next.connectivity).toBe('offline');
    expect(next.queue.waiting).toBe(1); // no queue event meanwhile: the read's counts are the newest
  });

  it('keeps the queue counts and the contingency of newer events too, and the rest of the read', () => {
    const shown = status({
      contingency: { active: true, needsExtendedReason: false, motivo: 'HKA no responde' },
      queue: { waiting: 3, inFlight: 1, parked: 0, failed: 0 },
    });
    const read = status({ environment: 'demo', trainingMode: false });
    const next = applyStatusRead(shown, read, NO_EVENTS, { connectivity: 0, contingency: 2, queue: 5 });
    expect(next).toEqual({ ...read, contingency: shown.contingency, queue: shown.queue });
  });
});
