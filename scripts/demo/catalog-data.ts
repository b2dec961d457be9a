/**
 * The demo platform: three Shanghai shops, a two-level category tree, ~60 goods with spec matrices,
 * banners and coupons. Plain data; `seed-demo.ts` turns it into validated documents.
 */

export interface DemoCategory {
  id: string;
  name: string;
  color: string;
  children: Array<{ id: string; name: string }>;
}

export const CATEGORIES: DemoCategory[] = [
  { id: 'cat-fresh', name: '生鲜水果', color: '#2ba471', children: [{ id: 'cat-fruit', name: '时令水果' }, { id: 'cat-veg', name: '新鲜蔬菜' }] },
  { id: 'cat-food', name: '零食饮料', color: '#e37318', children: [{ id: 'cat-snack', name: '休闲零食' }, { id: 'cat-drink', name: '茶饮冲调' }] },
  { id: 'cat-digital', name: '数码配件', color: '#0052d9', children: [{ id: 'cat-phone', name: '手机配件' }, { id: 'cat-audio', name: '耳机音箱' }, { id: 'cat-pc', name: '电脑外设' }] },
  { id: 'cat-fashion', name: '服饰鞋包', color: '#d54941', children: [{ id: 'cat-women', name: '女装' }, { id: 'cat-men', name: '男装' }, { id: 'cat-bag', name: '包袋' }] },
  { id: 'cat-home', name: '家居日用', color: '#8e56dd', children: [{ id: 'cat-storage', name: '收纳整理' }, { id: 'cat-kitchen', name: '餐厨用品' }] },
];

export interface DemoShop {
  id: string;
  name: string;
  description: string;
  color: string;
  feeFen: number;
  freeThresholdFen: number | null;
}

export const SHOPS: DemoShop[] = [
  { id: 'shop-fresh', name: '沪上鲜果铺', description: '产地直采，当日达上海全市', color: '#2ba471', feeFen: 600, freeThresholdFen: 9900 },
  { id: 'shop-digital', name: '数码小站', description: '正品数码配件，七天无理由', color: '#0052d9', feeFen: 0, freeThresholdFen: null },
  { id: 'shop-style', name: '弄堂衣橱', description: '海派原创设计，小批量手作', color: '#d54941', feeFen: 1000, freeThresholdFen: 19900 },
];

/** Spec dimensions of a goods item: each combination becomes one SKU. */
export type Specs = Array<{ name: string; values: string[] }>;

export interface DemoGoods {
  title: string;
  subtitle: string;
  shopId: string;
  category: string;
  /** Price of the first SKU; later values of the first dimension add `step` each. */
  priceFen: number;
  step?: number;
  /** Crossed-out price ratio, e.g. 1.25 shows the original as 125% of the price. */
  markup?: number;
  specs: Specs;
  stock?: number;
  sales: number;
  recommended?: boolean;
  keywords?: string[];
}

const WEIGHT: Specs = [{ name: '规格', values: ['500g', '1kg', '2.5kg'] }];
const SIZE_COLOR = (colors: string[]): Specs => [
  { name: '颜色', values: colors },
  { name: '尺码', values: ['S', 'M', 'L', 'XL'] },
];
const COLOR = (colors: string[]): Specs => [{ name: '颜色', values: colors }];

