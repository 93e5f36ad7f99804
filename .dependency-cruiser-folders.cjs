/**
 * Folder cycles in src/ (npm run depcheck, after the layer rules of .dependency-cruiser.cjs).
 *
 * A separate pass because dependency-cruiser's baseline does not cover folder-level rules, and two
 * kinds of imports are left out of this graph on purpose (doNotFollow: the file is a node, but its
 * own imports are not followed):
 * - ORM entities (*.entity.ts): a relation needs the other entity class, and MikroORM relations
 *   run both ways (Household has its machtigingen, a Machtiging its household). A cycle made only
 *   of entity relations is the data model, not a layering problem. Every other import into or out
 *   of a domain folder still counts: a service, resolver, loader or type that closes a cycle fails.
 * - the files with a known upward import (.dependency-cruiser-known-violations.json): their
 *   upward import would close a cycle through auth that the layer rules already report; when such
 *   a file is fixed, remove it from that baseline and from the list below.
 */
const layers = require('./.dependency-cruiser.cjs');
const known = require('./.dependency-cruiser-known-violations.json');

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const knownFiles = [...new Set(known.map((v) => v.from))].map((f) => `^${escape(f)}$`);

module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycle',
      severity: 'error',
      comment: 'folders import each other one way only; move the shared part down instead',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    ...layers.options,
    doNotFollow: { path: ['node_modules', '[.]entity[.]ts$', ...knownFiles] },
  },
};
