// DGI catalogues of countries, currencies and INCOTERMS, copied from the official 2020 XSDs
// (tests/fixtures/reference/hka-dgi/dgi-xsd/FE_v1.00.xsd; a test in the simulator compares them with it). These are ISO
// lists and the 11 INCOTERMS HKA's wiki lists, so the 2020 snapshot is still what HKA accepts. Used by the
// register's validation, the HKA simulator's validation and its 2020 rFE check.

/**
 * E-mail as the DGI's XSD pattern (emailType) accepts it: XSD's \w covers letters, marks, numbers and symbols in any
 * script, not '_'; domain labels need 2+ characters. Rewritten without nested quantifiers (same language, no
 * catastrophic backtracking on long input).
 */
export const DGI_EMAIL_PATTERN =
  /^[0-9a-zA-Z#$%](?:[-.\p{L}\p{M}\p{N}\p{S}0-9a-zA-Z#$%'\\.\\-_]*[0-9a-zA-Z#$%'\\.\\-_])?@(?:[0-9a-zA-Z][-\p{L}\p{M}\p{N}\p{S}]*[0-9a-zA-Z]\.)+[a-zA-Z]{2,9}$/u;

const codes = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

/** paisType (cPaisRec): ISO 3166 alpha-2 as listed in 2020. */
export const PAISES_DGI = codes(`
  CL CC CG KR HR DK DO AE SI ET FI US GA GE GI GL GT GN GW HM IN IQ IS JM JO KG KW LV LY LT MK MV FK MA MU YT MD
  ME NA CX AF AX AL DE AD AO AI AG AN SA DZ AM AW AU AT AZ BS BH BD BB BE BZ BJ BM BY MM BO BA BW BV BR BN BG BF
  BI BT CV KY KH CM CA CF TD CZ CN CY KM CD CK KP CI CR CW CU DM EC EG SV ER SK ES EE FO PH FJ FR GM GS GH GD GR
  GP GU GF GG GQ GY HT HN HK HU ID IR IE IL IT JP JE KZ KE KI LA LS LB LR LI LU MO MG MY MW ML MT IM MP MH MQ MR
  MX FM MC MN MS MZ NR NP CO NI NE NG NU NF NO NC NZ OM NL PK PW PS PA PG PY PE PN PF PL PT PR QA GB RE RW RO RU
  EH SB WS AS BL KN SM MF PM VC SH LC ST SN RS SC SL SG SY SO LK SZ ZA SD SS SE CH SR SJ TH TW TZ TJ IO TF TL TG
  TK TO TT TN TC TM TR TV UA UG UY UZ VU VA VE VN VG VI WF YE DJ ZM ZW AR ZZ`);

/** monedasType (cMoneda): ISO 4217 as listed in 2020 (e.g. VEF, HRK; not VES). */
export const MONEDAS_DGI = codes(`
  AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYR BZD CAD CDF CHF
  CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK
  HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL
  MGA MKD MMK MNT MOP MRO MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON
  RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLL SOS SRD SSP STD SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH
  UGX USD UYU UZS VEF VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL ZZZ`);

/** incotermsType (cCondEntr). */
export const INCOTERMS_DGI = codes(`
  EXW FCA CPT CIP DAT DAP DDP FAS FOB CFR CIF`);
