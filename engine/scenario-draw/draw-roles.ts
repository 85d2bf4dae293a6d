/**
 * Who may draw what on which blocks. The municipality plans every instrument everywhere; Alwel plans its own
 * stock (blocks holding corporation dwellings) with the corporation's instruments, not the municipality's
 * acquisition; the VHF project organisation plans retrofit (the batch plans, README "Users and roles"); the viewer reads.
 */
import type { DrawKind } from './draw-draft.ts';

export interface DrawPermission {
  kinds: readonly DrawKind[];
  /** `corporation`: only blocks with at least one corporation dwelling. */
  blocks: 'all' | 'corporation';
}

const ALL_KINDS: readonly DrawKind[] = [
  'sale',
  'liberalisation',
  'demolition',
  'retrofit',
  'acquisition',
  'split',
  'merge',
];

export const DRAW_PERMISSIONS: Readonly<Record<string, DrawPermission | undefined>> = {
  gemeente: { kinds: ALL_KINDS, blocks: 'all' },
  alwel: { kinds: ['sale', 'liberalisation', 'demolition', 'retrofit', 'split', 'merge'], blocks: 'corporation' },
  vhf: { kinds: ['retrofit'], blocks: 'all' },
};

/** Roles that may draw and save scenarios (the route access lists derive from this). */
export const DRAW_ROLES = Object.keys(DRAW_PERMISSIONS);
