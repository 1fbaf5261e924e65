export * from './ast';
export * from './metrics';
export * from './lexer';
export * from './parser';
export * from './print';
export * from './typecheck';
