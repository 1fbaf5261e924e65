/** One colour per stage, shared by the Sankey and the trend (cold to warm as members drift away). */
export const STAGE_COLORS: Record<string, string> = {
  introduction: '#7fa9d3', growth: '#5b9b6b', maturity: '#1f4e79', dormant: '#e0a43a', churned: '#c0504d', none: '#9aa5b1',
};
