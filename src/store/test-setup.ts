/**
 * Vitest setup (vite.config.ts): the app fetches the editing code just after its first paint
 * (src/store/editing.ts); tests build stores directly, so it is loaded before any test runs.
 */
import { loadEditing } from './editing';

await loadEditing();
