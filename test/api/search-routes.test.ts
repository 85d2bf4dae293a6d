import { describe, expect, it } from 'vitest';
import { SearchResponse } from '../../server/routes/search-routes.ts';
import { testApp } from './test-app.ts';

const app = await testApp({ role: 'viewer' });

describe('GET /api/search', () => {
  it('finds a buurt by name with its bounds, and an address by street and number', async () => {
    const res = await app.request('/api/search?q=Kalsdonk');
    expect(res.status).toBe(200);
    const body = SearchResponse.parse(await res.json());
    expect(body.places[0]).toMatchObject({ kind: 'buurt', label: 'Kalsdonk', buurtcode: 'BU16740202' });
    const [w, s, e, n] = body.places[0]!.bbox;
    expect(e).toBeGreaterThan(w);
    expect(n).toBeGreaterThan(s);

    const street = SearchResponse.parse(await (await app.request('/api/search?q=straat')).json()).places.find(
      (p) => p.kind === 'straat',
    );
    expect(street).toBeDefined();
    const anyAddress = SearchResponse.parse(
      await (await app.request(`/api/search?q=${encodeURIComponent(street!.label)}`)).json(),
    ).places.find((p) => p.kind === 'adres');
    expect(anyAddress?.vboId).toMatch(/^\d{16}$/);
    const exact = SearchResponse.parse(
      await (await app.request(`/api/search?q=${encodeURIComponent(anyAddress!.label)}`)).json(),
    );
    expect(exact.places[0]).toMatchObject({ kind: 'adres', label: anyAddress!.label });
    expect(exact.places[0]!.detail).toMatch(/^\d{4} [A-Z]{2} Roosendaal · /);
  });

  it('finds a postcode typed with a space', async () => {
    const street = SearchResponse.parse(await (await app.request('/api/search?q=straat')).json()).places.find(
      (p) => p.kind === 'straat',
    );
    const first = SearchResponse.parse(
      await (await app.request(`/api/search?q=${encodeURIComponent(street!.label)}`)).json(),
    ).places.find((p) => p.kind === 'adres');
    const postcode = first!.detail.slice(0, 7);
    const body = SearchResponse.parse(
      await (await app.request(`/api/search?q=${encodeURIComponent(postcode)}`)).json(),
    );
    expect(body.places[0]).toMatchObject({ kind: 'postcode', label: postcode });
  });

  it('refuses an empty or overlong query', async () => {
    for (const q of ['', 'x'.repeat(101)]) {
      const res = await app.request(`/api/search?q=${q}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'query.invalid', path: ['query', 'q'] });
    }
  });
});
