// The one Content-Security-Policy of the renderer: no remote content, no eval, nothing inline but styles.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Directives a browser ignores (and warns about) when the policy comes in a <meta> element. */
const HEADER_ONLY_DIRECTIVES = ['frame-ancestors', 'report-uri', 'sandbox'];

/**
 * Sync (issue 15) in web mode: the browser talks to the CouchDB server the person configures,
 * unknown when the page is built, so connect-src allows HTTPS servers and one on this computer
 * (the only plain-HTTP address the app accepts). The desktop app keeps connect-src 'self': its
 * main process does the HTTP (electron/sync-http.ts).
 */
export const WEB_SYNC_CONNECT_SOURCES = ['https:', 'http://localhost:*', 'http://127.0.0.1:*'];

/** The same policy for web mode's <meta http-equiv>: what a meta tag can enforce, plus sync. */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !HEADER_ONLY_DIRECTIVES.includes(directive.split(' ')[0] ?? ''))
  .map((directive) =>
    directive.startsWith('connect-src ')
      ? `${directive} ${WEB_SYNC_CONNECT_SOURCES.join(' ')}`
      : directive,
  )
  .join('; ');
