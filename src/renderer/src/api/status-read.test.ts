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
  it('takes the whole read when no event arrived meanwhile', () => {
    const read = status({ connectivity: 'offline', queue: { waiting: 1, inFlight: 0, parked: 0, failed: 0 } });
    expect(applyStatusRead({ connectivity: 'online' }, read, NO_EVENTS, NO_EVENTS)).toEqual(read);
  });

  it('keeps the "offline" an event brought over an older "online" read (the read was answered first)', () => {
    const read = status({ connectivity: 'online', queue: { waiting: 1, inFlight: 0, parked: 0, failed: 0 } });
    const next = applyStatusRead({ connectivity: 'offline' }, read, NO_EVENTS, { ...NO_EVENTS, connectivity: 1 });
    expect(next.connectivity).toBe('offline');
    expect(next.queue.waiting).toBe(1); // no queue event meanwhile: the read's counts are the newest
  });

  it('keeps an event that came before the very first read was answered', () => {
    const read = status({ connectivity: 'online' });
    const asked = { ...NO_EVENTS };
    expect(applyStatusRead({ connectivity: 'offline' }, read, asked, { ...asked, connectivity: 1 }).connectivity).toBe(
      'offline',
    );
  });

  it('keeps the queue counts and the contingency of newer events too, and the rest of the read', () => {
    const latest = {
      contingency: { active: true, needsExtendedReason: false, motivo: 'HKA no responde' },
      queue: { waiting: 3, inFlight: 1, parked: 0, failed: 0 },
    };
    const read = status({ environment: 'demo', trainingMode: false });
    const next = applyStatusRead(latest, read, NO_EVENTS, { connectivity: 0, contingency: 2, queue: 5 });
    expect(next).toEqual({ ...read, contingency: latest.contingency, queue: latest.queue });
  });
});
