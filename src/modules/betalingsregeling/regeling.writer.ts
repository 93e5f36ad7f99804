import type Decimal from 'decimal.js';
import type { HouseholdScope } from '../../auth/household-scope';
import type { Household } from '../household/household.entity';
import { SchuldEvent } from '../schuld/schuld-event.entity';
import type { Schuld } from '../schuld/schuld.entity';
import { SchuldEventSoort, SchuldStatus } from '../schuld/schuld.enums';
import { Betalingsregeling } from './betalingsregeling.entity';
import { BetalingsregelingStatus, type BetalingsregelingSoort } from './betalingsregeling.enums';
import type { PlannedTermijn } from './betalingsregeling.rules';
import { Termijn } from './termijn.entity';

export interface NieuweRegeling {
  soort: BetalingsregelingSoort;
  totaal: Decimal;
  startdatum: string;
  termijnen: PlannedTermijn[];
  herzieningsdatum?: string | null;
  restantNaLooptijd?: Decimal | null;
  /** The REGELING_GESTART event's reason. */
  reden: string;
  /** BURGER, INTERMEDIAIR, MEDEWERKER. */
  bron: string;
  datum: string;
}

/**
 * Stages (with `tx.persist`, inside the caller's transaction, after the schulden were locked and
 * checked) an ACTIEF betalingsregeling with its termijnen, its links to the schulden, the schulden's
 * new status IN_BETALINGSREGELING and one REGELING_GESTART event per schuld. The flush at commit
 * checks every schuld's optimistic version.
 */
export function writeRegeling(tx: HouseholdScope, household: Household, schulden: readonly Schuld[], r: NieuweRegeling): Betalingsregeling {
  const em = tx.entityManager;
  const regeling = em.create(
    Betalingsregeling,
    {
      household,
      soort: r.soort,
      status: BetalingsregelingStatus.ACTIEF,
      totaalBedrag: r.totaal,
      termijnbedrag: r.termijnen[0].bedrag,
      aantalTermijnen: r.termijnen.length,
      startdatum: r.startdatum,
      herzieningsdatum: r.herzieningsdatum ?? null,
      restantNaLooptijd: r.restantNaLooptijd ?? null,
    },
    { persist: false },
  );
  tx.persist(regeling);
  for (const t of r.termijnen) {
    tx.persist(
      em.create(Termijn, { household, betalingsregeling: regeling, volgnummer: t.volgnummer, vervaldatum: t.vervaldatum, bedrag: t.bedrag }, { persist: false }),
    );
  }
  for (const s of schulden) {
    regeling.schulden.add(s);
    const vanStatus = s.status;
    s.status = SchuldStatus.IN_BETALINGSREGELING;
    s.statusSinds = r.datum;
    tx.persist(s);
    tx.persist(
      em.create(
        SchuldEvent,
        {
          household,
          schuld: s,
          datum: r.datum,
          soort: SchuldEventSoort.REGELING_GESTART,
          vanStatus,
          naarStatus: SchuldStatus.IN_BETALINGSREGELING,
          bedrag: s.openstaandBedrag.plus(s.kosten),
          reden: r.reden,
          bron: r.bron,
        },
        { persist: false },
      ),
    );
  }
  return regeling;
}
