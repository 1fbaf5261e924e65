import { defineStrings } from '../../app/i18n/strings';

export const audiencesStrings = defineStrings(
  'audiences',
  {
    title: 'Audiences',
    new: 'New audience',
    copySuffix: '(copy)',
    list: {
      name: 'Name', description: 'Description', lastCount: 'Last count', updated: 'Updated', actions: 'Actions',
      edit: 'Edit', duplicate: 'Duplicate', delete: 'Delete', empty: 'No saved audiences yet.',
      emptyBody: 'An audience is a rule that selects members, e.g. net spend in the last 90 days above 1,000.',
      deleteTitle: 'Delete audience', deleteBody: 'Delete “{{name}}”? Rules that use it will stop type-checking.',
    },
    editor: {
      back: 'All audiences', newTitle: 'New audience', editTitle: 'Edit audience',
      name: 'Name', description: 'Description', rule: 'Conditions', asOf: 'As of', asOfHelp: 'Evaluate the rule as of this day (time travel).',
      save: 'Save', saved: 'Saved', saving: 'Saving…', export: 'Export CSV', exporting: 'Exporting…', cancel: 'Cancel',
      nameRequired: 'Enter a name for the audience.', ruleInvalid: 'Fix the rule’s problems before saving.',
      readOnly: 'This tab is read-only: another tab is editing this workspace.',
      cycle: 'Audience cycle: {{path}}',
    },
    count: {
      label: 'Members selected', counting: 'Counting…', of: 'of {{total}} members ({{share}})', ms: '{{ms}} ms',
      preparing: 'Preparing member data…', error: 'Could not count',
    },
    sample: { title: 'Sample of members', id: 'Member', name: 'Name', region: 'Region', city: 'City', none: 'No member matches.', more: 'First {{n}} of {{total}}' },
    persona: {
      title: 'Persona', loading: 'Loading charts…', gender: 'Gender', level: 'Member level', region: 'Region', platform: 'First platform',
      lifecycle: 'Lifecycle stage', recency: 'Days since last purchase', frequency: 'Number of orders', aov: 'Average order value',
      spend: 'Cumulative net spend', age: 'Age', wecom: 'WeCom friend', touches: 'Touches by channel', yes: 'Yes', no: 'No', members: 'Members',
      bucket: { never: 'Never', none: 'None', unknown: 'Unknown' },
    },
  },
  {
    title: '人群圈选',
    new: '新建人群',
    copySuffix: '（副本）',
    list: {
      name: '名称', description: '说明', lastCount: '上次人数', updated: '更新时间', actions: '操作',
      edit: '编辑', duplicate: '复制', delete: '删除', empty: '还没有保存的人群。',
      emptyBody: '人群是一条筛选会员的规则，例如：最近 90 天净消费额大于 1,000。',
      deleteTitle: '删除人群', deleteBody: '删除“{{name}}”？引用它的规则将无法通过检查。',
    },
    editor: {
      back: '全部人群', newTitle: '新建人群', editTitle: '编辑人群',
      name: '名称', description: '说明', rule: '圈选条件', asOf: '截至日期', asOfHelp: '按这一天的数据计算规则（时间回溯）。',
      save: '保存', saved: '已保存', saving: '保存中…', export: '导出 CSV', exporting: '导出中…', cancel: '取消',
      nameRequired: '请输入人群名称。', ruleInvalid: '请先修正规则中的问题再保存。',
      readOnly: '此标签页只读：另一个标签页正在编辑这个工作区。',
      cycle: '人群循环引用：{{path}}',
    },
    count: {
      label: '圈选人数', counting: '计算中…', of: '共 {{total}} 名会员（{{share}}）', ms: '{{ms}} 毫秒',
      preparing: '正在准备会员数据…', error: '无法计算人数',
    },
    sample: { title: '会员样本', id: '会员', name: '姓名', region: '省份', city: '城市', none: '没有符合条件的会员。', more: '前 {{n}} 名，共 {{total}} 名' },
    persona: {
      title: '人群画像', loading: '图表加载中…', gender: '性别', level: '会员等级', region: '地区', platform: '首次来源平台',
      lifecycle: '生命周期阶段', recency: '距最近购买天数', frequency: '购买次数', aov: '客单价',
      spend: '累计净消费', age: '年龄', wecom: '企微好友', touches: '各渠道触达', yes: '是', no: '否', members: '会员数',
      bucket: { never: '从未购买', none: '无', unknown: '未知' },
    },
  },
);
