/**
 * The fields an order file can fill, and the header names (English and Chinese exports) that
 * name each. A mapping ties each field to a column index of the file: indexes, not names, so
 * duplicated or blank headers still map.
 */
export const TARGET_FIELDS = [
  'orderId',
  'placedAt',
  'customerId',
  'phone',
  'sku',
  'productName',
  'category',
  'quantity',
  'unitPrice',
  'amount',
  'region',
  'city',
  'channel',
  'store',
] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

/** field -> column index in the file's header row. Unmapped fields are absent. */
export type ColumnMapping = Partial<Record<TargetField, number>>;

/** Normalised header spellings (see normaliseHeader) per field, most specific first. */
const SYNONYMS: Record<TargetField, string[]> = {
  orderId: ['invoiceno', 'invoice', 'invoiceid', 'invoicenumber', 'orderid', 'orderno', 'ordernumber', 'order', 'tradeid', '订单号', '订单编号', '订单id', '单号', '交易号', '发票号'],
  placedAt: ['invoicedate', 'orderdate', 'ordertime', 'orderdatetime', 'placedat', 'createdat', 'paidat', 'paytime', 'datetime', 'date', 'time', '下单时间', '订单时间', '下单日期', '创建时间', '付款时间', '支付时间', '成交时间', '日期', '时间'],
  customerId: ['customerid', 'customerno', 'customer', 'memberid', 'memberno', 'member', 'userid', 'buyerid', 'clientid', '会员id', '客户id', '会员号', '会员编号', '会员卡号', '客户编号', '客户号', '用户id', '买家id'],
  phone: ['phone', 'mobile', 'phonenumber', 'mobilephone', 'tel', 'telephone', '手机号', '手机号码', '手机', '电话', '联系电话'],
  sku: ['stockcode', 'sku', 'skuid', 'skucode', 'productid', 'productcode', 'itemid', 'itemcode', '商品编码', '商品编号', '商品id', '货号', 'sku编码', '商家编码'],
  productName: ['description', 'productname', 'itemname', 'product', 'item', 'title', '商品名称', '商品名', '品名', '商品标题', '商品'],
  category: ['category', 'productcategory', 'categoryname', '品类', '类目', '商品类目', '分类', '商品分类'],
  quantity: ['quantity', 'qty', 'units', 'count', '数量', '购买数量', '件数', '商品数量'],
  unitPrice: ['unitprice', 'price', 'itemprice', '单价', '价格', '商品单价', '销售单价'],
  amount: ['amount', 'lineamount', 'linetotal', 'total', 'payment', 'paid', '金额', '实付金额', '支付金额', '订单金额', '实付', '应付金额', '成交金额'],
  region: ['country', 'region', 'province', 'state', '地区', '省份', '省', '区域', '国家', '所在地区'],
  city: ['city', '城市', '市', '所在城市'],
  channel: ['channel', 'platform', 'source', 'saleschannel', '平台', '渠道', '来源', '销售渠道'],
  store: ['store', 'shop', 'storename', 'shopname', 'storeid', 'shopid', '门店', '店铺', '门店名称', '店铺名称', '门店编号'],
};

/** Lower case, without spaces, underscores, hyphens, dots, BOM or quotes: "Invoice_No" = "invoiceno". */
export function normaliseHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s_\-.'"()（）:：/]+/g, '');
}

/**
 * Guess the mapping from a header row. Each column goes to at most one field; a field takes
 * the column whose header matches its earliest synonym (so "InvoiceDate" beats "Date").
 */
export function detectMapping(header: readonly string[]): ColumnMapping {
  const norm = header.map(normaliseHeader);
  const taken = new Set<number>();
  const mapping: ColumnMapping = {};
  // Exact matches first for every field, then "contains" matches for what is left.
  for (const pass of ['exact', 'contains'] as const) {
    for (const field of TARGET_FIELDS) {
      if (mapping[field] !== undefined) continue;
      for (const syn of SYNONYMS[field]) {
        const idx = norm.findIndex((h, i) => !taken.has(i) && (pass === 'exact' ? h === syn : containsMatch(h, syn)));
        if (idx >= 0) {
          mapping[field] = idx;
          taken.add(idx);
          break;
        }
      }
    }
  }
  return mapping;
}

/** Loose match: long ASCII names or 2+ CJK characters inside a longer header ("订单号码"). */
function containsMatch(header: string, syn: string): boolean {
  const cjk = /[^ -~]/.test(syn);
  return (cjk ? syn.length >= 2 : syn.length >= 5) && header.includes(syn);
}

/** Fields without which no order can be built: which ones the mapping lacks. */
export function missingRequired(mapping: ColumnMapping): TargetField[] {
  const missing: TargetField[] = [];
  if (mapping.orderId === undefined) missing.push('orderId');
  if (mapping.placedAt === undefined) missing.push('placedAt');
  if (mapping.unitPrice === undefined && mapping.amount === undefined) missing.push('unitPrice');
  return missing;
}

/** Keep only fields whose column exists in a header of `width` columns. */
export function sanitiseMapping(mapping: ColumnMapping, width: number): ColumnMapping {
  const out: ColumnMapping = {};
  for (const f of TARGET_FIELDS) {
    const i = mapping[f];
    if (typeof i === 'number' && Number.isInteger(i) && i >= 0 && i < width) out[f] = i;
  }
  return out;
}
