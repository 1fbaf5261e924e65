import { z } from 'zod';
import { defineRecord } from './versioned';
import { Attributes, Id, LocalDate } from './common';

/** A member owns sub-profiles (从属): babies, pets, devices, each with its own attributes and dates. */
export const SubProfileKind = z.enum(['baby', 'pet', 'device', 'other']);

export const SubProfileSchema = z.object({
  v: z.literal(1),
  id: Id,
  memberId: Id,
  kind: SubProfileKind,
  name: z.string().max(200),
  attributes: Attributes,
  /** Named dates: birthday, dueDate, lastCareDate, lastCheckIn… */
  dates: z.record(z.string(), LocalDate),
});
export type SubProfile = z.infer<typeof SubProfileSchema>;

export const SubProfileRecord = defineRecord({ name: 'subprofile', version: 1, schema: SubProfileSchema, migrations: [] });
