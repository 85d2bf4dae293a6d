import type { Building, Dwelling } from '../../engine/dwelling.ts';
import type { Dataset } from '../../engine/dataset.ts';
import type { AttributeSource } from '../../engine/registers.ts';
import type { BagStock } from './bag-stock.ts';
import { SourceBook, upsertByKey } from './dataset-merge.ts';
import { TYPE_RULE_ID } from './dwelling-type-rule.ts';
import { FLOOR_RULE_ID, imputeElements, imputeLabel, imputeWozBand, WOZ_RULE_ID } from './impute.ts';

/** Source named for ownership until a register (portfolio) says otherwise. */
export const UNKNOWN_OWNERSHIP_SOURCE = 'onbekend: geen eigendomsregister';

/**
 * Merges BAG stock into the dataset. The BAG is the register of the buurten it covers (those where it yielded
 * dwellings): their synthetic dwellings, buildings and VvE's are removed. Registered dwellings are updated in
 * place: BAG attributes are replaced, while what other registers gave (label, ownership, VvE, known elements,
 * attributes registered elsewhere) is kept. Dwellings missing from the import are kept: an extract may cover
 * only part of a buurt.
 */
export function mergeBagStock(ds: Dataset, stock: BagStock, dataDate: string): void {
  const covered = new Set(stock.dwellings.map((d) => d.vbo.buurtcode));
  const removed = new Set(
    ds.dwellings.filter((d) => d.provenance === 'synthetic' && covered.has(d.buurtcode)).map((d) => d.vboId),
  );
  const keptDwellings = ds.dwellings.filter((d) => !removed.has(d.vboId));
  const keptBuildings = ds.buildings.filter((b) => !(b.provenance === 'synthetic' && covered.has(b.buurtcode)));
  ds.vves = ds.vves.filter((v) => !(v.provenance === 'synthetic' && v.members.some((m) => removed.has(m.vboId))));
  const existing = new Map(keptDwellings.map((d) => [d.vboId, d]));
  const book = new SourceBook(ds.attributeSources);
  const src = (
    subject: string,
    attribute: AttributeSource['attribute'],
    provenance: AttributeSource['provenance'],
    source: string,
  ) => book.set({ subject, attribute, provenance, source, dataDate });
  /** The estimate, unless a register gave the attribute before: then the old value stays. */
  const estimate = <T>(
    subject: string,
    attribute: AttributeSource['attribute'],
    value: T,
    old: T | undefined,
    source: string,
  ): T => (src(subject, attribute, 'imputed', source) || old === undefined ? value : old);

  const fresh: Dwelling[] = stock.dwellings.map(({ vbo, bouwjaar, pand, floorLevel }) => {
    const old = existing.get(vbo.vboId);
    const type = estimate(vbo.vboId, 'type', pand.type, old?.type, TYPE_RULE_ID);
    if (!old) src(vbo.vboId, 'ownership', 'imputed', UNKNOWN_OWNERSHIP_SOURCE);
    const ownership = old?.ownership ?? 'overig';
    const energyLabel =
      old?.energyLabel.source === 'registered' ? old.energyLabel : imputeLabel(type, pand.storeys, bouwjaar, ownership);
    return {
      vboId: vbo.vboId,
      pandId: vbo.pandId,
      address: vbo.address,
      buurtcode: vbo.buurtcode,
      bouwjaar,
      oppervlakte: vbo.oppervlakte,
      type,
      ownership,
      vveId: old?.vveId ?? null,
      energyLabel,
      elements: imputeElements(energyLabel.label, pand.roofShape, bouwjaar, old?.elements),
      wozBand: estimate(
        vbo.vboId,
        'wozBand',
        imputeWozBand(type, vbo.oppervlakte, bouwjaar),
        old?.wozBand,
        WOZ_RULE_ID,
      ),
      floorLevel: estimate(vbo.vboId, 'floorLevel', floorLevel, old?.floorLevel, FLOOR_RULE_ID),
      location: vbo.lonLat,
      provenance: 'registered',
      dataDate,
    };
  });
  const oldBuildings = new Map(keptBuildings.map((b) => [b.pandId, b]));
  const freshBuildings: Building[] = stock.buildings.map((b) => {
    const old = oldBuildings.get(b.pandId);
    return {
      ...b,
      storeys: estimate(b.pandId, 'storeys', b.storeys, old?.storeys, TYPE_RULE_ID),
      roofShape: estimate(b.pandId, 'roofShape', b.roofShape, old?.roofShape, TYPE_RULE_ID),
      facadeAzimuthDeg: estimate(b.pandId, 'facadeAzimuthDeg', b.facadeAzimuthDeg, old?.facadeAzimuthDeg, TYPE_RULE_ID),
    };
  });
  ds.dwellings = upsertByKey(keptDwellings, fresh, (d) => d.vboId);
  ds.buildings = upsertByKey(keptBuildings, freshBuildings, (b) => b.pandId);
  book.retain(new Set([...ds.dwellings.map((d) => d.vboId), ...ds.buildings.map((b) => b.pandId)]));
  ds.attributeSources = book.list();
}
