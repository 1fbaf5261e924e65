import type { SubProfile } from '../model';
import type { DemoContext } from './context';
import { formatDay } from './dates';
import { babyNickname, petName } from './names';
import { scramble32, type Rng } from './prng';

/**
 * Sub-profiles (从属, domain §2) by template: babies with birthdays and due dates (some members
 * still pregnant, with only a due date), skin-type surveys and beauty devices, pets.
 * Drawn before the orders because a baby's age decides what a parent buys.
 */
export interface Family {
  /** Birth (or due) days of the member's babies, youngest first; empty when none. */
  babyDays: number[];
  /** Life-stage churn: extra dropout chance per purchase on a given day. */
  extraDropout: ((day: number) => number) | null;
  /** A category the family makes a favourite (pregnancy nutrition, pet treats). */
  extraCategory: string | null;
}

const NO_FAMILY: Family = { babyDays: [], extraDropout: null, extraCategory: null };

export function drawFamily(ctx: DemoContext, rng: Rng, memberNo: string, joinDay: number, out: SubProfile[]): Family {
  const memberId = `M${memberNo}`;
  let seq = 0;
  const add = (kind: SubProfile['kind'], name: string, attributes: SubProfile['attributes'], dates: Record<string, number>) => {
    seq += 1;
    const d: Record<string, string> = {};
    for (const [k, v] of Object.entries(dates)) d[k] = formatDay(v);
    out.push({ v: 1, id: `P${memberNo}-${seq}`, memberId, kind, name, attributes, dates: d });
  };
  switch (ctx.spec.template) {
    case 'mother_baby': {
      if (!rng.chance(0.92)) return NO_FAMILY;
      const birth = joinDay + rng.range(-420, 240);
      const pregnantAtJoin = birth > joinDay;
      const babyDays = [birth];
      if (rng.chance(0.12)) {
        const older = birth - rng.range(700, 1600);
        babyDays.push(older);
        add('baby', babyNickname(rng), { gender: rng.chance(0.5) ? 'f' : 'm' }, { birthday: older });
      }
      if (birth > ctx.asOfDay) {
        add('baby', '宝宝', { gender: 'u', stage: 'pregnant' }, { dueDate: birth });
      } else {
        const dates: Record<string, number> = { birthday: birth };
        // Registered while pregnant: the due date they gave stays, a little off the real birth.
        if (pregnantAtJoin) dates.dueDate = birth + rng.range(-10, 14);
        const feeding = rng.pick(['formula', 'mixed', 'breast', 'formula']);
        add('baby', babyNickname(rng), { gender: rng.chance(0.5) ? 'f' : 'm', feeding }, dates);
      }
      return {
        babyDays,
        // Past three years old the baby outgrows the range: the parent drifts away.
        extraDropout: (day) => (day - birth > 1096 ? 0.25 : 0),
        extraCategory: pregnantAtJoin ? '孕产营养' : null,
      };
    }
    case 'beauty': {
      if (rng.chance(0.45)) {
        const skinType = rng.pick(['dry', 'oily', 'combination', 'sensitive', 'normal', 'combination']);
        const concern = rng.pick(['hydration', 'acne', 'aging', 'brightening', 'pores', 'hydration']);
        add('other', '肤质测试', { survey: 'skin_type', skinType, concern }, { surveyedAt: joinDay + rng.int(Math.max(1, ctx.asOfDay - joinDay)) });
      }
      return NO_FAMILY;
    }
    case 'food': {
      if (!rng.chance(0.12)) return NO_FAMILY;
      const species = rng.chance(0.55) ? 'cat' : 'dog';
      add('pet', petName(rng), { species }, { birthday: joinDay - rng.range(60, 3000) });
      return { babyDays: [], extraDropout: null, extraCategory: '宠物零食' };
    }
  }
}

/** A beauty device registered after purchase, with care-day counters (domain §2 example). */
export function emitDevice(ctx: DemoContext, rng: Rng, memberNo: string, index: number, boughtDay: number, out: SubProfile[]): void {
  const activated = Math.min(ctx.asOfDay, boughtDay + rng.int(10));
  const span = ctx.asOfDay - activated;
  const totalCareDays = Math.min(span + 1, Math.round(span * (0.05 + rng.next() * 0.5)));
  const lastCare = ctx.asOfDay - Math.min(span, Math.floor(rng.exponential(1 / 20)));
  out.push({
    v: 1,
    id: `P${memberNo}-D`,
    memberId: `M${memberNo}`,
    kind: 'device',
    name: '射频美容仪',
    attributes: {
      model: 'RF-Pro',
      serialNumber: `RF${scramble32(index, ctx.salt(20)).toString(36).toUpperCase().padStart(7, '0')}`,
      totalCareDays,
      checkInDays: Math.round(totalCareDays * (0.3 + rng.next() * 0.5)),
    },
    dates: { purchasedAt: formatDay(boughtDay), activatedAt: formatDay(activated), lastCareDate: formatDay(Math.max(lastCare, activated)) },
  });
}
