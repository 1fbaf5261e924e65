export * from './fields';
export * from './values';
export * from './presets';
export * from './report';
export * from './rows';
export * from './assemble';
export * from './analyze';
export * from './errors';
