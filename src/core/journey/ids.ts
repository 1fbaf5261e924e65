/** Ids for new nodes, edges and notes: short, unique within a journey, stable once made. */
export type IdFactory = (prefix: 'n' | 'e' | 's' | 'j') => string;

let counter = 0;
export const newId: IdFactory = (prefix) => {
  counter = (counter + 1) % 1296;
  const rand = Math.floor(Math.random() * 36 ** 6).toString(36).padStart(6, '0');
  return `${prefix}${Date.now().toString(36)}${counter.toString(36).padStart(2, '0')}${rand}`;
};

/** Deterministic ids for tests and templates built in a known order. */
export function sequentialIds(start = 1): IdFactory {
  let i = start;
  return (prefix) => `${prefix}${i++}`;
}
