import Decimal from 'decimal.js';
import { Type, type Platform, type EntityProperty } from '@mikro-orm/core';

/** Maps PostgreSQL numeric(15,2) to decimal.js. Values never pass through a JS number. */
export class MoneyType extends Type<Decimal | null | undefined, string | null | undefined> {
  override convertToDatabaseValue(value: Decimal | string | null | undefined): string | null | undefined {
    if (value === null || value === undefined) return value;
    const d = Decimal.isDecimal(value) ? (value as Decimal) : new Decimal(value);
    if (d.decimalPlaces() > 2) throw new Error('money with more than 2 decimals cannot be stored');
    return d.toFixed(2);
  }

  override convertToJSValue(value: string | Decimal | null | undefined): Decimal | null | undefined {
    if (value === null || value === undefined) return value;
    return Decimal.isDecimal(value) ? (value as Decimal) : new Decimal(value);
  }

  override compareAsType(): string {
    return 'string';
  }

  override ensureComparable(): boolean {
    return true;
  }

  override getColumnType(_prop: EntityProperty, _platform: Platform): string {
    return 'numeric(15,2)';
  }
}
