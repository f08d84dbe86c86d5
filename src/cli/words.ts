/**
 * The CLI's own lines (usage, argument errors, notes, the matrix legend) in English and Simplified
 * Chinese, chosen by --lang. What a tool prints (iptables-save, ip route, YAML) and the JSON keys stay
 * as they are; simulator messages are rendered by src/i18n/sim.
 */
import type { Locale } from '../i18n/locale';
import type { Message } from '../sim/index';
import { formatMessage } from '../i18n/sim/index';

const en = {
  error: 'error: {text}',
  note: 'note: {text}',
  usage:
    'usage: npm run --silent trace -- SCENARIO.json | APP.yaml [MORE.yaml ...] [--cluster CLUSTER.json] (--from NAME|KIND/NAME --to NAME|KIND/NAME|IP[:PORT]|URL [--proto tcp|udp|icmp] [--seed N] [--count N] [--allow-invalid] [--lang en|zh-CN] | --export-yaml | --show endpointslices [--service NAME])\n' +
    '       npm run --silent trace -- SCENARIO.json (--node NAME | --pod NAME) --show TOOL [--table nat|filter] [--from NAME --to DEST]',
  matrixUsage:
    'usage: npm run --silent trace -- SCENARIO.json|MANIFESTS.yaml... --matrix [--port N] [--proto tcp|udp] [--namespace NS] [--no-services] [--json] [--lang en|zh-CN]',
  needsValue: '{option} needs a value',
  needsWholeNumber: '{option} needs a whole number',
  between: '{option} must be between {min} and {max}',
  portRange: '--port must be a whole number between 1 and 65535',
  oneOf: '{option} must be {choices}, not "{value}"',
  matrixProto: '--proto for --matrix must be {choices}, not "{value}"',
  unknownOption: 'unknown option {option}',
  unknownMatrixOption: 'unknown option {option} for --matrix',
  unexpected: 'unexpected argument "{arg}"',
  missingFile: 'missing the scenario file',
  missingOption: 'missing {option}',
  showNeedsTool: '--node/--pod need --show TOOL',
  showOneOf: '--show needs exactly one of --node NAME or --pod NAME',
  fromToTogether: '--from and --to go together',
  unknownView: '--show: unknown view "{view}" (known: endpointslices; a node\'s or pod\'s tools need --node NAME or --pod NAME)',
  'problems.one': '{file} has {count} problem; fix it or pass --allow-invalid to trace anyway',
  'problems.other': '{file} has {count} problems; fix them or pass --allow-invalid to trace anyway',
  problemCluster: 'cluster',
  problemElement: '{kind} "{name}"',
  noPodInNamespace: 'no pod in namespace "{namespace}" (--namespace)',
  unknownSender: 'unknown element "{name}" (--from); elements that can send: {names}',
  unknownSenderNone: 'unknown element "{name}" (--from); this scenario has no pod, node or outside client to send from',
  andMore: 'and {count} more',
  unknownService: 'unknown Service "{name}" (--service); known: {names}',
  cannotRead: 'cannot read {path}: {why}',
  tooBig: 'it is {size} bytes; scenario files are limited to {max} bytes',
  tooBigMore: 'it is more than {max} bytes; scenario files are limited to {max} bytes',
  notRegular: '{kind}, not a regular file',
  'kind.directory': 'a directory',
  'kind.fifo': 'a FIFO (named pipe)',
  'kind.device': 'a device',
  'kind.socket': 'a socket',
  'kind.other': 'not a regular file',
  invalidScenario: 'invalid scenario {file}: {errors}',
  clusterWithoutManifests: '--cluster places manifests (.yaml/.yml files) on a scenario; no manifest was given',
  oneJsonAtMost: 'one scenario .json at most (the cluster); got {files}',
  replaced: '{ref} was already in {file}: the manifest replaces it',
  'matrix.legend':
    "Reachability ({proto}), rows: from, columns: to. ok = allowed, X> = denied by the sender's egress policy, X< = denied by the receiver's ingress policy, -- = dropped for another reason.",
  'matrix.flannel': 'flannel does not implement NetworkPolicy: every policy here has no effect.',
  'matrix.denials': 'Denials by isolating policy:',
  'matrix.otherDrops': 'Other drops:',
};

export type CliWord = keyof typeof en;

