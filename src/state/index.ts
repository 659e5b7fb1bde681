/** The state layer: one app state per household view, the lazy engine boundary, presentation helpers. */
export { type AppActions, type AppState, type AppStateOptions, createAppState, DEFAULT_HOUSEHOLD } from './app-state';
export { localDate } from './date';
export { type LoadedRules, loadRules } from './rules';
