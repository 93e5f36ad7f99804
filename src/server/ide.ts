import type { Clock } from '../shared/clock';
import path from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import type { AuthConfig, Environment } from '../shared/config';
import { mintPersonaTokens } from '../auth/dev-tokens';

/**
 * The local GraphQL IDE: GraphiQL served by the API itself at GET /graphql (for browsers, i.e. a
 * request that prefers text/html), with every asset from node_modules (no CDN), and a role
 * switcher that sends a demo persona's token. Development only, unless GRAPHQL_IDE says otherwise.
 */

/**
 * GRAPHQL_IDE=true|false overrides; by default the IDE is on in development and off in test and
 * production. Read here (not in src/shared/config.ts) because only this module uses it.
 */
export function ideEnabled(env: Environment, processEnv: Record<string, string | undefined> = process.env): boolean {
  const raw = processEnv.GRAPHQL_IDE?.trim().toLowerCase();
  if (raw === 'true' || raw === '1' || raw === 'yes') return true;
  if (raw === 'false' || raw === '0' || raw === 'no') return false;
  return env === 'development';
}

export interface IdeOptions {
  /** With the generated development key (never in production), persona tokens are minted. */
  auth?: Pick<AuthConfig, 'issuer' | 'audience' | 'useDevKey'>;
  dataDir?: string;
  /** Lifetime of a persona token, seconds. */
  personaTtlSeconds?: number;
  /** Tokens are minted as of this clock's now. */
  clock: Clock;
}

