/**
 * Share-link length of the default scenario and of each built-in lesson (issue 7: the default
 * scenario's link stays under 1,500 characters), with and without the canvas positions the app adds
 * when it lays a scenario out, and the time to encode and decode each link.
 */
import { decodeShareLink, encodeShareLink } from '../src/io/share-link';
import { LESSONS, lessonScenario } from '../src/lessons/index';
import { defaultScenario } from '../src/store/defaultScenario';
import { autoLayout } from '../src/layout/layout';
import type { Scenario } from '../src/sim/index';
import { fmt, timeIt } from './timing';

/** The default scenario's link must stay under this many characters (the whole `#s=1.<data>` hash). */
export const DEFAULT_LINK_BUDGET = 1500;

function hashOf(s: Scenario, lesson?: string): string {
  const link = encodeShareLink(s, lesson === undefined ? {} : { lesson });
  if (!link.ok) throw new Error(`cannot encode ${s.name}: ${link.error.message}`);
  return link.hash;
}

export function runLinksBench(): void {
  console.log('\n## Share links: characters in the #s=1.<data> hash; encode / decode median microseconds');
  console.log('scenario                         json  link  link+layout  encode(us)  decode(us)');
  const rows: [string, Scenario, string | undefined][] = [
    ['default scenario', defaultScenario(), undefined],
    ...LESSONS.map((l): [string, Scenario, string] => [`lesson ${l.number} ${l.id}`, lessonScenario(l), l.id]),
  ];
  for (const [label, scenario, lesson] of rows) {
    const laidOut = { ...scenario, layout: autoLayout(scenario) };
    const hash = hashOf(laidOut, lesson);
    const encode = timeIt(() => hashOf(laidOut, lesson), 200, 20);
    const decode = timeIt(() => decodeShareLink(hash), 200, 20);
    const json = JSON.stringify(scenario).length;
    console.log(
      `${label.padEnd(30)} ${String(json).padStart(6)} ${String(hashOf(scenario, lesson).length).padStart(5)} ${String(hash.length).padStart(12)}  ${fmt(encode.medianUs)}   ${fmt(decode.medianUs)}`,
    );
    if (lesson === undefined && hash.length >= DEFAULT_LINK_BUDGET) {
      console.log(`!! the default scenario's link is ${hash.length} characters, over the ${DEFAULT_LINK_BUDGET} budget`);
      process.exitCode = 1;
    }
  }
}
