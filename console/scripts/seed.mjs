#!/usr/bin/env node
// Fills a development server with a brand's worth of customers, products, orders and events spread over the last
// weeks, so that every page of the console has something to show. The same seed gives the same data.
//
//   node scripts/seed.mjs [--url http://localhost:8081] [--write-key wk_...] [--customers 300] [--days 60] [--seed 7]

const options = parseArguments(process.argv.slice(2), {
  url: 'http://localhost:8081',
  'write-key': 'wk_console_dev_0123456789abcdef',
  customers: '300',
  days: '60',
  seed: '7',
});

const baseUrl = options.url.replace(/\/$/, '');
const authorization = 'Basic ' + Buffer.from(`${options['write-key']}:`).toString('base64');
const customerCount = Number(options.customers);
const days = Number(options.days);
const random = mulberry32(Number(options.seed));
const now = Date.now();
const DAY = 86_400_000;

const SURNAMES = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'],
  ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'],
  ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['林', 'lin'], ['罗', 'luo'], ['高', 'gao'], ['梁', 'liang'],
  ['宋', 'song'], ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'], ['曹', 'cao'],
];
const GIVEN_NAMES = [
  ['小雨', 'xiaoyu'], ['思涵', 'sihan'], ['雨萱', 'yuxuan'], ['子轩', 'zixuan'], ['欣怡', 'xinyi'], ['梓涵', 'zihan'],
  ['浩然', 'haoran'], ['晨曦', 'chenxi'], ['佳琪', 'jiaqi'], ['一诺', 'yinuo'], ['语桐', 'yutong'], ['嘉怡', 'jiayi'],
  ['明轩', 'mingxuan'], ['诗琪', 'shiqi'], ['若汐', 'ruoxi'], ['俊杰', 'junjie'], ['可欣', 'kexin'], ['静怡', 'jingyi'],
  ['天佑', 'tianyou'], ['雅婷', 'yating'], ['晓峰', 'xiaofeng'], ['梦瑶', 'mengyao'], ['宇航', 'yuhang'], ['安琪', 'anqi'],
];
const CITIES = ['上海', '北京', '杭州', '深圳', '广州', '成都', '南京', '武汉', '苏州', '西安', '重庆', '长沙'];
const CHANNELS = [
  ['wechat', 34], ['douyin', 20], ['xiaohongshu', 16], ['mini-program', 12], ['weibo', 5], ['web', 9], ['app', 4],
];
const TIERS = ['普通会员', '银卡会员', '金卡会员', '钻石会员'];
const COUPONS = ['NEW20', 'VIP50', 'FULL300-30', 'FREESHIP'];

