// The renderer's Content-Security-Policy, one definition for both shells: the desktop window sends it as a header and
// the web host with every page. It matches the meta tag in src/renderer/index.html (renderer-csp.test.ts checks):
// scripts and connections to the page's own origin only, no plugins, no framing, no form posts.
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
