export * from './normalize';
export * from './resolve';
export * from './trust';
export * from './profiles';
export * from './incremental';
export * from './split';
