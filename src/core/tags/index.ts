export * from './assign';
export * from './draft';
export * from './reasons';
export * from './recompute';
export * from './seeds';
