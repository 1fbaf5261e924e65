/**
 * Product catalogues of the three brand templates. Each product has a role on the product
 * journey A -> B (traffic -> main -> profit, domain §4) and a list price in fen.
 * `ageMonths` (mother & baby only): the baby's age window, in months from birth (negative =
 * weeks of pregnancy before it), in which a parent buys it: formula stage 1 at 0-6 months,
 * folic acid early in pregnancy, and so on.
 */
export type ProductRoleName = 'traffic' | 'main' | 'profit';

export interface DemoProduct {
  sku: string;
  name: string;
  category: string;
  role: ProductRoleName;
  price: number;
  ageMonths?: readonly [number, number];
  /** A durable bought once: an owner buys this refill SKU instead of a second one. */
  refill?: string;
}

const p = (
  sku: string, name: string, category: string, role: ProductRoleName, price: number, ageMonths?: readonly [number, number],
): DemoProduct => (ageMonths ? { sku, name, category, role, price, ageMonths } : { sku, name, category, role, price });

export const MOTHER_BABY_PRODUCTS: readonly DemoProduct[] = [
  p('MB-FOLIC', '孕早期叶酸片 60片', '孕产营养', 'traffic', 4900, [-9, -5]),
  p('MB-DHA-MOM', '孕妇DHA藻油 60粒', '孕产营养', 'main', 19800, [-7, 6]),
  p('MB-CALCIUM-MOM', '孕妇钙铁锌片 90片', '孕产营养', 'main', 12800, [-6, 3]),
  p('MB-BIRTHKIT', '待产包 全套', '孕产营养', 'profit', 29900, [-3, 0]),
  p('MB-FORMULA-TRIAL', '婴幼儿配方奶粉 试用装 150g', '奶粉', 'traffic', 3900, [0, 36]),
  p('MB-FORMULA-1', '有机婴儿配方奶粉 1段 800g', '奶粉', 'main', 25900, [0, 6]),
  p('MB-FORMULA-2', '有机较大婴儿配方奶粉 2段 800g', '奶粉', 'main', 25900, [6, 12]),
  p('MB-FORMULA-3', '有机幼儿配方奶粉 3段 800g', '奶粉', 'main', 24900, [12, 36]),
  p('MB-FORMULA-4', '儿童成长奶粉 4段 800g', '奶粉', 'main', 22900, [36, 84]),
  p('MB-FORMULA-A2', 'A2蛋白幼儿奶粉 3段 900g', '奶粉', 'profit', 36800, [12, 36]),
  p('MB-DIAPER-TRIAL', '纸尿裤 试用装 10片', '纸尿裤', 'traffic', 990, [0, 24]),
  p('MB-DIAPER-NB', '纸尿裤 NB 84片', '纸尿裤', 'main', 12900, [0, 2]),
  p('MB-DIAPER-S', '纸尿裤 S 76片', '纸尿裤', 'main', 13900, [1, 5]),
  p('MB-DIAPER-M', '纸尿裤 M 64片', '纸尿裤', 'main', 13900, [4, 10]),
  p('MB-DIAPER-L', '纸尿裤 L 54片', '纸尿裤', 'main', 13900, [8, 18]),
  p('MB-PULLUP-XL', '拉拉裤 XL 42片', '纸尿裤', 'main', 14900, [14, 40]),
  p('MB-WIPES-80', '婴儿湿巾 80抽', '湿巾', 'traffic', 1290),
  p('MB-WIPES-3PK', '婴儿手口湿巾 3包装', '湿巾', 'traffic', 2990, [0, 60]),
  p('MB-RICE-CEREAL', '高铁婴儿米粉 250g', '辅食', 'traffic', 5900, [6, 24]),
  p('MB-PUREE', '有机果泥 6袋', '辅食', 'main', 4500, [6, 36]),
  p('MB-NOODLE', '婴儿营养面条 200g', '辅食', 'main', 3200, [8, 48]),
  p('MB-PROBIOTIC', '婴幼儿益生菌 30袋', '辅食', 'profit', 19800, [0, 72]),
  p('MB-DHA-KIDS', '儿童DHA藻油 30粒', '辅食', 'profit', 22800, [6, 72]),
  p('MB-BUTTOCK', '婴儿护臀膏 50g', '洗护', 'traffic', 3900, [0, 36]),
  p('MB-WASH', '婴儿洗发沐浴露 2合1', '洗护', 'main', 6900, [0, 72]),
  p('MB-LOTION', '婴儿润肤乳 200ml', '洗护', 'main', 7900, [0, 72]),
  p('MB-NIPPLE', '宽口径奶嘴 2只装', '喂养用品', 'traffic', 3900, [-2, 24]),
  p('MB-BOTTLE', '宽口径玻璃奶瓶 240ml', '喂养用品', 'main', 12900, [-3, 24]),
  p('MB-STERILIZER', '奶瓶消毒烘干器', '喂养用品', 'profit', 59900, [-3, 12]),
  p('MB-BREASTPUMP', '双边电动吸奶器', '喂养用品', 'profit', 69900, [-2, 12]),
];

