/** A suggested packet's destination as text (the lesson panel shows it before the lessons' content is needed). */
import type { Scenario } from '../sim/index';
import type { SuggestedPacket } from './types';

/** The destination as a user would type it in the send box: `web:80`, `127.0.0.1:6379`, `http://host/path`. */
export function packetTargetText(packet: Pick<SuggestedPacket, 'to' | 'port'>, scenario?: Scenario): string {
  const element = scenario && [...scenario.pods, ...scenario.nodes, ...scenario.clients].find((e) => e.id === packet.to);
  const to = element ? element.name : packet.to;
  return packet.port === undefined ? to : `${to}:${packet.port}`;
}
