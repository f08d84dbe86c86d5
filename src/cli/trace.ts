/** Entry point: `npm run --silent trace -- SCENARIO.json --from NAME --to NAME|IP[:PORT]`. */
import { runTraceCli } from './run';

const out = runTraceCli(process.argv.slice(2));
if (out.stdout) process.stdout.write(out.stdout);
if (out.stderr) process.stderr.write(out.stderr);
process.exitCode = out.code;
