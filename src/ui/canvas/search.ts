import { nodeType } from '../../core/journey/catalogue';
import { pick, type Lang } from '../../core/journey/text';
import type { Journey } from '../../core/model/journey';

/** Ids of the nodes whose title, label or summary contains the query (case-insensitive), in journey order. */
export function searchNodes(j: Journey, query: string, lang: Lang): string[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  return j.nodes
    .filter((n) => {
      const nt = nodeType(n.type);
      const hay = [n.label, nt ? pick(nt.title, lang) : n.type, nt ? nt.summary(n.config, lang) : ''].join('\n').toLowerCase();
      return hay.includes(q);
    })
    .map((n) => n.id);
}
