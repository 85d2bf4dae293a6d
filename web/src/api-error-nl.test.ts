import { describe, expect, it } from 'vitest';
import { dutchApiMessage } from './api-error-nl.ts';

describe('dutchApiMessage', () => {
  it('words the codes a user meets in Dutch', () => {
    expect(dutchApiMessage('auth.forbidden')).toBe('Uw rol heeft geen toegang tot deze gegevens.');
    expect(dutchApiMessage('http.503')).toMatch(/tijdelijk niet beschikbaar/);
    expect(dutchApiMessage('http.500')).toBe('Er ging iets mis op de server.');
    expect(dutchApiMessage('http.418')).toBe('Het verzoek is geweigerd.');
  });
  it('leaves engine codes to the module that knows them', () => {
    expect(dutchApiMessage('plan.binding.capacity')).toBeNull();
  });
});
