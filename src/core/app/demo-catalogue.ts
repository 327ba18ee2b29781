// A small catalogue of a Panamanian mini-super, seeded on first launch in Simulador so training mode is usable at
// once: scan or type any of these codes. Prices are before ITBMS; the rates follow common practice (basic food
// exempt, general 7 %, alcoholic drinks 10 %, tobacco 15 %). Barcodes are EAN-13 with valid check digits. Most
// items carry a CPBS code and unit from the DGI's 2020 catalogue (sales to the State need them); the drinks with
// alcohol, tobacco, bread and the cola have none, so training shows what a government sale without them does. The
// painkiller is a medicine (requiereLote): selling it asks for its lot, as a pharmacy's till must.
import { randomUUID } from 'node:crypto';
import type { Product } from '../../shared/ipc/schemas';
import { appendAudit } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import { products } from '../store/schema';
import { readJsonSetting, writeJsonSetting } from '../store/settings-repo';
import { z } from 'zod';

export const DEMO_CATALOGUE: readonly Omit<Product, 'id'>[] = [
  {
    codigo: 'P001',
    barcode: '7451000001376',
    descripcion: 'Arroz blanco 5 lb',
    unidad: 'und',
    precio: '3.25',
    tasaItbms: '00',
    codigoCPBS: '5022',
    unidadMedidaCPBS: 'lb',
  },
  {
    codigo: 'P002',
    barcode: '7451000002748',
    descripcion: 'Aceite vegetal 1 L',
    unidad: 'und',
    precio: '2.95',
    tasaItbms: '00',
    codigoCPBS: '5015',
    unidadMedidaCPBS: 'l',
  },
  {
    codigo: 'P003',
    barcode: '7451000004117',
    descripcion: 'Leche evaporada 12 oz',
    unidad: 'und',
    precio: '1.05',
    tasaItbms: '00',
    codigoCPBS: '5013',
    unidadMedidaCPBS: 'und',
  },
  {
    codigo: 'P004',
    barcode: '7451000005480',
    descripcion: 'Huevos blancos (docena)',
    unidad: 'und',
    precio: '2.40',
    tasaItbms: '00',
    codigoCPBS: '5013',
    unidadMedidaCPBS: 'Docena',
  },
  {
    codigo: 'P005',
    barcode: '7451000006852',
    descripcion: 'Pan de molde blanco',
    unidad: 'und',
    precio: '2.15',
    tasaItbms: '00',
  },
  {
    codigo: 'P006',
    barcode: '7451000008221',
    descripcion: 'Azúcar morena 4 lb',
    unidad: 'und',
    precio: '2.60',
    tasaItbms: '00',
    codigoCPBS: '5016',
    unidadMedidaCPBS: 'lb',
  },
  {
    codigo: 'P007',
    barcode: '7451000009594',
    descripcion: 'Café molido 425 g',
    unidad: 'und',
    precio: '3.95',
    tasaItbms: '01',
    codigoCPBS: '5020',
    unidadMedidaCPBS: 'und',
  },
  {
    codigo: 'P008',
    barcode: '7451000010965',
    descripcion: 'Detergente en polvo 1 kg',
    unidad: 'und',
    precio: '4.50',
    tasaItbms: '01',
    codigoCPBS: '4713',
    unidadMedidaCPBS: 'kg',
  },
  {
    codigo: 'P009',
    barcode: '7451000012334',
    descripcion: 'Jabón de baño (3 unidades)',
    unidad: 'paq',
    precio: '2.25',
    tasaItbms: '01',
    codigoCPBS: '5313',
    unidadMedidaCPBS: 'Paquete',
  },
  {
    codigo: 'P010',
    barcode: '7451000013706',
    descripcion: 'Papel higiénico (4 rollos)',
    unidad: 'paq',
    precio: '2.99',
    tasaItbms: '01',
    codigoCPBS: '1411',
    unidadMedidaCPBS: 'Paquete',
  },
  {
    codigo: 'P011',
    barcode: '7451000015076',
    descripcion: 'Refresco de cola 2 L',
    unidad: 'und',
    precio: '1.85',
    tasaItbms: '01',
  },
  {
    codigo: 'P012',
    barcode: '7451000016448',
    descripcion: 'Agua embotellada 1 L',
    unidad: 'und',
    precio: '0.85',
    tasaItbms: '01',
    codigoCPBS: '5020',
    unidadMedidaCPBS: 'l',
  },
  {
    codigo: 'P013',
    barcode: '7451000017810',
    descripcion: 'Cerveza nacional lata 355 ml',
    unidad: 'und',
    precio: '0.95',
    tasaItbms: '02',
  },
  {
    codigo: 'P014',
    barcode: '7451000019180',
    descripcion: 'Ron añejo 750 ml',
    unidad: 'und',
    precio: '12.50',
    tasaItbms: '02',
  },
  {
    codigo: 'P015',
    barcode: '7451000020551',
    descripcion: 'Cigarrillos (cajetilla de 20)',
    unidad: 'und',
    precio: '4.75',
    tasaItbms: '03',
  },
  {
    codigo: 'P016',
    barcode: '7451000021923',
    descripcion: 'Pilas AA (4 unidades)',
    unidad: 'paq',
    precio: '3.80',
    tasaItbms: '01',
    codigoCPBS: '2611',
    unidadMedidaCPBS: 'Paquete',
  },
  {
    codigo: 'P017',
    barcode: '7451000023293',
    descripcion: 'Acetaminofén 500 mg (10 tabletas)',
    unidad: 'Caja',
    precio: '1.90',
    tasaItbms: '00',
    requiereLote: true,
  },
];

const SEEDED_KEY = 'demo_catalogue_seeded';

/** Seeds the demo catalogue once, and only into an empty catalogue. Returns how many products were added. */
export function seedDemoCatalogue(db: StoreDb, at: Date): number {
  return db.transaction(
    (tx) => {
      if (readJsonSetting(tx, SEEDED_KEY, z.boolean(), false)) return 0;
      writeJsonSetting(tx, SEEDED_KEY, z.boolean(), true);
      if (tx.select({ id: products.id }).from(products).limit(1).get()) return 0;
      for (const product of DEMO_CATALOGUE) {
        tx.insert(products)
          .values({
            id: randomUUID(),
            ...product,
            requiereLote: product.requiereLote ? 1 : 0,
            updatedAt: at.toISOString(),
          })
          .run();
      }
      appendAudit(
        tx,
        { actor: 'sistema:caja', action: 'catalog.demo_seeded', details: { products: DEMO_CATALOGUE.length } },
        at,
      );
      return DEMO_CATALOGUE.length;
    },
    { behavior: 'immediate' },
  );
}
