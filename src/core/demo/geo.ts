/**
 * Real Chinese cities by sales region, with approximate city-centre coordinates and how many
 * physical stores a brand typically runs there (tier 1 cities carry the most). Members are
 * spread over cities in proportion to the same weights.
 */
export interface City {
  region: string;
  city: string;
  lat: number;
  lng: number;
  /** Physical (POS) stores in this city; also the city's weight for members. */
  stores: number;
}

export const CITIES: readonly City[] = [
  // 华东
  { region: '华东', city: '上海', lat: 31.23, lng: 121.47, stores: 22 },
  { region: '华东', city: '杭州', lat: 30.27, lng: 120.16, stores: 14 },
  { region: '华东', city: '南京', lat: 32.06, lng: 118.8, stores: 12 },
  { region: '华东', city: '苏州', lat: 31.3, lng: 120.62, stores: 12 },
  { region: '华东', city: '宁波', lat: 29.87, lng: 121.55, stores: 8 },
  { region: '华东', city: '无锡', lat: 31.49, lng: 120.31, stores: 6 },
  { region: '华东', city: '合肥', lat: 31.82, lng: 117.23, stores: 8 },
  { region: '华东', city: '济南', lat: 36.65, lng: 117.12, stores: 7 },
  { region: '华东', city: '青岛', lat: 36.07, lng: 120.38, stores: 8 },
  { region: '华东', city: '福州', lat: 26.07, lng: 119.3, stores: 6 },
  { region: '华东', city: '厦门', lat: 24.48, lng: 118.09, stores: 6 },
  // 华南
  { region: '华南', city: '广州', lat: 23.13, lng: 113.26, stores: 20 },
  { region: '华南', city: '深圳', lat: 22.54, lng: 114.06, stores: 20 },
  { region: '华南', city: '东莞', lat: 23.02, lng: 113.75, stores: 8 },
  { region: '华南', city: '佛山', lat: 23.02, lng: 113.12, stores: 8 },
  { region: '华南', city: '南宁', lat: 22.82, lng: 108.37, stores: 6 },
  { region: '华南', city: '海口', lat: 20.04, lng: 110.32, stores: 4 },
  // 华北
  { region: '华北', city: '北京', lat: 39.9, lng: 116.41, stores: 22 },
  { region: '华北', city: '天津', lat: 39.13, lng: 117.2, stores: 10 },
  { region: '华北', city: '石家庄', lat: 38.04, lng: 114.51, stores: 6 },
  { region: '华北', city: '太原', lat: 37.87, lng: 112.55, stores: 5 },
  { region: '华北', city: '呼和浩特', lat: 40.84, lng: 111.75, stores: 4 },
  // 华中
  { region: '华中', city: '武汉', lat: 30.59, lng: 114.31, stores: 13 },
  { region: '华中', city: '长沙', lat: 28.23, lng: 112.94, stores: 11 },
  { region: '华中', city: '郑州', lat: 34.75, lng: 113.63, stores: 10 },
  { region: '华中', city: '南昌', lat: 28.68, lng: 115.86, stores: 6 },
  // 西南
  { region: '西南', city: '成都', lat: 30.57, lng: 104.07, stores: 15 },
  { region: '西南', city: '重庆', lat: 29.56, lng: 106.55, stores: 14 },
  { region: '西南', city: '昆明', lat: 25.04, lng: 102.71, stores: 7 },
  { region: '西南', city: '贵阳', lat: 26.65, lng: 106.63, stores: 5 },
  // 西北
  { region: '西北', city: '西安', lat: 34.34, lng: 108.94, stores: 11 },
  { region: '西北', city: '兰州', lat: 36.06, lng: 103.83, stores: 4 },
  { region: '西北', city: '乌鲁木齐', lat: 43.83, lng: 87.62, stores: 4 },
  // 东北
  { region: '东北', city: '沈阳', lat: 41.81, lng: 123.43, stores: 8 },
  { region: '东北', city: '大连', lat: 38.91, lng: 121.61, stores: 7 },
  { region: '东北', city: '哈尔滨', lat: 45.8, lng: 126.53, stores: 7 },
  { region: '东北', city: '长春', lat: 43.82, lng: 125.32, stores: 6 },
];

/** Shopping centres a store can sit in; names are generic chains found in most cities. */
export const MALLS: readonly string[] = [
  '万达广场', '万象城', '大悦城', '吾悦广场', '银泰城', '龙湖天街', '印象城', '凯德广场',
  '来福士', '宝龙广场', '爱琴海购物公园', '天虹', '永旺梦乐城', '华润万家', '新世界百货', '百盛',
  '太古汇', '恒隆广场', '世纪金源', '砂之船奥莱', '苏宁广场', '王府井百货', '大融城', '万科广场',
];
