/**
 * The Inside view's strings (src/ui/inside): what the real tools print on the selected element.
 * Registered when this module is evaluated: the modules that show these strings import it (see ../messageParts.ts).
 */
import { registerMessagePart } from '../messageParts';

const insideEn = {
  'inside.empty': 'Select a node, a router, an outside host or a pod to see what ip, bridge, iptables-save, ipvsadm and conntrack print there.',
  'inside.title': 'Inside {name}',
  'inside.tools': 'Commands',
  'inside.noOutput': '(no output)',
  'inside.usedBy': '{packet} hop {hop}',
  'inside.usedByLabel': 'Used by hop {hop} of packet {packet}: go to that hop',
  'inside.openMatch': 'Show the {entry} entry in {command} on {name}',
} as const;

const insideZhCN: Record<keyof typeof insideEn, string> = {
  'inside.empty': '选择一个节点、路由器、外部主机或 Pod，查看 ip、bridge、iptables-save、ipvsadm 和 conntrack 在那里的输出。',
  'inside.title': '{name} 内部',
  'inside.tools': '命令',
  'inside.noOutput': '（无输出）',
  'inside.usedBy': '{packet} 第 {hop} 跳',
  'inside.usedByLabel': '数据包 {packet} 的第 {hop} 跳用到了这一行：跳转到该跳',
  'inside.openMatch': '在 {name} 的 {command} 输出中查看 {entry} 条目',
};

export const insidePart = registerMessagePart('inside', { en: insideEn, 'zh-CN': insideZhCN });
