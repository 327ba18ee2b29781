import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS_ES } from '../../../shared/audit/action-labels';
import { AUDIT_ACTION_LABELS_EN } from './audit-labels-en';
import { auditActionLabel, auditDetailLines } from './audit-view';

describe('audit view', () => {
  it('labels every action in both languages', () => {
    expect(Object.keys(AUDIT_ACTION_LABELS_EN).sort()).toEqual(Object.keys(AUDIT_ACTION_LABELS_ES).sort());
    expect(auditActionLabel('sale.captured', 'es-PA')).toBe('Documento emitido');
    expect(auditActionLabel('sale.captured', 'en')).toBe('Document issued');
    expect(auditActionLabel('futuro.algo', 'es-PA')).toBe('Otra acción (futuro.algo)');
  });

  it('shows a settings change as what changed, before → after, and other details as lines, never JSON', () => {
    const words = { before: 'antes', after: 'después', yes: 'sí', no: 'no', language: 'es-PA' };
    expect(auditDetailLines({ before: { copies: 1, paper: '80' }, after: { copies: 2, paper: '80' } }, words)).toEqual(['copies: 1 → 2']);
    expect(auditDetailLines({ codigo: 'P012', before: '12.50', after: '0.01', approvalRequired: true }, words))
      .toEqual(['antes: 12.50', 'después: 0.01', 'Código: P012', 'Requería gerente: sí']);
    expect(auditDetailLines({ exceptions: [{ kind: 'priceOverride', codigo: 'P1' }], motivo: null }, words))
      .toEqual(['Excepciones: kind: priceOverride; Código: P1', 'Motivo: —']);
    // An action named in the details (what an approval was for) reads as its label.
    expect(auditDetailLines({ for: 'till.voidLine' }, { ...words, language: 'en' })).toEqual(['For: Line voided at the till']);
  });
});
