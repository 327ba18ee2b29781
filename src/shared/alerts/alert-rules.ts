// The alert rules and the bounds of their settings, shared by the central server (which judges and stores them) and
// the head-office console (which names them and checks a form before sending it). One list, so a new rule cannot be
// known to one side only.
export const ALERT_RULES = ['hka_down', 'backlog', 'error_rate', 'folios_low', 'silent', 'audit_chain_break'] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

export const isAlertRule = (rule: string): rule is AlertRule => (ALERT_RULES as readonly string[]).includes(rule);

/** Minutes of silence before a register is flagged: 1 minute to 7 days. */
export const SILENT_AFTER_MINUTES = { min: 1, max: 10_080 } as const;

/** A webhook secret: 16-256 printable ASCII characters without spaces (the HMAC key the receiver shares). */
export const WEBHOOK_SECRET_PATTERN = /^[\x21-\x7e]{16,256}$/;
