import 'reflect-metadata';
import { eraseExpiredVroegsignalen } from '../modules/vroegsignalering/vroegsignalering.engine';
import { todayInNL } from '../shared/dates';
import { parse } from './args';
import { runSystemCommand } from './system-command';

/**
 * npm run vroegsignalering:retentie -- [--date YYYY-MM-DD]: erases the personal fields of vroegsignalen
 * older than the retention period (norm VROEGSIGNAAL_BEWAARTERMIJN_MAANDEN), keeping anonymous counts.
 */
const args = () => ({ datum: parse({ date: { type: 'string' } }).date ?? todayInNL() });

runSystemCommand(args, async ({ em, pseudonymise }, { datum }) => {
  const r = await eraseExpiredVroegsignalen(em, { datum, pseudonymise });
  console.log(`vroegsignalering retentie ${datum}: ${r.gewist} signals with a signaaldatum before ${r.grens} erased`);
});