const PRODUCTS = [
  ['sk-001', '玻尿酸保湿精华', '护肤', '润研', 134], ['sk-002', '烟酰胺焕亮面膜', '护肤', '润研', 89],
  ['sk-003', '氨基酸洁面乳', '护肤', '清泉', 69], ['sk-004', '视黄醇修护晚霜', '护肤', '润研', 239],
  ['sk-005', '防晒隔离乳 SPF50', '护肤', '清泉', 128], ['sk-006', '舒缓修护爽肤水', '护肤', '清泉', 99],
  ['mk-001', '丝绒雾面口红', '彩妆', '绯色', 159], ['mk-002', '持妆粉底液', '彩妆', '绯色', 259],
  ['mk-003', '四色眼影盘', '彩妆', '绯色', 189], ['mk-004', '防水睫毛膏', '彩妆', '青柠', 79],
  ['mk-005', '定妆散粉', '彩妆', '青柠', 119], ['bb-001', '婴儿有机奶粉 3 段', '母婴', '小树苗', 358],
  ['bb-002', '纸尿裤 L 码 60 片', '母婴', '小树苗', 139], ['bb-003', '婴儿洗护套装', '母婴', '暖暖', 168],
  ['bb-004', '儿童益智积木', '母婴', '暖暖', 99], ['fd-001', '云南小粒咖啡豆 500g', '食品', '山谷', 88],
  ['fd-002', '每日坚果 30 袋', '食品', '山谷', 129], ['fd-003', '冻干草莓脆', '食品', '鲜果园', 39],
  ['fd-004', '低糖燕麦片 1kg', '食品', '鲜果园', 45], ['fd-005', '手工红糖姜茶', '食品', '山谷', 59],
  ['hm-001', '香薰蜡烛礼盒', '家居', '栖木', 149], ['hm-002', '纯棉四件套', '家居', '栖木', 399],
  ['hm-003', '记忆棉枕头', '家居', '栖木', 199], ['hm-004', '陶瓷马克杯', '家居', '陶然', 49],
  ['ap-001', '真丝睡衣套装', '服饰', '素衣', 459], ['ap-002', '羊毛围巾', '服饰', '素衣', 269],
  ['ap-003', '纯棉 T 恤', '服饰', '素衣', 99], ['ap-004', '休闲运动卫衣', '服饰', '跃动', 229],
].map(([id, name, category, brand, price], index) => ({
  product_id: id,
  sku: id.toUpperCase(),
  name,
  category,
  brand,
  price,
  currency: 'CNY',
  stock: 20 + Math.floor(random() * 480),
  rating: Math.round((3.8 + random() * 1.2) * 10) / 10,
  url: `https://shop.example.com/products/${id}`,
  attributes: { popularity: index % 5 },
}));

const messages = [];
const customers = [];
for (let n = 1; n <= customerCount; n++) {
  customers.push(makeCustomer(n));
}
// A few customers share a phone number with someone else, which the server must report as an identity conflict.
for (let i = 0; i < 3; i++) {
  const a = customers[10 + i * 37];
  const b = customers[20 + i * 41];
  if (a && b) {
    b.phone = a.phone;
  }
}
for (const customer of customers) {
  messages.push(...journey(customer));
}
// The customer base goes first, as a shop's initial import would, then the behaviour in the order it happened.
const isProfile = (message) => message.type === 'identify' && message.traits && 'name' in message.traits;
const profiles = messages.filter(isProfile);
const behaviour = messages.filter((message) => !isProfile(message));
behaviour.sort((a, b) => a.timestamp.localeCompare(b.timestamp));

await send('/ingest/v1/products', { products: PRODUCTS });
console.log(`products: ${PRODUCTS.length}`);

let sent = 0;
let batch = [];
let batchBytes = 0;
for (const message of [...profiles, ...behaviour]) {
  const size = JSON.stringify(message).length;
  if (batch.length >= 200 || batchBytes + size > 400_000) {
    await send('/v1/batch', { batch });
    sent += batch.length;
    batch = [];
    batchBytes = 0;
  }
  batch.push(message);
  batchBytes += size;
}
if (batch.length > 0) {
  await send('/v1/batch', { batch });
  sent += batch.length;
}
console.log(`customers: ${customers.length}, messages: ${sent}`);

function makeCustomer(n) {
  const [surname, surnamePinyin] = pick(SURNAMES);
  const [given, givenPinyin] = pick(GIVEN_NAMES);
  // More sign-ups in recent weeks, as a growing brand would see.
  const daysAgo = Math.floor(days * Math.pow(random(), 1.4));
  const firstSeen = now - daysAgo * DAY - Math.floor(random() * DAY * 0.9);
  return {
    n,
    userId: `u-${String(n).padStart(5, '0')}`,
    anonymousId: `anon-${n.toString(36)}-${Math.floor(random() * 1e9).toString(36)}`,
    name: surname + given,
    email: random() < 0.7 ? `${givenPinyin}.${surnamePinyin}${n}@example.com` : undefined,
    phone: random() < 0.85 ? `+861${pick(['3', '5', '7', '8', '9'])}${digits(9)}` : undefined,
    city: pick(CITIES),
    gender: random() < 0.72 ? 'female' : 'male',
    age: 18 + Math.floor(random() * 40),
    channel: weighted(CHANNELS),
    openId: random() < 0.5 ? `oX${digits(6)}${n}` : undefined,
    firstSeen,
    engagement: random(),
  };
}

