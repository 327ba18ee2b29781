// RUC/DV vectors for the DV tests, with their sources (kept apart: data, not tests).
import type { TipoRuc } from './ruc-dv';

// Sources: real documents (CUFEs, HKA wiki); [DV1] github.com/apple314159/panama-dv (DGI "DV_RUC" procedure);
// [DV2] github.com/luiscberrocal/verification-digit-pty tests; [DV3] python-stdnum-style pa/ruc.py (REFERENCE.md §0);
// [PRC] github.com/juancorradine/Panama-RUC-DV-Calculator (DGI procedure v201805) and two JS ports' tests, one of
// which lists RUC/DV pairs from its production data (8-NT-1-12607, 32977-27-249966, 8-496-731, …).

/**
 * The worked examples of the DGI's own procedure, "Algoritmo para el cálculo del dígito verificador (DV)", Dirección
 * General de Ingresos, versión 201805 (examples numbered as there), and the RUCs its closing note covers (NT with a
 * 7-digit asiento: "truncar los dos últimos números"; the DVs 49 and 82 are [PRC]'s published vectors for it).
 */
export const DGI_PROCEDURE_EXAMPLES: readonly (readonly [string, string, TipoRuc, string])[] = [
  ['ejemplo 1 (jurídico, formato viejo)', '10102-64-103462', '2', '30'],
  ['ejemplo 2 (jurídico, formato viejo)', '1102-85-117211', '2', '95'],
  ['ejemplo 3 (jurídico, formato nuevo)', '61302-14-123411', '2', '22'],
  ['ejemplo 4 (natural, tomo de 3 posiciones)', '8-274-125', '1', '91'],
  ['ejemplo 4a (natural, tomo de 4 posiciones)', '8-2743-1253', '1', '31'],
  ['ejemplo 5 (NT natural)', '8-NT-1-24', '1', '33'],
  ['ejemplo 5.1 (NT natural, asiento de 6 dígitos)', '8-NT-1-123456', '1', '76'],
  ['ejemplo 6 (NT jurídico)', '8-NT-1-419', '2', '68'],
  ['ejemplo 6.1 (NT jurídico, asiento de 6 dígitos)', '8-NT-1-123456', '2', '52'],
  ['ejemplo 7 (panameño extranjero)', 'PE-1-19', '1', '60'],
  ['ejemplo 8 (extranjero)', 'E-1-11', '1', '63'],
  ['ejemplo 8a (extranjero, asiento de 6 dígitos)', 'E-8-110361', '1', '95'],
  ['ejemplo 9 (panameño indígena)', '8PI-1-80', '1', '05'],
  ['ejemplo 10 (antes de la vigencia)', '8AV-1-196', '1', '90'],
  ['ejemplo 12 (extranjero, tomo de 4 posiciones)', 'E-8788-26', '1', '50'],
  ['nota: NT con asiento de 7 dígitos', '8-NT-1-1234567', '2', '49'],
  ['nota: NT con asiento de 7 dígitos', '11-NT-958-2182101', '2', '82'],
  ['nota: NT con asiento de 7 dígitos', '11-NT-958-2182104', '2', '82'],
];

/** DVs printed in real, DGI-authorised documents (the issuer RUCs of the §5.5 CUFEs). */
export const REAL_DOCUMENT_DVS: readonly (readonly [string, string])[] = [
  ['155596713-2-2015', '59'],
  ['155732387-2-2023', '14'],
  ['155646463-2-2017', '86'],
  ['155757563-2-2024', '48'],
  ['521-136-113133', '02'], // old style: cross-reference table + weight 11 twice
  ['29-29-29', '56'], // 1–2-digit first part, but 29 is no province: jurídico layout
];

/** Jurídico vectors of [DV1]/[DV2]/[DV3]/[PRC] (new registry, and old style with the cross-reference table). */
export const JURIDICO_VECTORS: readonly (readonly [string, string])[] = [
  ['61302-14-123411', '22'],
  ['1102-85-117211', '95'],
  ['2486589-1-816994', '62'],
  ['1830234-1-710357', '82'],
  ['65219-68-360495', '20'],
  ['41369-85-283456', '73'],
  ['64296-75-357434', '00'],
  ['203141-1-17214', '60'],
  ['1075137-1-553125', '18'],
  ['155720753-2-2022', '39'],
  ['2588017-1-831938', '20'],
  ['1489806-1-645353', '68'],
  ['1956569-1-732877', '00'],
  ['797609-1-493865', '12'],
  ['15565624-2-2017', '63'],
  ['10102-64-103462', '30'],
  ['41425-516-58123', '41'],
  ['32425-254-85621', '68'],
  ['12388-184-921', '62'],
  ['1641462-1-673798', '48'],
  ['1902725-1-722936', '73'],
  ['1797978-1-704870', '76'],
  ['155658601-2-2017', '33'],
  ['1554-264-31258', '18'],
  ['25049890-3-2022', '54'],
  ['32977-27-249966', '39'],
  ['342-240-75526', '50'],
  ['253-92-57027', '76'],
  ['155587169-2-2014', '09'],
  // Asiento longer than its 6-digit field: kept whole, not cut ([DV1] "Formato RUC 2005" examples).
  ['11947-1027-0229562', '71'],
  ['11947-1-0229562', '42'],
];

