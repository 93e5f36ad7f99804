import 'reflect-metadata';
import { restantRegel } from '../modules/betalingsregeling/restant.service';
import { runInvordering } from '../modules/invordering/invordering.service';
import { todayInNL } from '../shared/dates';
import { parse } from './args';
import { runSystemCommand } from './system-command';

/** npm run invordering -- [--date YYYY-MM-DD]: the daily collection engine (default: today in NL). */
const args = () => ({ datum: parse({ date: { type: 'string' } }).date ?? todayInNL() });

runSystemCommand(args, async ({ em, pseudonymise }, { datum }) => {
  const started = Date.now();
  const result = await runInvordering(em, { datum, pseudonymise });
  const acties = Object.entries(result.acties).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
  console.log(
    `invordering ${datum}: ${result.onderzocht} schulden examined, changes: ${acties}` +
      (result.overgeslagen ? `, ${result.overgeslagen} skipped (changed concurrently; next run)` : '') +
      (result.fouten.length ? `, ${result.fouten.length} could not be evaluated` : '') +
      (result.restant ? restantRegel(result.restant) : '') +
      ` (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  const b = result.betalingsregelingen;
  if (b) {
    console.log(`betalingsregelingen en verrekening: ${Object.entries(b.acties).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
    for (const f of b.fouten.slice(0, 20)) console.error(`regeling/household ${f.id}: ${f.melding}`);
  }
  if (result.vroegsignalering) {
    const vs = result.vroegsignalering;
    const ended = Object.entries(vs.beeindigd).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
    console.log(`vroegsignalering ${datum}: ${vs.onderzocht} households examined, ${vs.geopend} signals opened, ended: ${ended}`);
  }
  if (result.kinderopvang) console.log(`kinderopvang ${datum}: ${JSON.stringify(result.kinderopvang)}`);
  for (const f of result.fouten.slice(0, 20)) console.error(`schuld ${f.schuldId}: ${f.melding}`);
  if (result.fouten.length) process.exitCode = 2;
});
