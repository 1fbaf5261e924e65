import { defineStrings } from '../../app/i18n/strings';

/** The rule editor's words; metric labels are keyed by the METRICS catalogue's names. */
export const rulesStrings = defineStrings(
  'rules',
  {
    mode: { builder: 'Builder', text: 'Text', label: 'Editing mode' },
    group: { and: 'All of (AND)', or: 'Any of (OR)', not: 'NOT', addCondition: 'Add condition', addGroup: 'Add group', remove: 'Remove', empty: 'No conditions: everyone is selected.' },
    kind: {
      measure: 'Measure', audience: 'In audience', tag: 'Has tag', stage: 'Lifecycle stage', sub: 'Sub-profile (baby…)',
      subcount: 'Number of sub-profiles', rank: 'Top N by',
    },
    metric: {
      orders: 'Orders', refunds: 'Refunds', paid: 'Amount paid', refund_amount: 'Amount refunded', discount: 'Discount',
      store_credit: 'Paid with store credit', gross: 'Gross amount', net_spend: 'Net spend', aov: 'Average order value',
      min_order: 'Smallest order', max_order: 'Largest order', items: 'Items bought', distinct_products: 'Different products',
      distinct_categories: 'Different categories', distinct_platforms: 'Different platforms', days_since_first_order: 'Days since first order',
      days_since_last_order: 'Days since last order', avg_interval: 'Average days between orders', max_interval: 'Longest gap between orders (days)',
      touches: 'Touches received', touch_cost: 'Cost of touches', coupons_granted: 'Coupons granted', coupons_redeemed: 'Coupons redeemed',
      level: 'Member level', age: 'Age (years)', days_since_joined: 'Days since joining',
    },
    filter: {
      add: 'Add filter', field: 'Filter', values: 'Values (comma-separated)',
      platform: 'Platform', store: 'Store', sku: 'SKU', category: 'Category', kind: 'Kind', channel: 'Channel', outcome: 'Outcome', template: 'Coupon template',
    },
    window: { label: 'Time window', all: 'All time', last: 'Last N days', between: 'Between dates', since: 'Since a date', firstOrder: 'Within N days of the first order', joinedWithin: 'Within N days of joining', sinceJoined: 'Since joining', days: 'days', from: 'From', to: 'To' },
    op: { label: 'Comparison', between: 'between', and: 'and' },
    unit: { days: 'days' },
    stage: { introduction: 'Introduction', growth: 'Growth', maturity: 'Maturity', dormant: 'Dormant', churned: 'Churned' },
    sub: {
      any: 'Any', none: 'No', baby: 'baby', pet: 'pet', device: 'device', other: 'other',
      age_months: 'age (months)', age_days: 'age (days)', pregnancy_week: 'pregnancy week', addField: 'Add criterion',
    },
    rank: { top: 'Top', percent: '%', count: 'members', by: 'by' },
    tag: { ever: 'ever held' },
    pick: { audience: 'Choose an audience', tag: 'Choose a tag' },
    textOnly: 'Edit this condition in Text mode',
    text: {
      label: 'Rule text', help: 'Example: net_spend(last 90 days) > 1000 — see the rule language guide.',
      valid: 'Valid — applied', checking: 'Checking…', apply: 'Apply',
      errorAt: 'Line {{line}}, column {{col}}: {{message}}', error: '{{message}}',
    },
    issues: 'Problems',
    kindValue: { sale: 'Sale', refund: 'Refund', message: 'Message', coupon: 'Coupon' },
  },
  {
    mode: { builder: '可视化', text: '文本', label: '编辑方式' },
    group: { and: '满足全部（且）', or: '满足任一（或）', not: '非', addCondition: '添加条件', addGroup: '添加条件组', remove: '删除', empty: '没有条件：选中全部会员。' },
    kind: {
      measure: '指标', audience: '属于人群', tag: '拥有标签', stage: '生命周期阶段', sub: '从属档案（宝宝等）',
      subcount: '从属档案数量', rank: '排名前 N',
    },
    metric: {
      orders: '订单数', refunds: '退款单数', paid: '实付金额', refund_amount: '退款金额', discount: '优惠金额',
      store_credit: '储值支付金额', gross: '订单总额', net_spend: '净消费额', aov: '客单价',
      min_order: '最小订单金额', max_order: '最大订单金额', items: '购买件数', distinct_products: '购买商品数（去重）',
      distinct_categories: '购买品类数（去重）', distinct_platforms: '购买平台数（去重）', days_since_first_order: '距首单天数',
      days_since_last_order: '距最近下单天数', avg_interval: '平均回购间隔（天）', max_interval: '最长购买间隔（天）',
      touches: '触达次数', touch_cost: '触达成本', coupons_granted: '发券数', coupons_redeemed: '核销券数',
      level: '会员等级', age: '年龄（岁）', days_since_joined: '入会天数',
    },
    filter: {
      add: '添加筛选', field: '筛选项', values: '取值（逗号分隔）',
      platform: '平台', store: '门店', sku: '商品 SKU', category: '品类', kind: '类型', channel: '渠道', outcome: '结果', template: '券模板',
    },
    window: { label: '时间范围', all: '全部时间', last: '最近 N 天', between: '日期区间', since: '自某日起', firstOrder: '首单后 N 天内', joinedWithin: '入会后 N 天内', sinceJoined: '入会以来', days: '天', from: '从', to: '到' },
    op: { label: '比较', between: '介于', and: '和' },
    unit: { days: '天' },
    stage: { introduction: '引入期', growth: '成长期', maturity: '成熟期', dormant: '休眠期', churned: '流失期' },
    sub: {
      any: '任一', none: '没有', baby: '宝宝', pet: '宠物', device: '设备', other: '其他',
      age_months: '月龄', age_days: '日龄', pregnancy_week: '孕周', addField: '添加条件',
    },
    rank: { top: '前', percent: '%', count: '名会员', by: '按' },
    tag: { ever: '曾经拥有' },
    pick: { audience: '选择人群', tag: '选择标签' },
    textOnly: '请在文本模式中编辑此条件',
    text: {
      label: '规则文本', help: '示例：net_spend(last 90 days) > 1000 —— 详见规则语言说明。',
      valid: '有效，已应用', checking: '检查中…', apply: '应用',
      errorAt: '第 {{line}} 行第 {{col}} 列：{{message}}', error: '{{message}}',
    },
    issues: '问题',
    kindValue: { sale: '销售', refund: '退款', message: '消息', coupon: '优惠券' },
  },
);
