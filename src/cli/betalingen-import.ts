import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { importBetalingen } from '../modules/betaling/betaling.service';
import { parse } from './args';
import { runSystemCommand } from './system-command';

/** npm run betalingen:import -- --file statement.csv: books a bank statement (format: README "Betalingen importeren"). */
function args() {
  const { file } = parse({ file: { type: 'string' } });
  if (!file) throw new Error('--file is required');
  return { file };
}

runSystemCommand(args, async ({ em, pseudonymise, clock }, { file }) => {
  const tekst = await readFile(file, 'utf8');
  const r = await importBetalingen(em, { tekst, pseudonymise, clock });
  console.log(`betalingen:import: ${r.regels} lines, ${r.geboekt} booked, ${r.alGeregistreerd} already registered, ${r.fouten.length} refused, credit (overschot) ${r.overschot}`);
  for (const f of r.fouten) console.error(`line ${f.regel}: ${f.code}: ${f.melding}`);
  if (r.fouten.length) process.exitCode = 2;
});