/** The page's own policy: its scripts, styles and API calls come from this origin only. */
export const IDE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The only files served under /ide/assets/ (no directory is exposed). */
function assetFiles(): Record<string, string> {
  const react = path.dirname(require.resolve('react', { paths: [__dirname] }));
  const reactDom = path.dirname(require.resolve('react-dom', { paths: [__dirname] }));
  const graphiql = path.dirname(require.resolve('graphiql/graphiql.min.js', { paths: [__dirname] }));
  return {
    'react.production.min.js': path.join(react, 'umd', 'react.production.min.js'),
    'react-dom.production.min.js': path.join(reactDom, 'umd', 'react-dom.production.min.js'),
    'graphiql.min.js': path.join(graphiql, 'graphiql.min.js'),
    'graphiql.min.css': path.join(graphiql, 'graphiql.min.css'),
  };
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>Toeslagen API - GraphiQL</title>
<link rel="stylesheet" href="/ide/assets/graphiql.min.css">
<link rel="stylesheet" href="/ide/assets/ide.css">
</head>
<body>
<header id="ide-bar">
  <strong>Toeslagen API</strong>
  <label for="persona">Act as</label>
  <select id="persona"><option value="">no token (or set Authorization in the Headers tab)</option></select>
  <span id="persona-note" aria-live="polite"></span>
</header>
<main id="graphiql">Loading GraphiQL...</main>
<script src="/ide/assets/react.production.min.js"></script>
<script src="/ide/assets/react-dom.production.min.js"></script>
<script src="/ide/assets/graphiql.min.js"></script>
<script src="/ide/assets/ide.js"></script>
</body>
</html>
`;

const CSS = `html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
#ide-bar { display: flex; gap: 0.75rem; align-items: center; padding: 0.4rem 1rem; border-bottom: 1px solid #ccc; background: #f6f7f9; font-size: 14px; }
#ide-bar select { font-size: 14px; padding: 0.15rem 0.3rem; }
#persona-note { color: #555; }
#graphiql { flex: 1; min-height: 0; }
`;

// The browser side: the persona list, the fetcher (POST JSON with the selected token) and GraphiQL.
const SCRIPT = `(function () {
  'use strict';
  var select = document.getElementById('persona');
  var note = document.getElementById('persona-note');
  var STORAGE_KEY = 'toeslagen-ide-persona';
  var personas = [];

  function loadPersonas() {
    return fetch('/ide/personas', { headers: { accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
      .then(function (res) { return res.ok ? res.json() : { personas: [] }; })
      .then(function (body) { personas = body.personas || []; return personas; })
      .catch(function () { personas = []; return personas; });
  }

  function selected() {
    for (var i = 0; i < personas.length; i++) if (personas[i].id === select.value) return personas[i];
    return null;
  }

  function showNote() {
    var p = selected();
    note.textContent = p
      ? p.role + ' token, valid until ' + new Date(p.expiresAt * 1000).toLocaleTimeString() + ' (renewed automatically)'
      : personas.length ? '' : 'no demo personas: the development key is not in use';
  }

  function currentToken() {
    var p = selected();
    if (!p) return Promise.resolve(null);
    if (p.expiresAt * 1000 - Date.now() > 60000) return Promise.resolve(p.token);
    var id = p.id;
    return loadPersonas().then(function () { showNote(); var q = selected(); return q && q.id === id ? q.token : null; });
  }

  function fetcher(params, opts) {
    var extra = (opts && opts.headers) || {};
    return currentToken().then(function (token) {
      var headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
      if (token) headers.authorization = 'Bearer ' + token;
      Object.keys(extra).forEach(function (k) { headers[k.toLowerCase()] = extra[k]; });
      return fetch('/graphql', { method: 'POST', headers: headers, body: JSON.stringify(params), credentials: 'omit' });
    }).then(function (res) { return res.json(); });
  }

  loadPersonas().then(function () {
    personas.forEach(function (p) {
      var option = document.createElement('option');
      option.value = p.id;
      option.textContent = p.label;
      select.appendChild(option);
    });
    var remembered = window.localStorage.getItem(STORAGE_KEY);
    if (remembered) {
      for (var i = 0; i < personas.length; i++) if (personas[i].id === remembered) select.value = remembered;
    }
    showNote();
  });
  select.addEventListener('change', function () {
    window.localStorage.setItem(STORAGE_KEY, select.value);
    showNote();
  });

  var container = document.getElementById('graphiql');
  container.textContent = '';
  ReactDOM.createRoot(container).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      shouldPersistHeaders: false,
      defaultQuery: '# Choose a persona above, then run (Ctrl-Enter):\\n{\\n  viewer {\\n    role\\n  }\\n}\\n',
    }),
  );
})();
`;

function securityHeaders(res: Response): void {
  res.setHeader('content-security-policy', IDE_CSP);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
  res.setHeader('cross-origin-resource-policy', 'same-origin');
}

/** True for a browser navigation to /graphql (prefers HTML and carries no GraphQL query). */
function wantsIde(req: Request): boolean {
  if (req.query.query !== undefined) return false;
  return req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
}

/**
 * Routes of the IDE. Mount before the GraphQL handler: GET /graphql for browsers, /ide/assets/*,
 * and /ide/personas (only when the development key is in use).
 */
export function ideRouter(o: IdeOptions): Router {
  const clock = o.clock;
  const router = express.Router();
  const assets = assetFiles();
  const generated: Record<string, { type: string; body: string }> = {
    'ide.js': { type: 'text/javascript; charset=utf-8', body: SCRIPT },
    'ide.css': { type: 'text/css; charset=utf-8', body: CSS },
  };

  router.get('/graphql', (req, res, next) => {
    if (!wantsIde(req)) return next();
    securityHeaders(res);
    res.setHeader('cache-control', 'no-store');
    res.setHeader('vary', 'accept');
    res.type('html').send(PAGE);
  });

  router.get('/ide/assets/:file', (req, res, next) => {
    const name = String(req.params.file);
    securityHeaders(res);
    res.setHeader('cache-control', 'no-cache');
    const own = generated[name];
    if (own) {
      res.type(own.type).send(own.body);
      return;
    }
    const file = Object.hasOwn(assets, name) ? assets[name] : undefined;
    if (!file) return next();
    res.sendFile(file, { dotfiles: 'deny' }, (err) => {
      if (err) next(err);
    });
  });

  const auth = o.auth;
  const dataDir = o.dataDir;
  if (auth?.useDevKey && dataDir) {
    router.get('/ide/personas', async (req, res) => {
      // For the IDE page only: a browser tells us where the request comes from.
      const site = req.header('sec-fetch-site');
      if (site && site !== 'same-origin' && site !== 'none') {
        res.status(403).json({ error: 'same-origin only' });
        return;
      }
      const personas = await mintPersonaTokens({ dataDir, auth, now: clock.now() }, o.personaTtlSeconds);
      securityHeaders(res);
      res.setHeader('cache-control', 'no-store');
      res.json({ personas });
    });
  }
  return router;
}
