/**
 * The name of the cluster an import generates when there is none on the canvas: kept in English in
 * the scenario (it is data the user may rename), shown in the reader's language (src/ui/scenarioText.ts).
 * A module of its own so the interface can name it without loading the importer.
 */
import type { LocalizedText } from '../../i18n/locale';

export const GENERATED_CLUSTER_NAME: LocalizedText = { en: 'Imported manifests', 'zh-CN': '从清单导入的集群' };
