export * from './normalize';
export * from './resolve';
export * from './trust';
export * from './profiles';
