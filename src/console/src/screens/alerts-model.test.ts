import { describe, expect, it } from 'vitest';
import { isAlertRule } from '../../../shared/alerts/alert-rules';
import { alertFigure, isWebhookSecret, parseSilentMinutes } from './alerts-model';

describe('alert figures', () => {
  it('says each rule in its unit, in the chosen language', () => {
    expect(alertFigure('hka_down', 61, 'es-PA')).toBe('61 s');
    expect(alertFigure('silent', 45, 'en')).toBe('45 min');
    expect(alertFigure('error_rate', 10, 'en')).toBe('10%');
    expect(alertFigure('error_rate', 12.5, 'es-PA')).toMatch(/^12[.,]5\s?%$/);
    expect(alertFigure('backlog', 1001, 'en')).toBe('1,001');
    expect(alertFigure('folios_low', 99, 'es-PA')).toBe('99');
  });

  it('shows an unknown rule (a newer server) as a plain number, never throws', () => {
    expect(isAlertRule('disk_full')).toBe(false);
    expect(alertFigure('disk_full', 3, 'en')).toBe('3');
  });
});

describe('alert settings input', () => {
  it('takes whole minutes from 1 to 7 days only', () => {
    expect(parseSilentMinutes(' 45 ')).toBe(45);
    expect(parseSilentMinutes('10080')).toBe(10_080);
    for (const bad of ['0', '10081', '4.5', '-3', 'diez', '', '1e3']) expect(parseSilentMinutes(bad)).toBeNull();
  });

  it('accepts the secrets the server accepts', () => {
    expect(isWebhookSecret('s3cret-0123456789')).toBe(true);
    expect(isWebhookSecret('short')).toBe(false);
    expect(isWebhookSecret('with a space 0123456789')).toBe(false);
  });
});
