import { cumulative, type Rng } from './prng';

/**
 * Plausible Chinese personal names: common surnames weighted roughly by frequency, and
 * given-name characters that lean female or male. Written in characters, never pinyin.
 */
const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭',
  '何', '林', '罗', '高', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾',
  '肖', '田', '董', '袁', '潘', '蒋', '蔡', '余', '杜', '叶', '程', '魏', '苏', '吕', '丁', '任',
  '沈', '姚', '卢', '傅', '钟', '姜', '崔', '谭', '陆', '范', '汪', '廖', '石', '金', '韦', '贾',
  '夏', '付', '方', '邹', '熊', '白', '孟', '秦', '邱', '侯', '江', '尹', '薛', '闫', '段', '雷',
  '欧阳', '司马', '上官',
];
// Top surnames are far more common than the tail (王/李/张 ≈ 7% each).
const SURNAME_CUM = cumulative(SURNAMES.map((_, i) => (i < 3 ? 7 : i < 10 ? 4 : i < 30 ? 1.6 : i < 80 ? 0.7 : 0.08)));

const FEMALE = [
  '芳', '娜', '敏', '静', '丽', '艳', '婷', '雪', '琳', '颖', '倩', '洁', '慧', '晶', '欣', '怡',
  '佳', '悦', '梦', '瑶', '萱', '雯', '璐', '蕾', '薇', '露', '晨', '玲', '莉', '丹', '燕', '霞',
  '诗', '思', '涵', '雨', '嘉', '可', '馨', '月', '晓', '文', '秀', '小', '美', '玉', '英', '华',
];
const MALE = [
  '伟', '强', '磊', '军', '勇', '杰', '涛', '斌', '超', '明', '刚', '平', '辉', '鹏', '华', '飞',
  '鑫', '波', '宇', '浩', '凯', '健', '俊', '帆', '帅', '旭', '宁', '龙', '林', '阳', '晨', '博',
  '子', '文', '志', '建', '国', '海', '天', '泽', '睿', '轩', '一', '嘉', '思', '明', '伟', '昊',
];

export function personName(rng: Rng, gender: 'f' | 'm' | 'u'): string {
  const surname = SURNAMES[rng.weighted(SURNAME_CUM)];
  const pool = gender === 'm' ? MALE : gender === 'f' ? FEMALE : rng.chance(0.5) ? FEMALE : MALE;
  const a = rng.pick(pool);
  if (rng.chance(0.35)) return surname + a;
  let b = rng.pick(pool);
  if (b === a && rng.chance(0.7)) b = rng.pick(pool);
  return surname + a + b;
}

/** Baby nicknames (小名) as parents register them. */
const BABY_NICKNAMES = [
  '豆豆', '乐乐', '糖糖', '果果', '朵朵', '小宝', '贝贝', '甜甜', '米粒', '团团', '圆圆', '多多',
  '壮壮', '妞妞', '球球', '可可', '安安', '笑笑', '悠悠', '辰辰', '一一', '小满', '元宝', '布丁',
];
export function babyNickname(rng: Rng): string {
  return rng.pick(BABY_NICKNAMES);
}

const PET_NAMES = ['旺财', '咪咪', '豆包', '奶茶', '可乐', '雪球', '花卷', '来福', '毛毛', '大黄', '橘子', '芝麻'];
export function petName(rng: Rng): string {
  return rng.pick(PET_NAMES);
}