function journey(customer) {
  const out = [];
  const base = { anonymousId: customer.anonymousId };
  const contextFor = (channel) => ({
    channel: channel === 'app' ? 'mobile' : 'browser',
    locale: 'zh-CN',
    ip: `10.${Math.floor(random() * 250)}.${Math.floor(random() * 250)}.${Math.floor(random() * 250)}`,
    campaign: { source: customer.channel, medium: 'social' },
  });
  let time = customer.firstSeen;
  const at = () => new Date(Math.min(time, now - 60_000)).toISOString();

  out.push({
    type: 'page', ...base, name: '首页', timestamp: at(), context: contextFor(customer.channel),
    properties: { path: '/', title: '首页', referrer: `https://${customer.channel}.example.com/` },
  });
  time += minutes(2, 10);
  const traits = {
    name: customer.name,
    city: customer.city,
    gender: customer.gender,
    age: customer.age,
    channel: customer.channel,
    tier: TIERS[Math.min(3, Math.floor(customer.engagement * 4))],
    ...(customer.email ? { email: customer.email } : {}),
    ...(customer.phone ? { phone: customer.phone } : {}),
    ...(customer.openId ? { wechat_openid: customer.openId } : {}),
  };
  out.push({ type: 'identify', ...base, userId: customer.userId, traits, timestamp: at(), context: contextFor(customer.channel) });

  const sessions = 1 + Math.floor(customer.engagement * customer.engagement * 12 + random() * 2);
  const span = Math.max(DAY, now - customer.firstSeen);
  let orderNumber = 0;
  for (let s = 0; s < sessions; s++) {
    time = customer.firstSeen + Math.floor((span * (s + random())) / sessions);
    if (time > now - 60_000) {
      break;
    }
    // Some customers come back on a second device first, browse anonymously and sign in later: two profiles merge.
    const secondDevice = s === 1 && customer.n % 9 === 0;
    const who = secondDevice
      ? { anonymousId: `${customer.anonymousId}-phone` }
      : { userId: customer.userId, anonymousId: customer.anonymousId };
    const context = contextFor(customer.channel);
    out.push({ type: random() < 0.6 ? 'page' : 'screen', ...who, name: '商品列表', timestamp: at(), context, properties: { path: '/list' } });
    const viewed = [];
    const views = 1 + Math.floor(random() * 4);
    for (let v = 0; v < views; v++) {
      time += minutes(1, 6);
      const product = pick(PRODUCTS);
      viewed.push(product);
      out.push({ type: 'track', ...who, event: 'Product Viewed', timestamp: at(), context, properties: productRef(product) });
    }
    if (random() < 0.25) {
      time += minutes(1, 3);
      out.push({ type: 'track', ...who, event: 'Product Shared', timestamp: at(), context,
        properties: { ...productRef(viewed[0]), share_via: pick(['wechat_moments', 'wechat_friend', 'weibo']) } });
    }
    if (random() < 0.12) {
      time += minutes(1, 3);
      out.push({ type: 'track', ...who, event: 'Live Room Joined', timestamp: at(), context,
        properties: { room_id: `live-${1 + Math.floor(random() * 6)}`, host: pick(['小美', '阿杰', '婷婷']) } });
    }
    if (secondDevice) {
      time += minutes(2, 8);
      out.push({ type: 'identify', userId: customer.userId, anonymousId: `${customer.anonymousId}-phone`,
        timestamp: at(), context, traits: { last_device: 'iPhone' } });
    }
    if (random() > 0.35 + customer.engagement * 0.4) {
      continue;
    }
    const lines = unique(viewed).slice(0, 3).map((product) => ({
      ...productRef(product),
      quantity: 1 + Math.floor(random() * random() * 3),
    }));
    for (const line of lines) {
      time += minutes(1, 4);
      out.push({ type: 'track', userId: customer.userId, anonymousId: customer.anonymousId, event: 'Product Added',
        timestamp: at(), context, properties: line });
    }
    orderNumber += 1;
    const orderId = `o-${customer.n}-${orderNumber}`;
    const subtotal = lines.reduce((sum, line) => sum + line.price * line.quantity, 0);
    const coupon = random() < 0.3 ? pick(COUPONS) : undefined;
    const discount = coupon ? Math.min(subtotal * 0.2, coupon === 'VIP50' ? 50 : 20) : 0;
    const shipping = subtotal >= 99 ? 0 : 10;
    const total = round(subtotal - discount + shipping);
    const order = {
      order_id: orderId, checkout_id: `c-${customer.n}-${orderNumber}`, currency: 'CNY', subtotal, discount: round(discount),
      shipping, tax: 0, revenue: round(subtotal - discount), total, products: lines,
      affiliation: pick(['官方小程序', '抖音小店', '小红书店铺', '官网']),
      ...(coupon ? { coupon } : {}),
    };
    time += minutes(1, 5);
    const identity = { userId: customer.userId, anonymousId: customer.anonymousId };
    out.push({ type: 'track', ...identity, event: 'Checkout Started', timestamp: at(), context, properties: order });
    const fate = random();
    if (fate < 0.1) {
      continue; // abandoned: the order stays pending
    }
    time += minutes(1, 10);
    if (fate < 0.16) {
      out.push({ type: 'track', ...identity, event: 'Order Cancelled', timestamp: at(), context, properties: { order_id: orderId } });
      continue;
    }
    out.push({ type: 'track', ...identity, event: 'Order Completed', timestamp: at(), context, properties: order });
    if (fate > 0.95 && time + 3 * DAY < now) {
      time += 3 * DAY;
      const line = lines[0];
      out.push({ type: 'track', ...identity, event: 'Order Refunded', timestamp: at(), context,
        properties: { order_id: orderId, total: line.price, currency: 'CNY', products: [{ ...line, quantity: 1 }] } });
    }
  }
  if (customer.engagement > 0.8 && random() < 0.5) {
    out.push({ type: 'group', userId: customer.userId, groupId: `community-${customer.city}`, timestamp: at(),
      traits: { name: `${customer.city}会员群`, kind: 'wecom_group' } });
  }
  return out;
}

