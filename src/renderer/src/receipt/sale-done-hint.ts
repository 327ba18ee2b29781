// What the sale-done dialog tells the cashier about the invoice's state. A sale HKA refused or gave up on does not
// "update by itself": the cashier is told it needs a gerente and what happens next.
export type SaleDoneHint =
  'saleDone.authorizedHint' | 'saleDone.pendingHint' | 'nextSteps.rejectedSale' | 'nextSteps.failedSale';

export function saleDoneHint(status: string, cufe: string | null): SaleDoneHint {
  if (status === 'REJECTED') return 'nextSteps.rejectedSale';
  if (status === 'FAILED') return 'nextSteps.failedSale';
  return cufe ? 'saleDone.authorizedHint' : 'saleDone.pendingHint';
}
