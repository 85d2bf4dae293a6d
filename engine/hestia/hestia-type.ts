/** Maps the product's dwelling type and ownership onto the Hestia/WoON vocabularies of the embedded tables. */
import {
  DWELLING_TYPES,
  OWNERSHIP_CATEGORIES,
  type DwellingType,
  type EnergyLabel,
  type Ownership,
} from '../dwelling.ts';
import { HESTIA_OWNERS, HESTIA_TYPES, type HestiaLabel, type HestiaOwner, type HestiaType } from './hestia-types.ts';

/** Storeys from which a flat counts as "meergezins: hoog". Assumption: Hestia does not define the cut. */
export const HIGH_RISE_MIN_STOREYS = 5;

export function hestiaTypeOf(type: DwellingType, buildingStoreys: number): HestiaType {
  switch (type) {
    case 'tussenwoning':
      return 'rijwoning tussen';
    case 'hoekwoning':
      return 'rijwoning hoek';
    case 'twee-onder-een-kap':
      return '2 onder 1 kap';
    case 'vrijstaand':
      return 'Vrijstaand';
    default:
      return buildingStoreys >= HIGH_RISE_MIN_STOREYS ? 'meergezins: hoog' : 'meergezins: laag en midden';
  }
}

/** The Hestia label class of a label (A++++ … A count as A: Hestia's tables stop at "A or better"). */
export function hestiaLabelOf(label: EnergyLabel): HestiaLabel {
  return label.startsWith('A') ? 'A' : (label as HestiaLabel);
}

export function hestiaOwnerOf(ownership: Ownership): HestiaOwner {
  if (ownership === 'corporatie') return 'wooncorp';
  return ownership === 'eigenaar-bewoner' ? 'koop' : 'parthuur';
}

/** Index into HESTIA_TYPES, for table lookups by type index and storeys. */
export function hestiaTypeIndex(typeIndex: number, buildingStoreys: number): number {
  return HESTIA_TYPES.indexOf(hestiaTypeOf(DWELLING_TYPES[typeIndex]!, buildingStoreys));
}

/** Index into HESTIA_OWNERS for an OWNERSHIP_CATEGORIES index. */
export function hestiaOwnerIndex(ownershipIndex: number): number {
  return HESTIA_OWNERS.indexOf(hestiaOwnerOf(OWNERSHIP_CATEGORIES[ownershipIndex]!));
}
