export * from './normalize';
export * from './resolve';
