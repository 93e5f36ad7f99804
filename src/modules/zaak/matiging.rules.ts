import Decimal from 'decimal.js';
import { formatEuro } from '../../shared/format-nl';
import { UserErrorCode } from '../../shared/user-error';
import { SchuldStatus, TERMINAL_SCHULD_STATUSES } from '../schuld/schuld.enums';
import type { RuleError } from '../toeslag/toeslag.rules';

/**
 * Matiging (lowering) of a schuld under the hardship clause (Awir art. 13b; seeds 000 and 001:
 * "bij bijzondere omstandigheden de terugvordering matigen"). Pure rules, no I/O.
 */

/** Why a hardheidsverzoek cannot be made for this schuld, or null. */
export function matigingBezwaar(s: { status: SchuldStatus; openstaandBedrag: Decimal; kosten: Decimal }): RuleError | null {
  const field = ['input', 'schuldId'];
  if (s.status === SchuldStatus.VOLDAAN || s.status === SchuldStatus.KWIJTGESCHOLDEN || s.openstaandBedrag.plus(s.kosten).lte(0)) {
    return { code: UserErrorCode.SCHULD_AL_BETAALD, field, message: 'Deze schuld is al betaald of kwijtgescholden; er valt niets te matigen.' };
  }
  if (s.status === SchuldStatus.BUITEN_INVORDERING) {
    return { code: UserErrorCode.SCHULD_BUITEN_INVORDERING, field, message: 'Deze schuld wordt niet meer ingevorderd; u hoeft er niets voor te betalen.' };
  }
  return null;
}

export interface MatigingEffect {
  nieuwOpenstaandBedrag: Decimal;
  /** openstaand − nieuw: the amount remitted from the principal (> 0). */
  verlaging: Decimal;
  /** Lowered to zero: the schuld becomes KWIJTGESCHOLDEN and its unpaid costs are remitted too. */
  kwijtgescholden: boolean;
  kwijtgescholdenKosten: Decimal;
  toelichting: string;
}

/**
 * A granted matiging sets the open principal to `nieuw`: in cents, at least 0 and below the current
 * open amount (BEDRAG_ONGELDIG otherwise; "lowering" to the same amount is a rejection). At zero the
 * schuld is KWIJTGESCHOLDEN, and collection costs charged on it are remitted with it (costs of
 * collecting a debt that is no longer owed). The schuld must still be collectable (matigingBezwaar).
 */
export function planMatiging(
  s: { status: SchuldStatus; openstaandBedrag: Decimal; kosten: Decimal },
  nieuw: Decimal,
): { ok: true; effect: MatigingEffect } | { ok: false; errors: RuleError[] } {
  const bezwaar = matigingBezwaar(s);
  if (bezwaar) return { ok: false, errors: [bezwaar] };
  if (TERMINAL_SCHULD_STATUSES.includes(s.status)) return { ok: false, errors: [] };
  if (!nieuw.isFinite() || nieuw.isNegative() || nieuw.decimalPlaces() > 2 || nieuw.gte(s.openstaandBedrag)) {
    return {
      ok: false,
      errors: [
        {
          code: UserErrorCode.BEDRAG_ONGELDIG,
          field: ['input', 'nieuwOpenstaandBedrag'],
          message: `Het nieuwe openstaande bedrag moet lager zijn dan ${formatEuro(s.openstaandBedrag)} en € 0,00 of meer, in centen.`,
        },
      ],
    };
  }
  const verlaging = s.openstaandBedrag.minus(nieuw);
  const kwijtgescholden = nieuw.isZero();
  const kwijtgescholdenKosten = kwijtgescholden ? s.kosten : new Decimal(0);
  return {
    ok: true,
    effect: {
      nieuwOpenstaandBedrag: nieuw,
      verlaging,
      kwijtgescholden,
      kwijtgescholdenKosten,
      toelichting: kwijtgescholden
        ? `De schuld is kwijtgescholden (${formatEuro(verlaging)}${kwijtgescholdenKosten.gt(0) ? ` en ${formatEuro(kwijtgescholdenKosten)} kosten` : ''}).`
        : `De schuld is gematigd met ${formatEuro(verlaging)}: u hoeft nog ${formatEuro(nieuw)} te betalen.`,
    },
  };
}

export interface TermijnRest {
  volgnummer: number;
  bedrag: Decimal;
  betaaldBedrag: Decimal;
}

/**
 * When a schuld in an active betalingsregeling is lowered, the regeling shrinks with it: the
 * reduction comes off the unpaid part of the termijnen, from the last one backwards, so the
 * termijnen still sum exactly to the (lowered) totaalBedrag and nobody pays for what was remitted.
 * A termijn keeps at least what was already paid on it; a termijn left at 0 with nothing paid is
 * dropped. Returns the new amounts per volgnummer, the dropped volgnummers and how much was taken
 * off (less than `verlaging` only when the unpaid termijnen were smaller than it).
 */
export function verlaagTermijnen(
  termijnen: readonly TermijnRest[],
  verlaging: Decimal,
): { bedragen: Map<number, Decimal>; vervallen: number[]; verlaagd: Decimal } {
  let rest = verlaging;
  const bedragen = new Map<number, Decimal>();
  const vervallen: number[] = [];
  for (const t of [...termijnen].sort((a, b) => b.volgnummer - a.volgnummer)) {
    if (rest.lte(0)) break;
    const onbetaald = Decimal.max(0, t.bedrag.minus(t.betaaldBedrag));
    if (onbetaald.lte(0)) continue;
    const af = Decimal.min(onbetaald, rest);
    rest = rest.minus(af);
    const nieuw = t.bedrag.minus(af);
    if (nieuw.isZero() && t.betaaldBedrag.isZero()) vervallen.push(t.volgnummer);
    else bedragen.set(t.volgnummer, nieuw);
  }
  return { bedragen, vervallen, verlaagd: verlaging.minus(rest) };
}
