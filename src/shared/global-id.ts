import { badInput } from './errors';

/** Node types that can be fetched through `node(id)`. */
export type NodeTypeName =
  | 'Household'
  | 'Toeslag'
  | 'Beschikking'
  | 'Schuld'
  | 'Betalingsregeling'
  | 'Machtiging'
  | 'Zaak'
  | 'Vroegsignaal'
  | 'VroegsignaleringDeelname'
  | 'Verrekening'
  | 'KinderopvangLevering'
  | 'Convenanttegoed'
  | 'Mutatievoorstel';
/** Every type `node(id)` can return; the authorization matrix probes `node` for each. */
export const NODE_TYPES: readonly NodeTypeName[] = [
  'Household',
  'Toeslag',
  'Beschikking',
  'Schuld',
  'Betalingsregeling',
  'Machtiging',
  'Zaak',
  'Vroegsignaal',
  'VroegsignaleringDeelname',
  'Verrekening',
  'KinderopvangLevering',
  'Convenanttegoed',
  'Mutatievoorstel',
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Opaque global id (Relay): base64url of "Type:uuid". Clients must not parse it. */
export function toGlobalId(type: NodeTypeName, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

export function fromGlobalId(globalId: string): { type: NodeTypeName; id: string } {
  const decoded = /^[A-Za-z0-9_-]{1,200}$/.test(globalId) ? Buffer.from(globalId, 'base64url').toString('utf8') : '';
  const sep = decoded.indexOf(':');
  const type = decoded.slice(0, sep) as NodeTypeName;
  const id = decoded.slice(sep + 1);
  if (sep < 0 || !NODE_TYPES.includes(type) || !UUID.test(id)) {
    throw badInput('id is not a valid global id', 'id');
  }
  return { type, id };
}

/** Decodes a global id that must be of one type, e.g. `household(id)`. */
export function fromGlobalIdOfType(globalId: string, type: NodeTypeName): string {
  const decoded = fromGlobalId(globalId);
  if (decoded.type !== type) throw badInput(`id is not the id of a ${type}`, 'id');
  return decoded.id;
}
