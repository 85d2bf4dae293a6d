import { describe, expect, it } from 'vitest';
import { safeNext } from './session-gate.ts';
import { signInErrorText } from './session.ts';

describe('sign-in', () => {
  it('returns only to a path on this origin', () => {
    expect(safeNext('?next=/compare.html')).toBe('/compare.html');
    expect(safeNext('?next=/compare.html%3Fa%3D1')).toBe('/compare.html?a=1');
    expect(safeNext('?next=//evil.example/')).toBeNull();
    expect(safeNext('?next=/\\evil.example')).toBeNull();
    expect(safeNext('?next=https://evil.example/')).toBeNull();
    expect(safeNext('?next=javascript:alert(1)')).toBeNull();
    expect(safeNext('')).toBeNull();
  });

  it('explains failures in Dutch', () => {
    expect(signInErrorText('auth.invalid-credentials', null)).toBe('Onbekende gebruikersnaam of onjuist wachtwoord.');
    expect(signInErrorText('auth.rate-limited', 600)).toBe('Te veel pogingen. Probeer het over 10 minuten opnieuw.');
    expect(signInErrorText('auth.rate-limited', 30)).toBe('Te veel pogingen. Probeer het over 1 minuut opnieuw.');
    expect(signInErrorText('http.500', null)).toBe('Aanmelden mislukt (http.500).');
  });
});
