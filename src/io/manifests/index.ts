/** Kubernetes manifests in and out of the scenario: the front door of src/io/manifests. */
export { importManifests, type ImportOptions, type ManifestImport, type Clash, type ClashPolicy } from './import';
export { formatManifestError, manifestAt, type ManifestError, type ManifestSource } from './documents';
export type { ManifestNote } from './read';
export { exportManifests } from './export';
