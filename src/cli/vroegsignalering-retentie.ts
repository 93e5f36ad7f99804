import 'reflect-metadata';
import { eraseExpiredVroegsignalen } from '../modules/vroegsignalering/vroegsignalering.engine';
import type { Clock } from '../shared/clock';
import { parse } from './args';
import { runSystemCommand } from './system-command';

/**
 * npm run vroegsignalering:retentie -- [--date YYYY-MM-DD]: erases the personal fields of vroegsignalen
 * older than the retention period (norm VROEGSIGNAAL_BEWAARTERMIJN_MAANDEN), keeping anonymous counts.
 */
const args = (clock: Clock) => ({ datum: parse({ date: { type: 'string' } }).date ?? clock.today() });

runSystemCommand(args, async ({ em, pseudonymise, clock }, { datum }) => {
  const r = await eraseExpiredVroegsignalen(em, { datum, pseudonymise, clock });
  console.log(`vroegsignalering retentie ${datum}: ${r.gewist} signals with a signaaldatum before ${r.grens} erased`);
});
