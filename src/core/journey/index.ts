export * from './text';
export * from './fields';
export * from './catalogue';
export * from './commands';
export * from './validate';
export * from './variables';
export * from './ids';
