import 'reflect-metadata';
import { restantRegel } from '../modules/betalingsregeling/restant.service';
import { runInvordering } from '../modules/invordering/invordering.service';
import type { Clock } from '../shared/clock';
import { parse } from './args';
import { runSystemCommand } from './system-command';

/**
 * npm run invordering -- [--date YYYY-MM-DD] [--allow-future-date]: the daily collection engine
 * (default: today in NL). A date after today is refused unless --allow-future-date says it is a replay.
 */
const args = (clock: Clock) => {
  const a = parse({ date: { type: 'string' }, 'allow-future-date': { type: 'boolean' } });
  return { datum: a.date ?? clock.today(), allowFutureDate: a['allow-future-date'] ?? false };
};

runSystemCommand(args, async ({ em, pseudonymise, clock }, { datum, allowFutureDate }) => {
  const started = performance.now();
  const result = await runInvordering(em, { datum, pseudonymise, clock, allowFutureDate });
  const acties = Object.entries(result.acties).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
  console.log(
    `invordering ${datum}: ${result.onderzocht} schulden examined, changes: ${acties}` +
      (result.overgeslagen ? `, ${result.overgeslagen} skipped (changed concurrently; next run)` : '') +
      (result.fouten.length ? `, ${result.fouten.length} could not be evaluated` : '') +
      (result.restant ? restantRegel(result.restant) : '') +
      ` (${((performance.now() - started) / 1000).toFixed(1)} s)`,
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
