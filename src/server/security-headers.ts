import type { RequestHandler } from 'express';

/**
 * Headers on every response: no caching of (personal) data, no MIME sniffing, no framing, no
 * referrer, and the API version. The CSP `frame-ancestors 'none'` is set on everything except
 * the IDE's asset routes (/ide/*); the IDE page itself (GET /graphql in development, src/server/ide.ts)
 * may replace the Content-Security-Policy header with one that allows its own scripts: it is set
 * here before any route runs, so a later `res.setHeader` wins.
 */
export function securityHeaders(apiVersion: string): RequestHandler {
  return (req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('API-Version', apiVersion);
    if (!req.path.startsWith('/ide/')) res.setHeader('Content-Security-Policy', "frame-ancestors 'none'");
    next();
  };
}