export const BEAUTY_PRODUCTS: readonly DemoProduct[] = [
  p('BT-TRIAL-KIT', '明星小样旅行装 5件', '套装', 'traffic', 2900),
  p('BT-CLEANSER', '氨基酸洁面乳 120g', '洁面', 'traffic', 6900),
  p('BT-MASK-5', '玻尿酸补水面膜 5片', '面膜', 'traffic', 4900),
  p('BT-LIPBALM', '修护润唇膏', '彩妆', 'traffic', 3900),
  p('BT-TONER', '保湿爽肤水 200ml', '水乳', 'main', 15900),
  p('BT-EMULSION', '保湿乳液 120ml', '水乳', 'main', 16900),
  p('BT-SERUM-HA', '玻尿酸精华液 30ml', '精华', 'main', 29900),
  p('BT-SERUM-VC', '维C亮肤精华 30ml', '精华', 'main', 32900),
  p('BT-CREAM', '修护面霜 50g', '面霜', 'main', 32900),
  p('BT-SUNSCREEN', '清透防晒乳 SPF50+', '防晒', 'main', 18900),
  p('BT-MASK-20', '修护面膜 20片', '面膜', 'main', 15900),
  p('BT-FOUNDATION', '持妆粉底液 30ml', '彩妆', 'main', 28900),
  p('BT-LIPSTICK', '丝绒口红', '彩妆', 'main', 22900),
  p('BT-SERUM-AGE', '抗老紧致精华 50ml', '精华', 'profit', 69900),
  p('BT-EYECREAM', '淡纹眼霜 15g', '面霜', 'profit', 49900),
  p('BT-GIFTSET', '护肤礼盒 4件套', '套装', 'profit', 89900),
  { ...p('BT-DEVICE-RF', '射频美容仪', '美容仪', 'profit', 259900), refill: 'BT-DEVICE-GEL' },
  p('BT-DEVICE-GEL', '美容仪专用凝胶 100ml', '美容仪', 'main', 12900),
];

export const FOOD_PRODUCTS: readonly DemoProduct[] = [
  p('FD-NUTS-TRIAL', '每日坚果 尝鲜装 3袋', '坚果', 'traffic', 990),
  p('FD-SEAWEED', '海苔脆片 10包', '休闲零食', 'traffic', 1590),
  p('FD-BISCUIT', '全麦苏打饼干 500g', '烘焙', 'traffic', 1990),
  p('FD-COFFEE-TRIAL', '挂耳咖啡 尝鲜装 5包', '饮品', 'traffic', 1490),
  p('FD-NUTS-30', '每日坚果 30袋', '坚果', 'main', 12900),
  p('FD-CASHEW', '盐焗腰果 500g', '坚果', 'main', 6900),
  p('FD-BEEF-JERKY', '风干牛肉干 250g', '休闲零食', 'main', 5900),
  p('FD-MANGO', '芒果干 500g', '休闲零食', 'main', 3990),
  p('FD-OATS', '即食燕麦片 1kg', '烘焙', 'main', 4900),
  p('FD-BREAD', '手撕面包 1kg', '烘焙', 'main', 3290),
  p('FD-COFFEE-40', '挂耳咖啡 40包', '饮品', 'main', 8900),
  p('FD-TEA', '冷泡花果茶 20袋', '饮品', 'main', 5900),
  p('FD-HOTPOT', '自热小火锅 4盒', '速食', 'main', 6990),
  p('FD-NOODLE', '螺蛳粉 5袋', '速食', 'main', 4990),
  p('FD-GIFT-NUTS', '坚果大礼包', '礼盒', 'profit', 15900),
  p('FD-GIFT-NEWYEAR', '年货礼盒', '礼盒', 'profit', 19900),
  p('FD-GIFT-MOONCAKE', '中秋月饼礼盒', '礼盒', 'profit', 26800),
  p('FD-PET-CAT', '冻干猫零食 100g', '宠物零食', 'main', 4900),
  p('FD-PET-DOG', '狗狗洁齿棒 30支', '宠物零食', 'main', 3900),
];
