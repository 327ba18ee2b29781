// How a register tells head office how many folios it has left: an audit entry (the channel registers already push,
// hash-chained) with this action and `{ available }`, appended when the FoliosRestantes figure changes. The central
// server's `folios_low` alert reads the latest one per register (decision 0016).
export const FOLIOS_AUDIT_ACTION = 'hka.folios_checked';

/** Below this many folios left, head office is alerted (the register's own panel alarm has its own setting). */
export const FOLIOS_ALERT_THRESHOLD = 100;
