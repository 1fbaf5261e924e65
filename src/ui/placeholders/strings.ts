import { defineStrings } from '../../app/i18n/strings';

export const placeholderStrings = defineStrings(
  'placeholders',
  {
    soon: 'Coming next',
    tags: {
      title: 'Tags',
      body: 'Automated, dynamic and subordinate tags: mid- and high-value by 90-day spend, pregnancy week and baby month-age, recomputed every day. Each rule will show how many members it holds before you save it.',
    },
    audiences: {
      title: 'Audiences',
      body: 'Select members by any combination of about 30 live transaction metrics, tags and touches, subtract other audiences, and see the persona of the result.',
    },
    journeys: {
      title: 'Journeys',
      body: 'Draw lifecycle, product and LTV journeys on a canvas, with an SOP at each stage, and forecast what a plan would do before it runs.',
    },
    analytics: {
      title: 'Analytics',
      body: 'Lifecycle distribution, STAR and R1–R5 crowd assets, journey conversion and multi-channel ROI of every campaign.',
    },
  },
  {
    soon: '即将推出',
    tags: {
      title: '标签',
      body: '自动标签、动态标签和从属标签：按近 90 天消费划分中高价值客户，按预产期和宝宝月龄每日自动更新。保存规则前即可看到命中的会员数。',
    },
    audiences: {
      title: '人群',
      body: '用约 30 个实时计算的交易指标、标签和触达记录任意组合圈选会员，支持人群相减，并查看人群画像。',
    },
    journeys: {
      title: '旅程',
      body: '在画布上绘制生命周期、商品和 LTV 旅程，为每个阶段配置 SOP，并在运行前预测方案的效果。',
    },
    analytics: {
      title: '分析',
      body: '生命周期分布、STAR 模型与 R1–R5 人群资产、旅程转化，以及每次活动的多渠道 ROI。',
    },
  },
);
