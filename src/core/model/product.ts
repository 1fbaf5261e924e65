import { z } from 'zod';
import { defineRecord } from './versioned';
import { Money } from './common';

/** Product roles in a product journey A -> B (domain §4): traffic -> main -> profit. */
export const ProductRole = z.enum(['traffic', 'main', 'profit', 'unknown']);

export const ProductSchema = z.object({
  v: z.literal(1),
  sku: z.string().min(1).max(64),
  name: z.string().max(300),
  category: z.string().max(100),
  role: ProductRole,
  price: Money,
});
export type Product = z.infer<typeof ProductSchema>;

export const ProductRecord = defineRecord({ name: 'product', version: 1, schema: ProductSchema, migrations: [] });
