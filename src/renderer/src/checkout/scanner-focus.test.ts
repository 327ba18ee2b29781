import { describe, expect, it } from 'vitest';
import { focusKind, redirectedKeyEffect, scannerCharacter, type ScanKey } from './scanner-focus';

const key = (k: string, mods: Partial<ScanKey> = {}): ScanKey => ({
  key: k,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe('which focused element takes typed keys', () => {
  it('is nothing for the page itself (no element focused)', () => {
    expect(focusKind(null)).toBe('nothing');
    expect(focusKind({ tagName: 'BODY' })).toBe('nothing');
    expect(focusKind({ tagName: 'HTML' })).toBe('nothing');
  });

  it('is editable for text fields, textareas, selects and contenteditable', () => {
    expect(focusKind({ tagName: 'INPUT', type: 'text' })).toBe('editable');
    expect(focusKind({ tagName: 'INPUT' })).toBe('editable');
    expect(focusKind({ tagName: 'INPUT', type: 'search' })).toBe('editable');
    expect(focusKind({ tagName: 'INPUT', type: 'password' })).toBe('editable');
    expect(focusKind({ tagName: 'INPUT', type: 'number' })).toBe('editable');
    expect(focusKind({ tagName: 'TEXTAREA' })).toBe('editable');
    expect(focusKind({ tagName: 'SELECT' })).toBe('editable');
    expect(focusKind({ tagName: 'DIV', isContentEditable: true })).toBe('editable');
  });

  it('is a control for buttons, checkboxes, rows and links (keys typed there reach no field)', () => {
    expect(focusKind({ tagName: 'BUTTON' })).toBe('control');
    expect(focusKind({ tagName: 'INPUT', type: 'checkbox' })).toBe('control');
    expect(focusKind({ tagName: 'INPUT', type: 'radio' })).toBe('control');
    expect(focusKind({ tagName: 'TR' })).toBe('control');
    expect(focusKind({ tagName: 'A' })).toBe('control');
    expect(focusKind({ tagName: 'DIV', isContentEditable: false })).toBe('control');
  });
});

describe('a key typed at the till with no field focused', () => {
  it('goes to the search field when it is a printable character and nothing editable has the focus', () => {
    for (const k of ['7', '0', 'A', 'p', '*', '-', '.']) {
      expect(scannerCharacter(key(k), 'nothing', false)).toBe(k);
      expect(scannerCharacter(key(k), 'control', false)).toBe(k);
    }
    expect(scannerCharacter(key('P', { shiftKey: true }), 'nothing', false)).toBe('P'); // Shift makes capitals
  });

  it('stays in the field that has the focus', () => {
    expect(scannerCharacter(key('7'), 'editable', false)).toBeNull();
    expect(scannerCharacter(key('a'), 'editable', false)).toBeNull();
  });

  it('stays where it is while a dialog is open, wherever the focus is', () => {
    expect(scannerCharacter(key('7'), 'nothing', true)).toBeNull();
    expect(scannerCharacter(key('7'), 'control', true)).toBeNull();
  });

  it('is never taken with Ctrl, Alt or Meta held (the cashier’s own shortcuts)', () => {
    expect(scannerCharacter(key('c', { ctrlKey: true }), 'nothing', false)).toBeNull();
    expect(scannerCharacter(key('4', { altKey: true }), 'nothing', false)).toBeNull();
    expect(scannerCharacter(key('v', { metaKey: true }), 'control', false)).toBeNull();
  });

  it('leaves named keys alone: F-keys (the till’s shortcuts), Enter, Tab, arrows, Escape, Backspace', () => {
    for (const k of ['F1', 'F4', 'F9', 'F12', 'Enter', 'Tab', 'ArrowUp', 'Escape', 'Backspace', 'Shift', 'Dead']) {
      expect(scannerCharacter(key(k), 'nothing', false)).toBeNull();
    }
  });

  it('leaves a key an input method is composing', () => {
    expect(scannerCharacter(key('a', { isComposing: true }), 'nothing', false)).toBeNull();
  });

  it('leaves Space to the focused button or checkbox it presses, and takes it when nothing is focused', () => {
    expect(scannerCharacter(key(' '), 'control', false)).toBeNull();
    expect(scannerCharacter(key(' '), 'nothing', false)).toBe(' ');
  });

  it('takes one character written with two UTF-16 units as one key', () => {
    expect(scannerCharacter(key('ñ'), 'nothing', false)).toBe('ñ');
    expect(scannerCharacter(key('𝟘'), 'nothing', false)).toBe('𝟘');
  });
});

describe('what a key sent to the search field does there', () => {
  it("steps the selected line for '+' on an empty field, as the field's own '+' does", () => {
    expect(redirectedKeyEffect('+', '')).toBe('stepLine');
    expect(redirectedKeyEffect('+', '  ')).toBe('stepLine');
  });

  it("types '+' after text already in the field, and every other character", () => {
    expect(redirectedKeyEffect('+', 'P00')).toBe('type');
    expect(redirectedKeyEffect('7', '')).toBe('type');
    expect(redirectedKeyEffect('-', '')).toBe('type'); // '-' then Enter is the field's own rule (keyboard.ts)
  });
});
