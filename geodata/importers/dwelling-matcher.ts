import type { Dwelling } from '../../engine/dwelling.ts';
import { addressKey, type AddressParts } from './address-key.ts';

export type MatchResult =
  { ok: true; dwelling: Dwelling } | { ok: false; field: string; reason: string; message: string };

/**
 * Finds the dataset's registered dwelling for a register row: by BAG verblijfsobject id when the row has one,
 * else by normalised address. Synthetic dwellings never match (their ids and addresses are invented), and an
 * address shared by two registered dwellings is ambiguous rather than guessed.
 */
export class DwellingMatcher {
  private readonly byId = new Map<string, Dwelling>();
  private readonly synthetic = new Set<string>();
  private readonly byAddress = new Map<string, Dwelling | null>();

  constructor(dwellings: readonly Dwelling[]) {
    for (const d of dwellings) {
      if (d.provenance === 'synthetic') {
        this.synthetic.add(d.vboId);
        continue;
      }
      this.byId.set(d.vboId, d);
      const key = addressKey(d.address);
      if (key !== null) this.byAddress.set(key, this.byAddress.has(key) ? null : d);
    }
  }

  match(vboId: string | null, address: AddressParts): MatchResult {
    if (vboId !== null) {
      const d = this.byId.get(vboId);
      if (d) return { ok: true, dwelling: d };
      const why = this.synthetic.has(vboId)
        ? 'is synthetic in the dataset (import BAG first)'
        : 'is not a registered dwelling in the dataset';
      return {
        ok: false,
        field: 'bag_vbo_id',
        reason: 'no-matching-dwelling',
        message: `verblijfsobject ${vboId} ${why}`,
      };
    }
    const key = addressKey(address);
    if (key === null) {
      return {
        ok: false,
        field: 'postcode',
        reason: 'invalid.address',
        message: `expected a BAG id or postcode + huisnummer, found ${JSON.stringify(address)}`,
      };
    }
    const d = this.byAddress.get(key);
    if (d === undefined)
      return {
        ok: false,
        field: 'postcode',
        reason: 'no-matching-dwelling',
        message: `no registered dwelling at ${key.replaceAll('|', ' ')}`,
      };
    if (d === null)
      return {
        ok: false,
        field: 'postcode',
        reason: 'ambiguous-address',
        message: `several registered dwellings at ${key.replaceAll('|', ' ')}; give the BAG id`,
      };
    return { ok: true, dwelling: d };
  }

  /** Replaces a dwelling after it was changed, so later rows see the change. */
  update(d: Dwelling): void {
    this.byId.set(d.vboId, d);
    const key = addressKey(d.address);
    if (key !== null && this.byAddress.get(key) !== null) this.byAddress.set(key, d);
  }
}
