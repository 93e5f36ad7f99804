import { Migration } from '@mikro-orm/migrations';

/**
 * The vroegsignalering norms (domain.md §4) and its processing activity in the register.
 * Insert-only: rows are data (docs/adr/0011). All three norms are assumptions (aanname): the
 * domain leaves the threshold and the crisis level open and calls the 12 months an assumption.
 */
export class Migration20261122182100_vroegsignalering_norms extends Migration {

  override async up(): Promise<void> {
    this.addSql(`insert into "norm" ("code", "geldig_vanaf", "waarde", "eenheid", "omschrijving", "bron", "aanname") values
      ('VROEGSIGNAAL_DREMPEL', '2025-01-01', 100.00, 'EUR', 'Vroegsignaal als de achterstand na een aanmaning (openstaand bedrag plus kosten) ten minste dit bedrag is', 'aanname (domain.md §4: drempel niet vastgesteld)', true),
      ('VROEGSIGNAAL_CRISISDREMPEL', '2025-01-01', 3000.00, 'EUR', 'Crisissignaal vanaf deze achterstand (een dwangbevel geeft altijd een crisissignaal)', 'aanname (domain.md §4)', true),
      ('VROEGSIGNAAL_BEWAARTERMIJN_MAANDEN', '2025-01-01', 12, 'MAANDEN', 'Persoonsgegevens van een vroegsignaal worden na deze termijn gewist', 'aanname (domain.md §4)', true);`);

    this.addSql(`insert into "processing_activity" ("id", "name", "purpose", "legal_basis", "retention_months") values
      ('vroegsignalering', 'Vroegsignalering van betalingsachterstanden aan gemeenten',
       'Signalling toeslag terugvorderingen still unpaid after an aanmaning to the household''s gemeente so it can offer debt help early; the gemeente reads, acknowledges and follows up its signals.',
       'AVG art. 6(1)(e); Wet gemeentelijke schuldhulpverlening (vroegsignalering); experiment vroegsignalering Dienst Toeslagen (ten gemeenten, until 1 June 2027)', 12);`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "processing_activity" where "id" = 'vroegsignalering';`);
    this.addSql(`delete from "norm" where "code" in ('VROEGSIGNAAL_DREMPEL', 'VROEGSIGNAAL_CRISISDREMPEL', 'VROEGSIGNAAL_BEWAARTERMIJN_MAANDEN');`);
  }

}
