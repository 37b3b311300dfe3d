// The "postal code, city (province)" line of an address, as Spanish letters write it.

/** "50003 Zaragoza", or "22300 Barbastro (Huesca)": a province equal to the city is not repeated. */
export function placeLine(p: { postalCode: string; city: string; province: string }): string {
  const city = p.city.trim();
  const province = p.province.trim();
  const same = province.localeCompare(city, 'es', { sensitivity: 'base' }) === 0;
  const place = [p.postalCode.trim(), city].filter(Boolean).join(' ');
  if (province === '' || same) return place;
  return place === '' ? province : `${place} (${province})`;
}
