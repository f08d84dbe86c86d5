/**
 * The manifest importer's and a NetworkPolicy YAML's sentences in English, registered when this module
 * loads: with the manifest dialog and the Policies tab, which say them (other languages' packs carry theirs).
 */
import { registerSimDictionary } from './format';
import { enManifest } from './en-manifest';

registerSimDictionary('en', enManifest);
