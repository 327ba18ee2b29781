// The thermal printer (ESC/POS) of this register: how receipts reach it (the system's print path, raw TCP to a
// network printer — port 9100 — or a USB printer's device), and whether cash sales open the drawer wired to it.
// Spanish messages: the settings panel shows them as they are.
import { z } from 'zod';
import type { ContractEntry } from '../../access';

/** A host name or an IPv4 address, or an IPv6 one (two colons at least, so "host:9100" is not one): no scheme, path or port. */
const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^[0-9A-Fa-f.]*:[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*$/;

const fields = z.object({
  /** system: the receipt on screen through the OS printer (or the browser); network / usb: ESC/POS bytes. */
  kind: z.enum(['system', 'network', 'usb']),
  host: z.string().trim().max(253),
  port: z
    .number({ message: 'El puerto debe ser un número entre 1 y 65535' })
    .int('El puerto debe ser un número entre 1 y 65535')
    .min(1, 'El puerto debe ser un número entre 1 y 65535')
    .max(65535, 'El puerto debe ser un número entre 1 y 65535'),
  /** The USB printer's device: /dev/usb/lp0 on Linux, a shared printer's \\PC\nombre on Windows. */
  devicePath: z.string().trim().max(260),
  /** Cash sales (and a gerente's "abrir gaveta") send the drawer's kick through this printer. */
  drawer: z.boolean(),
});

/** What each kind needs (a host, a device), and the drawer only where ESC/POS bytes go. */
function checkKind(value: z.infer<typeof fields>, ctx: z.RefinementCtx): void {
  if (value.kind === 'network' && !HOST.test(value.host)) {
    ctx.addIssue({
      code: 'custom',
      path: ['host'],
      message: 'Escriba la dirección de la impresora (p. ej. 192.168.1.50), sin http:// ni puerto',
    });
  }
  if (value.kind === 'usb' && value.devicePath === '') {
    ctx.addIssue({
      code: 'custom',
      path: ['devicePath'],
      message: 'Escriba el dispositivo de la impresora USB (p. ej. /dev/usb/lp0)',
    });
  }
  if (value.kind === 'system' && value.drawer) {
    ctx.addIssue({
      code: 'custom',
      path: ['drawer'],
      message: 'La gaveta se abre a través de una impresora ESC/POS (red o USB)',
    });
  }
}

export const thermalPrinterSchema = fields.superRefine(checkKind);
export type ThermalPrinterSettings = z.infer<typeof thermalPrinterSchema>;

export const DEFAULT_THERMAL_PRINTER: ThermalPrinterSettings = {
  kind: 'system',
  host: '',
  port: 9100,
  devicePath: '',
  drawer: false,
};

export const printerContract = {
  'printer:settings': { access: 'gerente', request: z.object({}), response: thermalPrinterSchema },
  /** Audited with before/after. */
  'printer:save': {
    access: 'approval:printer:save',
    request: fields.extend({ approval: z.string().max(200).optional() }).superRefine(checkKind),
    response: thermalPrinterSchema,
  },
  /** "Imprimir prueba": a test page to the typed printer (saved or not) on the saved paper width. */
  'printer:test': {
    access: 'gerente',
    request: thermalPrinterSchema,
    response: z.object({ printed: z.literal(true) }),
  },
} as const satisfies Record<string, ContractEntry>;