const zhCN: Record<CliWord, string> = {
  error: '错误：{text}',
  note: '注意：{text}',
  usage:
    '用法：npm run --silent trace -- 场景.json | 应用.yaml [更多.yaml ...] [--cluster 集群.json] (--from 名称|类型/名称 --to 名称|类型/名称|IP[:端口]|URL [--proto tcp|udp|icmp] [--seed N] [--count N] [--allow-invalid] [--lang en|zh-CN] | --export-yaml | --show endpointslices [--service 名称])\n' +
    '      npm run --silent trace -- 场景.json (--node 名称 | --pod 名称) --show 工具 [--table nat|filter] [--from 名称 --to 目的地]',
  matrixUsage:
    '用法：npm run --silent trace -- 场景.json|清单.yaml... --matrix [--port N] [--proto tcp|udp] [--namespace 命名空间] [--no-services] [--json] [--lang en|zh-CN]',
  needsValue: '{option} 后面需要一个值',
  needsWholeNumber: '{option} 后面需要一个整数',
  between: '{option} 必须在 {min} 到 {max} 之间',
  portRange: '--port 必须是 1 到 65535 之间的整数',
  oneOf: '{option} 只能是 {choices}，而不是“{value}”',
  matrixProto: '--matrix 的 --proto 只能是 {choices}，而不是“{value}”',
  unknownOption: '未知选项 {option}',
  unknownMatrixOption: '--matrix 不支持选项 {option}',
  unexpected: '多余的参数“{arg}”',
  missingFile: '缺少场景文件',
  missingOption: '缺少 {option}',
  showNeedsTool: '--node/--pod 需要配合 --show 工具名 使用',
  showOneOf: '--show 需要 --node 名称 或 --pod 名称 二者之一',
  fromToTogether: '--from 和 --to 必须同时给出',
  unknownView: '--show：未知视图“{view}”（可用：endpointslices；查看节点或 Pod 上的工具输出需要 --node 名称 或 --pod 名称）',
  'problems.one': '{file} 有 {count} 个问题；请先修正，或加上 --allow-invalid 仍然追踪',
  'problems.other': '{file} 有 {count} 个问题；请先修正，或加上 --allow-invalid 仍然追踪',
  problemCluster: '集群',
  problemElement: '{kind}“{name}”',
  noPodInNamespace: '命名空间“{namespace}”里没有 Pod（--namespace）',
  unknownSender: '未知元素“{name}”（--from）；可以发送的元素有：{names}',
  unknownSenderNone: '未知元素“{name}”（--from）；这个场景里没有可以发送的 Pod、节点或外部客户端',
  andMore: '还有 {count} 个',
  unknownService: '未知服务“{name}”（--service）；已有的服务：{names}',
  cannotRead: '无法读取 {path}：{why}',
  tooBig: '文件有 {size} 字节，场景文件最多 {max} 字节',
  tooBigMore: '文件超过 {max} 字节，场景文件最多 {max} 字节',
  notRegular: '它是{kind}，不是普通文件',
  'kind.directory': '目录',
  'kind.fifo': '命名管道（FIFO）',
  'kind.device': '设备',
  'kind.socket': '套接字',
  'kind.other': '特殊文件',
  invalidScenario: '场景 {file} 无效：{errors}',
  clusterWithoutManifests: '--cluster 用于把清单（.yaml/.yml 文件）放到一个场景上，但没有给出任何清单',
  oneJsonAtMost: '最多只能有一个场景 .json（即集群）；实际给出了 {files}',
  replaced: '{ref} 已经在 {file} 里：以清单中的版本替换',
  'matrix.legend':
    '连通性（{proto}），行：源，列：目的。ok = 允许，X> = 被发送方的出站（egress）策略拒绝，X< = 被接收方的入站（ingress）策略拒绝，-- = 因其他原因丢弃。',
  'matrix.flannel': 'flannel 不实现 NetworkPolicy：这里的策略都不起作用。',
  'matrix.denials': '隔离策略造成的拒绝：',
  'matrix.otherDrops': '其他丢弃：',
};

const WORDS: Record<Locale, Record<CliWord, string>> = { en, 'zh-CN': zhCN };

/** A word with its parameters, as a parameter of another (`cannot read X: it is a directory…`). */
export interface Words {
  key: CliWord;
  params?: WordParams;
}

/** Parameters of a line; a list is said as alternatives ("tcp, udp or icmp" / "tcp、udp 或 icmp"), a `Words` in the same language. */
export type WordParams = Readonly<Record<string, string | number | readonly string[] | Words>>;

/** The CLI's line `key` in `lang`, with `{name}` parameters filled in. */
export function say(lang: Locale, key: CliWord, params: WordParams = {}): string {
  return WORDS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const v = params[name]!;
    if (typeof v !== 'object') return String(v);
    return isWords(v) ? say(lang, v.key, v.params) : orList(lang, v);
  });
}

function isWords(v: object): v is Words {
  return !Array.isArray(v) && 'key' in v;
}

/** Names one after another ("a, b, c" / "a、b、c"): a list to read, not a sentence. */
export function nameList(lang: Locale, items: readonly string[]): string {
  return items.join(lang === 'zh-CN' ? '、' : ', ');
}

/** "a, b or c" / "a、b 或 c" in the language's own way. */
export function orList(lang: Locale, items: readonly string[]): string {
  const text = new Intl.ListFormat(lang, { type: 'disjunction' }).format(items);
  // Chinese sets Latin words apart from 或 with a space (“tcp、udp 或 icmp”).
  return lang === 'zh-CN' ? text.replace(/([\x21-\x7e])或(?=[\x21-\x7e])/g, '$1 或 ') : text;
}

/** The plural form's key (`problems.one` / `problems.other`) for `n` in `lang`. */
export function pluralKey(lang: Locale, base: 'problems', n: number): CliWord {
  return new Intl.PluralRules(lang).select(n) === 'one' ? `${base}.one` : `${base}.other`;
}

/** A line the CLI says: one of its own words, or a simulator message. */
export type CliText = Words | { msg: Message };

export function render(lang: Locale, text: CliText): string {
  return 'msg' in text ? formatMessage(lang, text.msg) : say(lang, text.key, text.params);
}

export { WORDS as CLI_WORDS };
