export { startPwa, applyUpdate, dismissUpdate, waitForOfflineReady, SW_URL } from './registerSW';
export type { StartPwaOptions, WorkboxLike } from './registerSW';
export { pwaStore, createPwaStore } from './pwaState';
export type { PwaState, PwaStore } from './pwaState';
export { UpdatePrompt, usePwaState } from './UpdatePrompt';