export const GOODS: DemoGoods[] = [
  // 沪上鲜果铺
  { title: '南汇8424西瓜', subtitle: '脆甜多汁，浦东南汇产', shopId: 'shop-fresh', category: 'cat-fruit', priceFen: 3990, step: 2000, specs: [{ name: '规格', values: ['1个装', '2个装'] }], sales: 1520, recommended: true, keywords: ['西瓜', '水果'] },
  { title: '马陆葡萄', subtitle: '嘉定马陆巨峰葡萄', shopId: 'shop-fresh', category: 'cat-fruit', priceFen: 2590, step: 1800, markup: 1.2, specs: WEIGHT, sales: 860, recommended: true, keywords: ['葡萄'] },
  { title: '奉贤黄桃', subtitle: '锦绣黄桃，软糯香甜', shopId: 'shop-fresh', category: 'cat-fruit', priceFen: 3290, step: 2500, specs: WEIGHT, sales: 640, keywords: ['黄桃', '桃子'] },
  { title: '崇明金瓜', subtitle: '崇明岛特产，凉拌爽口', shopId: 'shop-fresh', category: 'cat-veg', priceFen: 1290, specs: [{ name: '规格', values: ['2个装', '4个装'] }], step: 1100, sales: 320 },
  { title: '云南蓝莓', subtitle: '大果鲜食，冷链直达', shopId: 'shop-fresh', category: 'cat-fruit', priceFen: 3990, step: 3500, markup: 1.3, specs: [{ name: '规格', values: ['2盒', '4盒', '8盒'] }], sales: 2100, recommended: true, keywords: ['蓝莓'] },
  { title: '海南金煌芒', subtitle: '核小肉厚', shopId: 'shop-fresh', category: 'cat-fruit', priceFen: 4590, step: 3000, specs: [{ name: '规格', values: ['2.5kg', '5kg'] }], sales: 980 },
  { title: '有机小番茄', subtitle: '千禧圣女果', shopId: 'shop-fresh', category: 'cat-veg', priceFen: 1590, step: 1200, specs: WEIGHT, sales: 450 },
  { title: '青浦茭白', subtitle: '练塘茭白，当季鲜采', shopId: 'shop-fresh', category: 'cat-veg', priceFen: 990, step: 800, specs: WEIGHT, sales: 210 },
  { title: '本地鸡毛菜', subtitle: '清晨采摘', shopId: 'shop-fresh', category: 'cat-veg', priceFen: 590, step: 500, specs: WEIGHT, sales: 760 },
  { title: '阳光玫瑰葡萄', subtitle: '晴王，果香浓郁', shopId: 'shop-fresh', category: 'cat-fruit', priceFen: 5990, step: 5000, markup: 1.25, specs: [{ name: '规格', values: ['1串', '2串'] }], sales: 1350, recommended: true, keywords: ['葡萄', '晴王'] },
  { title: '老上海蝴蝶酥', subtitle: '层层酥脆，黄油香', shopId: 'shop-fresh', category: 'cat-snack', priceFen: 3800, step: 3000, specs: [{ name: '规格', values: ['小盒', '大盒'] }], sales: 3200, recommended: true, keywords: ['蝴蝶酥', '点心'] },
  { title: '大白兔奶糖', subtitle: '经典原味', shopId: 'shop-fresh', category: 'cat-snack', priceFen: 1990, step: 1500, specs: [{ name: '规格', values: ['227g', '454g'] }], sales: 5400, keywords: ['奶糖', '糖果'] },
  { title: '五香豆', subtitle: '城隍庙老字号', shopId: 'shop-fresh', category: 'cat-snack', priceFen: 1200, specs: [{ name: '规格', values: ['罐装'] }], sales: 890 },
  { title: '鲜肉月饼', subtitle: '现烤现发', shopId: 'shop-fresh', category: 'cat-snack', priceFen: 4800, step: 3600, specs: [{ name: '规格', values: ['6只装', '12只装'] }], sales: 2750, keywords: ['月饼'] },
  { title: '碧螺春绿茶', subtitle: '明前一级', shopId: 'shop-fresh', category: 'cat-drink', priceFen: 12800, step: 10000, specs: [{ name: '规格', values: ['100g', '250g'] }], sales: 410, keywords: ['茶叶', '绿茶'] },
  { title: '冷萃咖啡液', subtitle: '即溶即饮，12颗装', shopId: 'shop-fresh', category: 'cat-drink', priceFen: 5900, specs: [{ name: '口味', values: ['经典', '燕麦拿铁', '生椰'] }], sales: 1980, recommended: true, keywords: ['咖啡'] },
  { title: '酸梅汤', subtitle: '古法熬制', shopId: 'shop-fresh', category: 'cat-drink', priceFen: 2990, specs: [{ name: '规格', values: ['6瓶', '12瓶'] }], step: 2500, sales: 670 },
  { title: '桂花酒酿', subtitle: '甜糯微醺', shopId: 'shop-fresh', category: 'cat-drink', priceFen: 1890, specs: [{ name: '规格', values: ['500g'] }], sales: 540 },
  { title: '橙子礼盒', subtitle: '赣南脐橙', shopId: 'shop-fresh', category: 'cat-fruit', priceFen: 6990, specs: [{ name: '规格', values: ['5kg礼盒'] }], sales: 0, stock: 0, keywords: ['橙子'] },
  { title: '金丝枣', subtitle: '新疆若羌', shopId: 'shop-fresh', category: 'cat-snack', priceFen: 2590, step: 2000, specs: WEIGHT, sales: 300 },
  // 数码小站
  { title: '20W快充充电器', subtitle: 'PD协议，兼容主流手机', shopId: 'shop-digital', category: 'cat-phone', priceFen: 4900, specs: COLOR(['白色', '黑色']), sales: 4300, recommended: true, keywords: ['充电器', '快充'] },
  { title: '编织数据线', subtitle: 'Type-C 1.2米', shopId: 'shop-digital', category: 'cat-phone', priceFen: 2900, specs: [{ name: '接口', values: ['C to C', 'C to Lightning'] }, { name: '长度', values: ['1.2m', '2m'] }], sales: 6200, keywords: ['数据线'] },
  { title: '磁吸手机壳', subtitle: '防摔，支持磁吸充电', shopId: 'shop-digital', category: 'cat-phone', priceFen: 6900, specs: [{ name: '颜色', values: ['透明', '雾黑', '远峰蓝'] }, { name: '机型', values: ['15', '15 Pro', '16', '16 Pro'] }], sales: 2800, keywords: ['手机壳'] },
  { title: '钢化膜两片装', subtitle: '高清防指纹', shopId: 'shop-digital', category: 'cat-phone', priceFen: 2500, specs: [{ name: '机型', values: ['15', '15 Pro', '16', '16 Pro'] }], sales: 5100 },
  { title: '10000mAh充电宝', subtitle: '轻薄可上飞机', shopId: 'shop-digital', category: 'cat-phone', priceFen: 9900, markup: 1.3, specs: COLOR(['白色', '黑色', '粉色']), sales: 3600, recommended: true, keywords: ['充电宝', '移动电源'] },
  { title: '降噪蓝牙耳机', subtitle: '主动降噪，30小时续航', shopId: 'shop-digital', category: 'cat-audio', priceFen: 29900, markup: 1.35, specs: COLOR(['白色', '黑色']), sales: 1900, recommended: true, keywords: ['耳机', '蓝牙耳机'] },
  { title: '便携蓝牙音箱', subtitle: 'IPX7防水', shopId: 'shop-digital', category: 'cat-audio', priceFen: 19900, specs: COLOR(['军绿', '深灰', '橙色']), sales: 870, keywords: ['音箱'] },
  { title: '有线耳机', subtitle: 'Type-C接口', shopId: 'shop-digital', category: 'cat-audio', priceFen: 3900, specs: COLOR(['白色']), sales: 1200 },
  { title: '机械键盘', subtitle: '87键热插拔', shopId: 'shop-digital', category: 'cat-pc', priceFen: 32900, step: 4000, markup: 1.2, specs: [{ name: '轴体', values: ['红轴', '茶轴', '青轴'] }], sales: 760, recommended: true, keywords: ['键盘'] },
  { title: '无线鼠标', subtitle: '静音，双模连接', shopId: 'shop-digital', category: 'cat-pc', priceFen: 8900, specs: COLOR(['白色', '黑色', '灰色']), sales: 2400, keywords: ['鼠标'] },
  { title: '笔记本支架', subtitle: '铝合金可折叠', shopId: 'shop-digital', category: 'cat-pc', priceFen: 12900, specs: COLOR(['银色', '深空灰']), sales: 1100 },
  { title: 'USB-C扩展坞', subtitle: '七合一', shopId: 'shop-digital', category: 'cat-pc', priceFen: 19900, specs: COLOR(['深空灰']), sales: 980, keywords: ['扩展坞', '转接头'] },
  { title: '鼠标垫', subtitle: '超大桌垫', shopId: 'shop-digital', category: 'cat-pc', priceFen: 3900, specs: [{ name: '尺寸', values: ['80x30cm', '90x40cm'] }], step: 1000, sales: 3100 },
  { title: '车载手机支架', subtitle: '出风口磁吸', shopId: 'shop-digital', category: 'cat-phone', priceFen: 5900, specs: COLOR(['黑色']), sales: 1500 },
  { title: '智能手环', subtitle: '心率血氧监测', shopId: 'shop-digital', category: 'cat-audio', priceFen: 24900, specs: COLOR(['曜石黑', '晨曦粉']), sales: 0, stock: 0, keywords: ['手环'] },
  { title: '桌面小风扇', subtitle: 'USB充电三档风速', shopId: 'shop-digital', category: 'cat-pc', priceFen: 4900, specs: COLOR(['白色', '薄荷绿']), sales: 2200 },
  { title: '平板电容笔', subtitle: '防误触，倾斜感应', shopId: 'shop-digital', category: 'cat-phone', priceFen: 15900, specs: COLOR(['白色']), sales: 640 },
  { title: '蓝牙自拍杆', subtitle: '三脚架一体', shopId: 'shop-digital', category: 'cat-phone', priceFen: 6900, specs: COLOR(['黑色', '白色']), sales: 830 },
  { title: 'HDMI高清线', subtitle: '4K 60Hz', shopId: 'shop-digital', category: 'cat-pc', priceFen: 2900, step: 1000, specs: [{ name: '长度', values: ['1.5m', '3m'] }], sales: 1700 },
  { title: '耳机收纳包', subtitle: '硬壳防压', shopId: 'shop-digital', category: 'cat-audio', priceFen: 1900, specs: COLOR(['黑色', '灰色']), sales: 900 },
  // 弄堂衣橱
  { title: '海派旗袍改良连衣裙', subtitle: '真丝混纺，立领盘扣', shopId: 'shop-style', category: 'cat-women', priceFen: 59900, markup: 1.3, specs: SIZE_COLOR(['月白', '黛青']), sales: 420, recommended: true, keywords: ['旗袍', '连衣裙'] },
  { title: '亚麻衬衫', subtitle: '透气宽松', shopId: 'shop-style', category: 'cat-men', priceFen: 29900, specs: SIZE_COLOR(['米白', '雾蓝', '燕麦']), sales: 760, recommended: true, keywords: ['衬衫'] },
  { title: '针织开衫', subtitle: '羊毛混纺', shopId: 'shop-style', category: 'cat-women', priceFen: 39900, specs: SIZE_COLOR(['奶咖', '灰粉']), sales: 530, keywords: ['开衫', '毛衣'] },
  { title: '工装阔腿裤', subtitle: '垂感西裤面料', shopId: 'shop-style', category: 'cat-women', priceFen: 25900, specs: SIZE_COLOR(['黑色', '卡其']), sales: 890 },
  { title: '纯棉T恤', subtitle: '重磅260g', shopId: 'shop-style', category: 'cat-men', priceFen: 12900, specs: SIZE_COLOR(['白色', '黑色', '藏青']), sales: 2600, keywords: ['T恤', '短袖'] },
  { title: '帆布托特包', subtitle: '上海弄堂印花', shopId: 'shop-style', category: 'cat-bag', priceFen: 15900, specs: COLOR(['本白', '墨绿']), sales: 1400, recommended: true, keywords: ['帆布包', '包'] },
  { title: '真皮斜挎包', subtitle: '头层牛皮', shopId: 'shop-style', category: 'cat-bag', priceFen: 69900, markup: 1.2, specs: COLOR(['焦糖', '黑色']), sales: 310, keywords: ['斜挎包', '包'] },
  { title: '羊毛围巾', subtitle: '格纹双面', shopId: 'shop-style', category: 'cat-women', priceFen: 19900, specs: COLOR(['驼色格', '红绿格']), sales: 680 },
  { title: '休闲西装外套', subtitle: '单排扣', shopId: 'shop-style', category: 'cat-men', priceFen: 79900, specs: SIZE_COLOR(['藏青', '深灰']), sales: 150 },
  { title: '棉麻收纳筐', subtitle: '可折叠', shopId: 'shop-style', category: 'cat-storage', priceFen: 4900, step: 2000, specs: [{ name: '尺寸', values: ['小号', '中号', '大号'] }], sales: 1900, keywords: ['收纳'] },
  { title: '桌面收纳盒', subtitle: '多格抽屉', shopId: 'shop-style', category: 'cat-storage', priceFen: 5900, specs: COLOR(['白色', '原木']), sales: 1300 },
  { title: '真空压缩袋', subtitle: '衣物被子收纳', shopId: 'shop-style', category: 'cat-storage', priceFen: 3990, step: 2000, specs: [{ name: '规格', values: ['8件套', '16件套'] }], sales: 2700 },
  { title: '景德镇青花碗', subtitle: '手绘釉下彩', shopId: 'shop-style', category: 'cat-kitchen', priceFen: 8900, step: 6000, specs: [{ name: '规格', values: ['2只装', '4只装'] }], sales: 560, recommended: true, keywords: ['碗', '餐具'] },
  { title: '竹制砧板', subtitle: '整竹无拼接', shopId: 'shop-style', category: 'cat-kitchen', priceFen: 6900, step: 3000, specs: [{ name: '尺寸', values: ['中号', '大号'] }], sales: 830 },
  { title: '珐琅锅', subtitle: '铸铁24cm', shopId: 'shop-style', category: 'cat-kitchen', priceFen: 39900, markup: 1.4, specs: COLOR(['樱桃红', '雾霾蓝']), sales: 270 },
  { title: '玻璃保鲜盒', subtitle: '耐热可微波', shopId: 'shop-style', category: 'cat-kitchen', priceFen: 6900, step: 3000, specs: [{ name: '规格', values: ['3件套', '5件套'] }], sales: 1650 },
  { title: '手工皂礼盒', subtitle: '冷制精油皂', shopId: 'shop-style', category: 'cat-storage', priceFen: 12800, specs: [{ name: '香型', values: ['白茶', '桂花', '玉兰'] }], sales: 480 },
  { title: '棉麻围裙', subtitle: '防水涂层', shopId: 'shop-style', category: 'cat-kitchen', priceFen: 5900, specs: COLOR(['卡其', '藏青']), sales: 720 },
  { title: '老上海搪瓷杯', subtitle: '复古印字', shopId: 'shop-style', category: 'cat-kitchen', priceFen: 3900, specs: [{ name: '图案', values: ['为人民服务', '上海', '先进工作者'] }], sales: 3900, keywords: ['搪瓷杯', '杯子'] },
  { title: '草编遮阳帽', subtitle: '宽檐防晒', shopId: 'shop-style', category: 'cat-women', priceFen: 9900, specs: COLOR(['米色']), sales: 0, stock: 0 },
];

export const BANNERS = [
  { id: 'banner-summer', title: '夏日鲜果节 满99包邮', color: '#2ba471', link: { type: 'category' as const, categoryId: 'cat-fruit' } },
  { id: 'banner-digital', title: '数码配件 新品首发', color: '#0052d9', link: { type: 'search' as const, keyword: '耳机' } },
  { id: 'banner-style', title: '海派原创 弄堂衣橱', color: '#d54941', link: { type: 'goods' as const, goodsId: 'goods-041' } },
];
