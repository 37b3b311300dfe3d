// A tiny hash router: the screens are few, and a hash keeps the app:// and web origins identical.
import { useSyncExternalStore } from 'react';

export type Route =
  | { screen: 'today' }
  | { screen: 'invoices' }
  | { screen: 'clients' }
  | { screen: 'client'; clientId: string }
  | { screen: 'plans' }
  | { screen: 'plan'; planId: string }
  | { screen: 'dashboard' }
  | { screen: 'import' }
  | { screen: 'settings' };

const SLUGS = {
  today: 'hoy',
  invoices: 'facturas',
  clients: 'clientes',
  plans: 'planes',
  dashboard: 'panel',
  import: 'importar',
  settings: 'ajustes',
} as const;

export function parseRoute(hash: string): Route {
  const [slug, id] = hash.replace(/^#\/?/, '').split('/');
  if (slug === SLUGS.clients && id) return { screen: 'client', clientId: decodeURIComponent(id) };
  if (slug === SLUGS.plans && id) return { screen: 'plan', planId: decodeURIComponent(id) };
  const match = (Object.entries(SLUGS) as [keyof typeof SLUGS, string][]).find(
    ([, value]) => value === slug,
  );
  return match ? { screen: match[0] } : { screen: 'today' };
}

export function hrefOf(route: Route): string {
  if (route.screen === 'client') return `#/${SLUGS.clients}/${encodeURIComponent(route.clientId)}`;
  if (route.screen === 'plan') return `#/${SLUGS.plans}/${encodeURIComponent(route.planId)}`;
  return `#/${SLUGS[route.screen]}`;
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
