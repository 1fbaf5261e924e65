/**
 * The columnar snapshot the engine scans: members in a fixed order, and each member's
 * orders, touches, coupons and sub-profiles stored contiguously (offsets + typed-array
 * columns), strings dictionary-coded. Money in Int32 minor units, dates as Int32 day numbers
 * (src/core/time), NO_DAY where a date is missing. Plain data: transferable to and from workers
 * and storable in IndexedDB chunks.
 */
export const COLUMNS_VERSION = 1;

export interface Dictionaries {
  platform: string[];
  store: string[];
  sku: string[];
  category: string[];
  channel: string[];
  couponTemplate: string[];
  region: string[];
}

export interface MemberColumns {
  version: number;
  memberCount: number;
  memberIds: string[];
  dicts: Dictionaries;

  level: Uint8Array;
  birthDay: Int32Array;
  joinDay: Int32Array;
  wecomFriend: Uint8Array;
  region: Uint32Array;

  /** orders of member i are [orderOffsets[i], orderOffsets[i+1]), sorted by day. */
  orderOffsets: Uint32Array;
  oDay: Int32Array;
  /** 0 = sale, 1 = refund */
  oKind: Uint8Array;
  oPlatform: Uint8Array;
  /** store code + 1; 0 = no store */
  oStore: Uint32Array;
  oGross: Int32Array;
  oPaid: Int32Array;
  oRefund: Int32Array;
  oDiscount: Int32Array;
  oCredit: Int32Array;
  oItems: Int32Array;
  lineOffsets: Uint32Array;
  lSku: Uint32Array;
  lQty: Int32Array;
  /** category code of each sku code */
  skuCategory: Uint32Array;

  touchOffsets: Uint32Array;
  tDay: Int32Array;
  tChannel: Uint8Array;
  /** 0 = message, 1 = coupon */
  tKind: Uint8Array;
  /** index into TOUCH_OUTCOMES */
  tOutcome: Uint8Array;
  tCost: Int32Array;

  couponOffsets: Uint32Array;
  cGrantDay: Int32Array;
  cRedeemDay: Int32Array;
  cTemplate: Uint32Array;

  subOffsets: Uint32Array;
  /** index into SUB_KINDS */
  sKind: Uint8Array;
  sBirthDay: Int32Array;
  sDueDay: Int32Array;
}

export const ORDER_KINDS = ['sale', 'refund'] as const;
export const TOUCH_KINDS = ['message', 'coupon'] as const;
export const TOUCH_OUTCOMES = ['sent', 'delivered', 'opened', 'clicked', 'failed'] as const;
export const SUB_KINDS = ['baby', 'pet', 'device', 'other'] as const;
