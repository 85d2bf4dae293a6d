import { describe, expect, it } from 'vitest';
import { decisionRule, resolveMembers } from './vve-members.ts';
import { owners, vveDataset } from './vve-fixture.ts';

const ds = vveDataset([{ vveId: 'VVE-1', ownership: owners(4) }]);
const vve = ds.vves[0]!;
const byId = new Map(ds.dwellings.map((d) => [d.vboId, d]));
const claimed = ds.dwellings.map((d) => d.vboId);

describe('resolveMembers', () => {
  it('joins every apartment right to its dwelling', () => {
    const r = resolveMembers(vve, byId, claimed);
    expect(r.ok && r.members.map((m) => m.dwelling.vboId)).toEqual(claimed);
  });
  it('reports a member that is not in the dataset, naming the JSON path', () => {
    const r = resolveMembers(
      { ...vve, members: [...vve.members, { vboId: '1674010999999999', votes: 1 }] },
      byId,
      claimed,
    );
    expect(!r.ok && r.issues).toEqual([
      expect.objectContaining({ code: 'vve.members.unknown', path: ['vves', 'VVE-1', 'members', 4, 'vboId'] }),
    ]);
  });
  it('reports rights that do not add up: a dwelling naming the VvE without a right, or a right of a dwelling elsewhere', () => {
    const missing = resolveMembers({ ...vve, members: vve.members.slice(1) }, byId, claimed);
    expect(!missing.ok && missing.issues.map((i) => i.code)).toEqual(['vve.rights.mismatch']);
    const elsewhere = new Map(byId);
    elsewhere.set(claimed[0]!, { ...byId.get(claimed[0]!)!, vveId: 'VVE-2' });
    const moved = resolveMembers(vve, elsewhere, claimed.slice(1));
    expect(!moved.ok && moved.issues[0]!.message).toMatch(/recorded as in VVE-2/);
  });
  it('reports a duplicate right and a vote that is not positive', () => {
    const r = resolveMembers(
      { ...vve, members: [{ ...vve.members[0]!, votes: 0 }, ...vve.members.slice(1), vve.members[1]!] },
      byId,
      claimed,
    );
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual(['vve.votes.invalid', 'vve.members.duplicate']);
  });
});

describe('decisionRule', () => {
  const defaults = { majority: 2 / 3, quorum: 2 / 3 };
  it('override, then register, then the legal default', () => {
    expect(decisionRule({ vveId: 'V', majorityRule: null }, undefined, defaults)).toMatchObject({
      ok: true,
      majority: 2 / 3,
      source: 'default',
    });
    expect(decisionRule({ vveId: 'V', majorityRule: 0.75 }, undefined, defaults)).toMatchObject({
      ok: true,
      majority: 0.75,
      source: 'register',
    });
    expect(decisionRule({ vveId: 'V', majorityRule: 0.75 }, { majority: 0.5, quorum: 0.5 }, defaults)).toMatchObject({
      ok: true,
      majority: 0.5,
      quorum: 0.5,
      source: 'override',
    });
  });
  it.each([0, -0.2, 1.01, Number.NaN])('majority %s is not a fraction in (0, 1]', (m) => {
    const r = decisionRule({ vveId: 'V', majorityRule: null }, { majority: m }, defaults);
    expect(!r.ok && r.issues[0]!.code).toBe('vve.majority.invalid');
  });
  it('a majority of exactly 1 (unanimity) is allowed', () => {
    expect(decisionRule({ vveId: 'V', majorityRule: 1 }, undefined, defaults).ok).toBe(true);
  });
});