/** Cédula vectors (natural persons) inside the range computed locally. */
export const CEDULA_VECTORS: readonly (readonly [string, string])[] = [
  ['8-442-445', '08'],
  ['PE-10-442', '50'],
  ['N-45-832', '58'],
  ['E-12-342', '10'],
  // [DV1]'s old test said 96 for both; its string put the province in 3 positions. [DV2]/[PRC]: 31.
  ['1AV-432-658', '31'],
  ['4PI-234-123', '31'],
  ['8-769-1080', '56'],
  ['5-257-218', '09'],
  ['6-108-289', '79'],
  ['8-28-1284', '33'],
  ['2-7-89', '20'],
  ['0-0-0', '70'],
  ['8-802-1966', '73'],
  ['8-782-1159', '36'],
  ['8-720-763', '06'],
  ['3-716-748', '03'],
  ['6-713-2143', '93'],
  ['9-150-8', '04'],
  ['3-78-447', '42'],
  ['8-521-1350', '95'],
  ['8-788-557', '94'],
  ['8-755-1717', '90'],
  ['8-821-822', '53'],
  ['4-137-2049', '27'],
  ['8-946-1792', '04'],
  ['8-68-1774', '90'],
  ['3-702-470', '05'],
  ['8-873-110', '83'],
  ['8-229-316', '71'],
  ['8-725-1124', '54'],
  ['8-496-731', '84'],
  ['3-87-2598', '53'],
  ['3-106-903', '05'],
  ['8-484-580', '30'],
  ['E-0-0', '75'],
  ['E-8-127702', '16'],
  ['E-8-127703', '05'],
  ['E-8-12770', '72'],
  ['E-1-11', '63'],
  ['E-8-96407', '29'],
  ['N-0-0', '76'],
  ['N-19-1821', '11'],
  ['N-1-24', '89'],
  ['PE-0-0', '14'],
  ['PE-1-19', '60'],
  ['PE-123-12345', '42'],
  ['PE-842-3681', '51'],
  ['PE-712-5789', '82'],
  ['PE-523-8262', '37'],
  ['PE-5-637', '70'],
  ['0AV-0-0', '10'],
  ['8AV-1-196', '90'],
  ['0PI-0-0', '57'],
  ['13PI-1-196', '58'],
  ['8PI-1-80', '05'],
  ['8PI-23-65', '91'],
  ['2PI-23-65', '41'],
  ['2PI-123-1234', '41'],
];

/** NT RUCs: the same text has a natural and a jurídico DV. */
export const NT_VECTORS: readonly (readonly [string, TipoRuc, string])[] = [
  ['8-NT-1-13656', '2', '43'], // MINISTERIO DE EDUCACION, DV 43 in HKA's wiki (§5.3)
  ['8-NT-1-13656', '1', '02'], // what §5.4 computed: the natural layout
  ['0-NT-0-0', '2', '31'],
  ['1-NT-45-56544', '2', '03'],
  ['5-NT-478-2351', '2', '94'],
  ['7-NT-102-33575', '2', '03'],
  ['8-NT-1-123456', '2', '52'],
  ['8-NT-2-8502', '2', '57'],
  ['8-NT-1-12607', '2', '01'],
  ['8-NT-2-34949', '2', '90'],
  ['8-NT-1-23412', '2', '41'],
  ['8-NT-2-4878', '2', '29'],
  ['11-NT-958-218210', '2', '73'],
  ['0-NT-0-0', '1', '09'],
  ['8-NT-1-24', '1', '33'],
  ['3-NT-465-45624', '1', '03'],
  ['9-NT-2-421578', '1', '50'],
  ['6-NT-227-888555', '1', '09'],
  ['12-NT-45-2154', '1', '17'],
  ['13-NT-2-744390', '1', '64'],
  ['8-NT-2-714823', '1', '17'],
  ['8-NT-2-757773', '1', '62'],
];

/**
 * Published DVs the local algorithm does not reproduce (4-digit tomo, long asientos: §5.4 limit (b)); [PRC] uses extra
 * codes or cuts the asiento there, unconfirmed by any real document. They must come out 'unverifiable', never 'mismatch'.
 */
export const UNVERIFIABLE_VECTORS: readonly (readonly [string, string, TipoRuc?])[] = [
  ['2AV-123-123456', '28'],
  ['E-123-1277012', '65'],
  ['E-1234-123456789', '26'],
  ['N-1234-12345', '00'],
  ['N-7824-53189', '73'],
  ['N-9624-41065', '63'],
  ['N-6521-53249', '72'],
  ['2AV-1234-12345', '26'],
  ['2AV-1234-123', '33'],
  ['8AV-123-123456', '78'],
  ['2AV-1234-1234', '02'],
  ['2PI-1234-12345', '26'],
  ['2PI-1234-123', '33'],
  ['2PI-123-123456', '65'],
  ['2PI-1234-1234', '02'],
  ['8PI-1234-1234', '02'],
  ['8PI-1234-12345', '26'],
  ['2-1234-123456789', '01', '1'],
  ['8-NT-1-12345678', '49', '2'],
];

/** [DV2]'s E vectors with a 4-digit tomo: they follow the DGI procedure's example 12 (tomo + asiento only). */
export const E_FOUR_DIGIT_TOMO_VECTORS: readonly (readonly [string, string])[] = [
  ['E-7824-53189', '90'],
  ['E-1234-12770', '98'],
  ['E-1235-12770', '23'],
  ['E-9624-41065', '80'],
  ['E-6521-53249', '99'],
  ['E-5056-27219', '16'],
];
