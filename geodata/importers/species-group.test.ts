import { describe, expect, it } from 'vitest';
import { speciesGroupOf } from './species-group.ts';

describe('species groups', () => {
  it('recognises Dutch and scientific names of building dwellers', () => {
    expect(speciesGroupOf('Gewone dwergvleermuis')).toBe('vleermuis');
    expect(speciesGroupOf('Eptesicus serotinus')).toBe('vleermuis');
    expect(speciesGroupOf('Huismus')).toBe('huismus');
    expect(speciesGroupOf('Apus apus')).toBe('gierzwaluw');
    expect(speciesGroupOf('Huiszwaluw')).toBe('huiszwaluw');
    expect(speciesGroupOf('Merel')).toBe('overig');
  });
});