function productRef(product) {
  const { product_id, sku, name, category, brand, price } = product;
  return { product_id, sku, name, category, brand, price, currency: 'CNY' };
}

async function send(path, body) {
  const response = await fetch(baseUrl + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: authorization },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  }
  const answer = await response.json().catch(() => ({}));
  if (Array.isArray(answer.errors) && answer.errors.length > 0) {
    console.warn(`${path}: ${answer.errors.length} rejected, first: ${JSON.stringify(answer.errors[0])}`);
  }
}

function parseArguments(args, defaults) {
  const parsed = { ...defaults };
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i].replace(/^--/, '');
    if (!(name in defaults) || args[i + 1] === undefined) {
      console.error(`usage: seed.mjs ${Object.keys(defaults).map((key) => `[--${key} ${defaults[key]}]`).join(' ')}`);
      process.exit(2);
    }
    parsed[name] = args[i + 1];
  }
  return parsed;
}

function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(items) {
  return items[Math.floor(random() * items.length)];
}

function weighted(entries) {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) {
      return value;
    }
  }
  return entries[entries.length - 1][0];
}

function digits(count) {
  let out = '';
  for (let i = 0; i < count; i++) {
    out += Math.floor(random() * 10);
  }
  return out;
}

function minutes(min, max) {
  return Math.floor((min + random() * (max - min)) * 60_000);
}

function unique(products) {
  return [...new Map(products.map((product) => [product.product_id, product])).values()];
}

function round(amount) {
  return Math.round(amount * 100) / 100;
}
