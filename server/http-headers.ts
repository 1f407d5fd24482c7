import helmet from "helmet";

/**
 * Security headers (helmet): a Content-Security-Policy that lets the page load only from the app
 * itself and, when BASEMAP_URL is set, that basemap's host; no framing by other sites; no
 * referrer sent; no MIME sniffing. MapLibre needs blob: workers and data:/blob: images; React and
 * MapLibre set inline styles.
 */
export function securityHeaders(basemapUrl?: string) {
  const basemap = basemapUrl ? [new URL(basemapUrl).origin] : [];
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:", ...basemap],
        fontSrc: ["'self'", "data:", ...basemap],
        connectSrc: ["'self'", ...basemap],
        workerSrc: ["'self'", "blob:"],
        childSrc: ["'self'", "blob:"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: "no-referrer" },
  });
}
