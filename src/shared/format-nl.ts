import type Decimal from 'decimal.js';

/** "€ 1.572,00": Dutch notation, from the exact decimal (never through a float). */
export function formatEuro(amount: Decimal): string {
  const [whole, cents] = amount.abs().toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount.isNegative() && !amount.isZero() ? '-' : ''}€ ${grouped},${cents}`;
}

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "10 juli 2026" from "2026-07-10". */
export function formatDatum(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MAANDEN[m - 1]} ${y}`;
}
