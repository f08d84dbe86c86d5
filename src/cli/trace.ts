/** Entry point: `npm run --silent trace -- SCENARIO.json --from NAME --to NAME|IP[:PORT]`. */
import { runTraceCli } from './run';

// yaml's Node build reads process.env.LOG_TOKENS once per token; Node's process.env is a slow native
// accessor, so a plain copy makes reading big manifests about twice as fast.
process.env = { ...process.env };
const out = runTraceCli(process.argv.slice(2));
if (out.stdout) process.stdout.write(out.stdout);
if (out.stderr) process.stderr.write(out.stderr);
process.exitCode = out.code;
