import { z } from 'zod';
import { defineRecord } from './versioned';
import { Attributes, Id, LocalDate, LocalDateTime, Platform } from './common';

export const Gender = z.enum(['f', 'm', 'u']);

/** One person after OneID: the profile every identity, order and touch points to. */
export const MemberSchema = z.object({
  v: z.literal(1),
  id: Id,
  name: z.string().max(200),
  gender: Gender,
  /** The member's own birthday; babies' birthdays live on sub-profiles, never here. */
  birthday: LocalDate.nullable(),
  region: z.string().max(100),
  city: z.string().max(100),
  level: z.number().int().min(0).max(10),
  joinedAt: LocalDateTime,
  /** The platform where we first met this person. */
  firstPlatform: Platform,
  homeStoreId: Id.nullable(),
  guideId: Id.nullable(),
  wecomFriend: z.boolean(),
  attributes: Attributes,
});
export type Member = z.infer<typeof MemberSchema>;

export const MemberRecord = defineRecord({ name: 'member', version: 1, schema: MemberSchema, migrations: [] });
