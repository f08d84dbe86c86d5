/**
 * The manifest import dialog's strings (src/ui/manifests/ManifestDialogBody.tsx); its title, the File menu's
 * entries and the inspector's readiness and EndpointSlices are in the core dictionaries.
 * Registered when this module is evaluated: the modules that show these strings import it (see ../messageParts.ts).
 */
import { registerMessagePart } from '../messageParts';

const manifestsEn = {
  'manifests.intro': 'Paste YAML (one or many documents separated by ---), open .yaml files, or drop them here.',
  'manifests.text': 'Manifests (YAML)',
  'manifests.open': 'Open files…',
  'manifests.placeholder': 'apiVersion: apps/v1\nkind: Deployment\n…',
  'manifests.onto.canvas': 'Add to the cluster on the canvas',
  'manifests.onto.new': 'Replace the canvas with a new cluster (3 nodes, flannel VXLAN, CoreDNS)',
  'manifests.clashes.one': '{count} object already exists on the canvas: {names}',
  'manifests.clashes.other': '{count} objects already exist on the canvas: {names}',
  'manifests.clash.replace': 'Replace them with the manifests’ version',
  'manifests.clash.keep': 'Keep the canvas’s version',
  'manifests.clash.rename': 'Import the manifests’ version under a new name',
  'manifests.summary': 'Ready to import: {summary}',
  'manifests.empty': 'Nothing to import yet.',
  'manifests.errors.one': '{count} problem: nothing is imported until it is fixed. Your work is unchanged.',
  'manifests.errors.other': '{count} problems: nothing is imported until they are fixed. Your work is unchanged.',
  'manifests.errorAt': 'Document {doc}{ref}, line {line}',
  'manifests.errorAtNoLine': 'Document {doc}{ref}',
  'manifests.notes': 'Notes',
  'manifests.import': 'Import',
  'manifests.cancel': 'Cancel',
  'manifests.imported': 'Imported {count} objects from manifests · Undo with Ctrl+Z',
  'manifests.importedNew': 'Imported {count} objects onto a new cluster; your previous work is kept (File → Restore previous work)',
} as const;

const manifestsZhCN: Record<keyof typeof manifestsEn, string> = {
  'manifests.intro': '粘贴 YAML（一个或多个以 --- 分隔的文档），打开 .yaml 文件，或把文件拖到这里。',
  'manifests.text': '清单（YAML）',
  'manifests.open': '打开文件…',
  'manifests.placeholder': 'apiVersion: apps/v1\nkind: Deployment\n…（在此粘贴）',
  'manifests.onto.canvas': '添加到画布上的集群',
  'manifests.onto.new': '用新集群替换画布（3 个节点、flannel VXLAN、CoreDNS）',
  'manifests.clashes.one': '画布上已有 {count} 个同名对象：{names}',
  'manifests.clashes.other': '画布上已有 {count} 个同名对象：{names}',
  'manifests.clash.replace': '用清单中的版本替换它们',
  'manifests.clash.keep': '保留画布上的版本',
  'manifests.clash.rename': '以新名称导入清单中的版本',
  'manifests.summary': '可以导入：{summary}',
  'manifests.empty': '还没有可导入的内容。',
  'manifests.errors.one': '{count} 个问题：修正之前不会导入任何内容，你的工作保持不变。',
  'manifests.errors.other': '{count} 个问题：全部修正之前不会导入任何内容，你的工作保持不变。',
  'manifests.errorAt': '第 {doc} 个文档{ref}，第 {line} 行',
  'manifests.errorAtNoLine': '第 {doc} 个文档{ref}',
  'manifests.notes': '说明',
  'manifests.import': '导入',
  'manifests.cancel': '取消',
  'manifests.imported': '已从清单导入 {count} 个对象 · 按 Ctrl+Z 撤销',
  'manifests.importedNew': '已把 {count} 个对象导入到新集群；之前的工作已保留（文件 → 恢复之前的工作）',
};

export const manifestsPart = registerMessagePart('manifests', { en: manifestsEn, 'zh-CN': manifestsZhCN });
