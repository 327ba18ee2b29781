// Spanish texts that tell the person what to do next and who can do it (issue 18; merged into es.ts).
export const esNextSteps = {
  nextSteps: {
    rejectedSale:
      'HKA rechazó esta factura: el recibo entregado no vale como factura hasta que un gerente la corrija. Avise al gerente; él la revisa en «Atención» y la reenvía corregida o la anula. Usted puede seguir vendiendo.',
    failedSale:
      'La factura no se pudo enviar a HKA tras varios intentos. Avise al gerente: él la reintenta desde «Atención». Usted puede seguir vendiendo.',
  },
} as const;
