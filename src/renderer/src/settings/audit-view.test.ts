import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS_ES } from '../../../shared/audit/action-labels';
import { AUDIT_FIELD_LABELS } from './audit-field-labels';
import { AUDIT_ACTION_LABELS_EN } from './audit-labels-en';
import { auditActionLabel, auditDetailLines } from './audit-view';

describe('audit view', () => {
  it('labels every action in both languages', () => {
    expect(Object.keys(AUDIT_ACTION_LABELS_EN).sort()).toEqual(Object.keys(AUDIT_ACTION_LABELS_ES).sort());
    expect(auditActionLabel('sale.captured', 'es-PA')).toBe('Documento emitido');
    expect(auditActionLabel('sale.captured', 'en')).toBe('Document issued');
    expect(auditActionLabel('futuro.algo', 'es-PA')).toBe('Otra acción (futuro.algo)');
    expect(Object.keys(AUDIT_FIELD_LABELS.en).sort()).toEqual(Object.keys(AUDIT_FIELD_LABELS.es).sort());
  });

  it('shows a settings change as what changed, before → after, and other details as lines, never JSON', () => {
    const words = { before: 'antes', after: 'después', yes: 'sí', no: 'no', language: 'es-PA' };
    expect(auditDetailLines({ before: { copies: 1, paper: '80' }, after: { copies: 2, paper: '80' } }, words)).toEqual([
      'Copias: 1 → 2',
    ]);
    expect(auditDetailLines({ codigo: 'P012', before: '12.50', after: '0.01', approvalRequired: true }, words)).toEqual(
      ['antes: 12.50', 'después: 0.01', 'Código: P012', 'Requería gerente: sí'],
    );
    expect(auditDetailLines({ exceptions: [{ kind: 'priceOverride', codigo: 'P1' }], motivo: null }, words)).toEqual([
      'Excepciones: Tipo: Cambio de precio en caja; Código: P1',
      'Motivo: —',
    ]);
    // An action named in the details (what an approval was for) reads as its label.
    expect(auditDetailLines({ for: 'till.voidLine' }, { ...words, language: 'en' })).toEqual([
      'For: Line voided at the till',
    ]);
  });

  it('shows a catalogue import\'s field changes as "code — field: before → after", an error by its kind, and no raw key', () => {
    const words = {
      before: 'antes',
      after: 'después',
      yes: 'sí',
      no: 'no',
      language: 'es-PA',
      errorKind: (k: string) => (k === 'connection_refused' ? 'Conexión rechazada' : null),
    };
    expect(
      auditDetailLines(
        {
          rows: 2,
          skippedRows: [],
          changes: [{ codigo: 'P016', field: 'precio', before: '3.80', after: '3.95' }],
          changeCount: 1,
        },
        words,
      ),
    ).toEqual(['Filas: 2', 'Filas omitidas: —', 'Cambios: P016 — Precio: 3.80 → 3.95', 'Número de cambios: 1']);
    expect(auditDetailLines({ error: 'connection_refused: ECONNREFUSED 127.0.0.1:9' }, words)).toEqual([
      'Error: Conexión rechazada (ECONNREFUSED 127.0.0.1:9)',
    ]);
    expect(auditDetailLines({ error: 'otro_fallo: x' }, words)).toEqual(['Error: otro_fallo: x']);
    expect(auditDetailLines({ someNewField: 1 }, { ...words, language: 'en' })).toEqual(['some new field: 1']);
    // DGI catalogue codes with their names.
    expect(auditDetailLines({ before: { tipoSucursal: '1' }, after: { tipoSucursal: '2' } }, words)).toEqual([
      'Tipo de sucursal: 1 · Mayoría al detal → 2 · Mayoría al por mayor',
    ]);
    expect(
      auditDetailLines({ changes: [{ codigo: 'A1', field: 'tasaItbms', before: '01', after: '00' }] }, words),
    ).toEqual(['Cambios: A1 — ITBMS: 01 · 7 % → 00 · Exento (0 %)']);
  });
});
