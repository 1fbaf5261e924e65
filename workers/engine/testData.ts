import type { MemberBundle } from '../../src/core/columnar/build';
import { generateDemo, type DemoOptions } from '../../src/core/demo';
import { CancelToken } from '../../src/core/jobs';
import type { Product } from '../../src/core/model';
import type { WorkspaceDB } from '../../src/storage/db';
import { openWorkspace, readWorkspace } from '../../src/storage/workspaces';
import { generateDemoWorkspace } from '../demo';

/** Test-only: a demo workspace in fake-indexeddb plus the same members as plain bundles. */
export interface DemoSlice {
  db: WorkspaceDB;
  workspaceId: string;
  asOf: string;
  bundles: MemberBundle[];
  products: Map<string, Product>;
}

export async function demoSlice(members = 300, template: DemoOptions['template'] = 'mother_baby', seed = 7): Promise<DemoSlice> {
  const opts = { template, members, seed };
  const r = await generateDemoWorkspace(opts, () => undefined, new CancelToken());
  const db = openWorkspace(r.workspaceId);
  const demo = generateDemo(opts);
  const batch = demo.range(0, members);
  const by = new Map<string, MemberBundle>(batch.members.map((m) => [m.id, { member: m, orders: [], touches: [], coupons: [], subprofiles: [] }]));
  for (const o of batch.orders) if (o.memberId) by.get(o.memberId)?.orders.push(o);
  for (const t of batch.touches) by.get(t.memberId)?.touches.push(t);
  for (const c of batch.coupons) by.get(c.memberId)?.coupons.push(c);
  for (const s of batch.subprofiles) by.get(s.memberId)?.subprofiles.push(s);
  const bundles = [...by.values()].sort((a, b) => (a.member.id < b.member.id ? -1 : 1));
  const ws = await readWorkspace(db);
  return { db, workspaceId: r.workspaceId, asOf: ws!.asOf, bundles, products: new Map(demo.products.map((p) => [p.sku, p])) };
}
