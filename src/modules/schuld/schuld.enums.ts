import { registerEnumType } from 'type-graphql';

/** Invordering state of a schuld (domain.md §3). Pausing (UHT) is orthogonal: see `gepauzeerd`. */
export enum SchuldStatus {
  OPEN = 'OPEN',
  IN_BETALINGSREGELING = 'IN_BETALINGSREGELING',
  VERREKEND = 'VERREKEND',
  HERINNERD = 'HERINNERD',
  AANGEMAAND = 'AANGEMAAND',
  DWANGBEVEL = 'DWANGBEVEL',
  VOLDAAN = 'VOLDAAN',
  KWIJTGESCHOLDEN = 'KWIJTGESCHOLDEN',
  BUITEN_INVORDERING = 'BUITEN_INVORDERING',
}
registerEnumType(SchuldStatus, {
  name: 'SchuldStatus',
  description:
    'OPEN → IN_BETALINGSREGELING | VERREKEND | HERINNERD → AANGEMAAND → DWANGBEVEL; terminal VOLDAAN, KWIJTGESCHOLDEN, BUITEN_INVORDERING.',
});
