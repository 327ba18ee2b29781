// One problem a cross-field rule found (document-rules*.ts), in its own file so the rule modules share the type
// without importing each other back (no type-only cycle).
export interface RuleIssue {
  path: (string | number)[];
  message: string;
  rule: string;
}
