import { describe, expect, it } from 'vitest';
import { openScenarioVersionStore } from './version-store.ts';

describe('ScenarioVersionStore', () => {
  it('keeps versions with author, time, note and parent, and refuses to change them', () => {
    let t = Date.parse('2026-12-08T10:00:00Z');
    const { store, close } = openScenarioVersionStore(':memory:', () => (t += 60_000));
    const a = store.create({
      name: 'Kalsdonk verkoop',
      author: 'planner',
      role: 'gemeente',
      note: 'eerste schets',
      parentId: null,
      scenario: { name: 'Kalsdonk verkoop' },
      draft: { assignments: [] },
    });
    const b = store.create({
      ...a,
      note: '45 in plaats van 30',
      parentId: a.id,
      scenario: { name: 'v2' },
      draft: null,
    });
    expect(store.get(b.id)).toEqual({
      id: b.id,
      name: 'Kalsdonk verkoop',
      author: 'planner',
      role: 'gemeente',
      createdAt: '2026-12-08T10:02:00.000Z',
      note: '45 in plaats van 30',
      parentId: a.id,
      scenario: { name: 'v2' },
      draft: null,
    });
    expect(store.list().map((v) => v.id)).toEqual([b.id, a.id]);
    expect(store.get(999)).toBeNull();
    expect(() => store.create({ ...a, parentId: 999, scenario: {}, draft: null })).toThrow(/FOREIGN KEY/);
    close();
  });
});
