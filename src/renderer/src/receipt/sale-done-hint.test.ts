import { describe, expect, it } from 'vitest';
import { es } from '../i18n/es';
import { saleDoneHint } from './sale-done-hint';

describe('saleDoneHint', () => {
  it('sends the cashier to the gerente for a rejected or failed sale, never "se actualiza solo"', () => {
    expect(saleDoneHint('REJECTED', null)).toBe('nextSteps.rejectedSale');
    expect(saleDoneHint('FAILED', null)).toBe('nextSteps.failedSale');
    expect(es.nextSteps.rejectedSale).toMatch(/gerente/);
    expect(es.nextSteps.rejectedSale).not.toMatch(/actualiza solo/);
    expect(es.nextSteps.failedSale).toMatch(/gerente/);
  });

  it('says a queued sale updates by itself and an authorised one is final', () => {
    expect(saleDoneHint('QUEUED', null)).toBe('saleDone.pendingHint');
    expect(saleDoneHint('PROCESSING', null)).toBe('saleDone.pendingHint');
    expect(saleDoneHint('AUTHORIZED', 'FE0120000')).toBe('saleDone.authorizedHint');
  });
});
