import { z } from 'zod';
import { defineRecord } from './versioned';
import { Id, Platform } from './common';

export const StoreSchema = z.object({
  v: z.literal(1),
  id: Id,
  name: z.string().max(200),
  platform: Platform,
  region: z.string().max(100),
  city: z.string().max(100),
  lat: z.number().min(-90).max(90).nullable(),
  lng: z.number().min(-180).max(180).nullable(),
});
export type Store = z.infer<typeof StoreSchema>;

export const StoreRecord = defineRecord({ name: 'store', version: 1, schema: StoreSchema, migrations: [] });
