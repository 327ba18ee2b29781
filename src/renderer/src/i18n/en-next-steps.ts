// English texts that tell the person what to do next and who can do it (issue 18; merged into en.ts).
export const enNextSteps = {
  nextSteps: {
    rejectedSale:
      'HKA rejected this invoice: the receipt handed over is not a valid invoice until a gerente fixes it. Tell the gerente; they review it under “Attention” and resend it corrected or annul it. You can keep selling.',
    failedSale:
      'The invoice could not be sent to HKA after several attempts. Tell the gerente: they retry it from “Attention”. You can keep selling.',
  },
} as const;
