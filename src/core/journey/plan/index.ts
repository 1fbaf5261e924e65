export * from './ir';
export * from './compile';
