/**
 * What is read from outside (scenario files and links, building the cluster), in English (see
 * codes-input.ts): built in. The manifest importer's, a policy's YAML's and the CLI inspector's
 * sentences load with their code (./en-manifest.ts).
 */
import type { INPUT_CODES } from '../../sim/messages/codes-input';
import type { SimDictionary } from './format';
import type { LaterCode } from './en-manifest';

export const enInput: Pick<SimDictionary, Exclude<keyof typeof INPUT_CODES, LaterCode>> = {
  'input.not-object': () => 'a scenario is a JSON object',
  'input.not-json': (p) => `not valid JSON: ${p.detail}`,
  'input.version-missing': (p) => `missing; this app reads version ${p.version}`,
  'input.version-invalid': (p) => `must be a whole number (this app reads version ${p.version})`,
  'input.version-newer': (p) => `version ${p.given} is newer than this app understands (${p.version}); update the app`,
  'input.too-many-elements': (p, f) =>
    `the scenario has ${f.count(p.elements)} elements (subnets, routers, nodes, pods, clients, Services, load balancers, ingresses); at most ${f.count(p.max)} can be opened`,
  'input.too-many-values': (p, f) => `the scenario holds more than ${f.count(p.max)} values (labels, ports, rules...); at most ${f.count(p.max)} can be opened`,
  'input.file-too-large': (p) => `the file is larger than ${p.mb} MB`,
  'input.file-unreadable': () => 'the browser could not read the file',
  'input.not-lesson-id': () => 'not a lesson id',
  'input.no-free-pod-cidr': (p) => `no free /${p.prefix} left in the cluster pod CIDR ${p.podCidr}${p.node ? ` for node ${p.node}` : ''}`,
  'input.pod-node-missing': (p) => `pod ${p.pod} is on node ${p.node}, which does not exist`,
  'input.no-free-pod-ip': (p) => `${p.pod ? `pod ${p.pod}: ` : ''}node ${p.node} has no free address left in ${p.podCidr}`,
  'input.calico-pool-full': (p) => `pod ${p.pod}: the Calico IP pool ${p.pool} has no free address left`,
  'input.service-cidr-full': (p) => `the service CIDR ${p.serviceCidr} is full`,
  'input.node-ports-full': (_p, f) => `the NodePort range ${f.code('30000-32767')} is full`,
  'input.no-variant': (p) => `is not a valid value${p.given ? ` (not ${p.given})` : ''}`,
  'input.at': (p) => `${p.path}: ${p.issue}`,
};
