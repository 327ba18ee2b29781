// CPBS (Codificación Panameña de Bienes y Servicios) on a document line: sales to the State (tipoClienteFE 03)
// classify every item by it (REFERENCE.md §2.7 #7–9). The full code has 4 digits (DGI descBienes); its first two are
// the segment + family, which is exactly the abbreviated code (DGI catBienes): every one of the 421 codes of the 2020
// catalogue starts with one of its 56 families. So a product stores only the full code and the abbreviation is
// derived, which also means the two can never disagree.
//
// Only the format is checked here, not membership in the 2020 lists: the DGI may publish newer codes, and HKA
// answers for the catalogue (the simulator's 2020 gap report flags unknown codes).

/** Four digits, as HKA's codigoCPBS (AN|4) and the fiscal item schema expect. */
export const CPBS_CODE_PATTERN = /^\d{4}$/;

/** The unit of measure in the CPBS travels as HKA unidadMedidaCPBS, AN|1..30. */
export const CPBS_UNIT_MAX_LENGTH = 30;

/** codigoCPBSAbrev of a full CPBS code: its segment + family, the first two digits. */
export function cpbsAbrevOf(codigoCPBS: string): string {
  if (!CPBS_CODE_PATTERN.test(codigoCPBS)) throw new Error(`Not a CPBS code: ${JSON.stringify(codigoCPBS)}`);
  return codigoCPBS.slice(0, 2);
}

/** The CPBS fields of a document item for a product's code (and unit, when it has one). */
export function cpbsItemFields(
  codigoCPBS: string,
  unidadMedidaCPBS: string | null | undefined,
): {
  codigoCPBSAbrev: string;
  codigoCPBS: string;
  unidadMedidaCPBS?: string;
} {
  return {
    codigoCPBSAbrev: cpbsAbrevOf(codigoCPBS),
    codigoCPBS,
    ...(unidadMedidaCPBS ? { unidadMedidaCPBS } : {}),
  };
}
