// What a year of a busy Panamanian supermarket register sells and to whom, drawn from a fixed-seed generator so
// every run writes the same year: a catalogue of products at the four ITBMS rates, named consumers and companies
// with a RUC whose DV verifies (receipts to a name or a RUC are a minority; most sales are anonymous).
import type { SaleDraft } from '../../src/core/sales/capture-sale';
import { money, sum, toAmount2 } from '../../src/shared/fiscal/money';
import { computeDv } from '../../src/shared/fiscal/ruc-dv';
import { computeItemAmounts } from '../../src/shared/fiscal/totals';
import { itemSchema } from '../../src/shared/fiscal/item';

/** mulberry32: small, fast and good enough to pick products; the seed makes the year reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const WORDS = [
  'Arroz',
  'Azúcar',
  'Café',
  'Leche',
  'Aceite',
  'Frijoles',
  'Pan',
  'Huevos',
  'Queso',
  'Jabón',
  'Detergente',
  'Atún',
  'Pasta',
  'Galletas',
  'Refresco',
  'Agua',
  'Cerveza',
  'Pollo',
  'Carne',
  'Plátano',
  'Yuca',
  'Ñame',
  'Sal',
  'Harina',
];
const BRANDS = ['Doña Blanca', 'Istmeño', 'Chiricano', 'Del Valle', 'La Cosecha', 'Bocas', 'Coclé', 'Herrera'];
const FIRST = [
  'María',
  'José',
  'Ana',
  'Luis',
  'Carmen',
  'Jorge',
  'Rosa',
  'Carlos',
  'Iris',
  'Néstor',
  'Yaneth',
  'Ramón',
];
const LAST = [
  'Fernández',
  'Rodríguez',
  'Gómez',
  'Núñez',
  'Pérez',
  'Batista',
  'Castillo',
  'Sánchez',
  'Quintero',
  'Muñoz',
];
const COMPANY = ['Comercial', 'Distribuidora', 'Inversiones', 'Servicios', 'Constructora', 'Ferretería'];
const PLACE = ['Los Andes', 'Istmo', 'Azuero', 'Chagres', 'Veraguas', 'Darién', 'Colón', 'Boquete'];
// ITBMS: exempt staples (00), 7 % general (01), 10 % alcohol (02), 15 % tobacco (03).
const RATES = ['00', '00', '01', '01', '01', '02', '03'] as const;

export interface Product {
  codigo: string;
  descripcion: string;
  precioUnitario: string;
  tasaItbms: (typeof RATES)[number];
}
export type Customer = SaleDraft['cliente'];

export interface Catalogue {
  products: Product[];
  /** Named buyers: consumidores finales with a name (02) and companies with a verified RUC (01). */
  customers: Customer[];
}

export function makeCatalogue(random: () => number, products = 2_000, customers = 3_000): Catalogue {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const catalogue: Catalogue = { products: [], customers: [] };
  for (let i = 0; i < products; i++) {
    const cents = 25 + Math.floor(random() * 2_500);
    catalogue.products.push({
      codigo: `P${String(i).padStart(5, '0')}`,
      descripcion: `${pick(WORDS)} ${pick(BRANDS)} ${1 + Math.floor(random() * 9)}00 g`,
      precioUnitario: (cents / 100).toFixed(2),
      tasaItbms: pick(RATES),
    });
  }
  for (let i = 0; i < customers; i++) {
    if (i % 3 === 0) {
      const numeroRUC = `${1_000_000 + i * 37}-1-${2000 + (i % 25)}`;
      const dv = computeDv(numeroRUC, '2');
      if (dv.status !== 'ok') continue; // a form the DV algorithm cannot reproduce: leave that company out
      catalogue.customers.push({
        tipoClienteFE: '01',
        tipoContribuyente: '2',
        numeroRUC,
        digitoVerificadorRUC: dv.dv,
        razonSocial: `${pick(COMPANY)} ${pick(PLACE)}, S.A.`,
        direccion: 'Vía España, local 3',
        pais: 'PA',
      });
    } else {
      catalogue.customers.push({
        tipoClienteFE: '02',
        razonSocial: `${pick(FIRST)} ${pick(LAST)} ${pick(LAST)}`,
        pais: 'PA',
      });
    }
  }
  return catalogue;
}

/** A basket: mostly small (1–8 lines), now and then a big one (up to 40); paid in cash, card or both. */
export function drawSale(random: () => number, catalogue: Catalogue): SaleDraft {
  const lines = random() < 0.05 ? 10 + Math.floor(random() * 31) : 1 + Math.floor(random() * 8);
  const items = Array.from({ length: lines }, () => {
    const p = catalogue.products[Math.floor(random() * catalogue.products.length)] as Product;
    return { ...p, unidadMedida: 'und', cantidad: String(1 + Math.floor(random() * 3)) };
  });
  const total = sum(items.map((item) => money(computeItemAmounts(itemSchema.parse(item)).valorTotal)));
  const named = random() < 0.3 ? catalogue.customers[Math.floor(random() * catalogue.customers.length)] : undefined;
  const card = random() < 0.4;
  const pagos = card
    ? [{ formaPagoFact: '03' as const, valorCuotaPagada: toAmount2(total) }]
    : [{ formaPagoFact: '02' as const, valorCuotaPagada: toAmount2(total.plus(random() < 0.5 ? 0 : 5).ceil()) }];
  return { tipoDocumento: '01', cliente: named ?? { tipoClienteFE: '02', pais: 'PA' }, items, pagos, tiempoPago: '1' };
}
