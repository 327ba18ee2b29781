import { describe, expect, it } from 'vitest';
import { SHORTCUTS, parseSearchCommand, shortcutFor, shortcutLabel } from './keyboard';

const press = (
  key: string,
  mods: Partial<{ ctrlKey: boolean; altKey: boolean; metaKey: boolean; shiftKey: boolean }> = {},
) => shortcutFor({ key, ctrlKey: false, altKey: false, metaKey: false, ...mods });

describe('checkout keyboard map', () => {
  it('maps each F-key shown on screen to one action, and no key twice', () => {
    expect(press('F1')).toBe('help');
    expect(press('F2')).toBe('newSale');
    expect(press('F3')).toBe('customer');
    expect(press('F4')).toBe('pay');
    expect(press('F6')).toBe('park');
    expect(press('F7')).toBe('recall');
    expect(press('F8')).toBe('voidLine');
    expect(press('F9')).toBe('reprint');
    expect(press('F10')).toBe('documents');
    expect(press('F4', { shiftKey: true })).toBe('ticketDiscount');
    expect(press('F9', { shiftKey: true })).toBe('tillReturn');
    expect(press('F2', { shiftKey: true })).toBeNull();
    expect(new Set(SHORTCUTS.map(shortcutLabel)).size).toBe(SHORTCUTS.length);
    expect(shortcutLabel({ key: 'F4', shift: true })).toBe('Shift+F4');
    expect(new Set(SHORTCUTS.map((s) => s.action)).size).toBe(SHORTCUTS.length);
  });

  it('leaves browser keys and modified presses alone', () => {
    for (const key of ['F5', 'F11', 'F12', 'Enter', 'a']) expect(press(key)).toBeNull();
    expect(press('F4', { ctrlKey: true })).toBeNull();
    expect(press('F4', { altKey: true })).toBeNull();
  });

  it('reads what the scanner or the cashier typed', () => {
    expect(parseSearchCommand('  ')).toEqual({ kind: 'editLine' });
    expect(parseSearchCommand('7501234567890')).toEqual({ kind: 'find', text: '7501234567890', cantidad: '1' });
    expect(parseSearchCommand('3*1001')).toEqual({ kind: 'find', text: '1001', cantidad: '3.00' });
    expect(parseSearchCommand('1,5 x arroz')).toEqual({ kind: 'find', text: 'arroz', cantidad: '1.50' });
    expect(parseSearchCommand('leche descremada')).toEqual({ kind: 'find', text: 'leche descremada', cantidad: '1' });
    expect(parseSearchCommand('0*1001')).toEqual({ kind: 'badQuantity', text: '0*1001' });
  });

  it('refuses negative quantities (returns have their own flow)', () => {
    expect(parseSearchCommand('-1*P012')).toEqual({ kind: 'negativeQuantity', text: '-1*P012' });
    expect(parseSearchCommand('-2 x arroz')).toEqual({ kind: 'negativeQuantity', text: '-2 x arroz' });
    expect(parseSearchCommand('-')).toEqual({ kind: 'stepDown' });
    expect(parseSearchCommand('-1')).toEqual({ kind: 'negativeQuantity', text: '-1' });
    expect(parseSearchCommand('agua-1')).toEqual({ kind: 'find', text: 'agua-1', cantidad: '1' });
  });
});
