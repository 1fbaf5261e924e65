import { L } from '../text';
import type { Option } from '../fields';

/** Member events a journey can start on or wait for (domain §4, §6). */
export const ENTRY_EVENTS: readonly Option[] = [
  { value: 'order_placed', label: L('Order placed', '下单') },
  { value: 'first_purchase', label: L('First purchase', '首次购买') },
  { value: 'card_claimed', label: L('Member card claimed', '领取会员卡') },
  { value: 'wecom_friend_added', label: L('WeCom friend added', '添加企微好友') },
  { value: 'coupon_redeemed', label: L('Coupon redeemed', '核销优惠券') },
  { value: 'tag_added', label: L('Tag added', '打上标签') },
  { value: 'tag_removed', label: L('Tag removed', '移除标签') },
  { value: 'stage_changed', label: L('Lifecycle stage changed', '生命周期阶段变化') },
  { value: 'birthday', label: L('Birthday', '生日') },
  { value: 'baby_month_age', label: L('Baby reaches a month-age', '宝宝到达月龄') },
  { value: 'pregnancy_week', label: L('Pregnancy week reached', '到达孕周') },
];

export const WAIT_EVENTS: readonly Option[] = [
  { value: 'order_placed', label: L('Order placed', '下单') },
  { value: 'coupon_redeemed', label: L('Coupon redeemed', '核销优惠券') },
  { value: 'message_opened', label: L('Message opened', '打开消息') },
  { value: 'link_clicked', label: L('Link clicked', '点击链接') },
  { value: 'wecom_friend_added', label: L('WeCom friend added', '添加企微好友') },
  { value: 'card_claimed', label: L('Member card claimed', '领取会员卡') },
  { value: 'tag_added', label: L('Tag added', '打上标签') },
];

export const STAGE_OPTIONS: readonly Option[] = [
  { value: 'introduction', label: L('Introduction', '引入期') },
  { value: 'growth', label: L('Growth', '成长期') },
  { value: 'maturity', label: L('Maturity', '成熟期') },
  { value: 'dormant', label: L('Dormant', '休眠期') },
  { value: 'churned', label: L('Churned', '流失期') },
];

export const WEEKDAY_OPTIONS: readonly Option[] = [
  { value: '1', label: L('Monday', '周一') },
  { value: '2', label: L('Tuesday', '周二') },
  { value: '3', label: L('Wednesday', '周三') },
  { value: '4', label: L('Thursday', '周四') },
  { value: '5', label: L('Friday', '周五') },
  { value: '6', label: L('Saturday', '周六') },
  { value: '7', label: L('Sunday', '周日') },
];

export function optionLabel(options: readonly Option[], value: unknown, lang: 'en' | 'zh'): string {
  const o = options.find((x) => x.value === value);
  return o ? o.label[lang] : String(value ?? '');
}
