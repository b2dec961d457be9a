/**
 * `npm run demo`: a scripted shopper journey through the real cloud functions of the running local
 * mall (the one `npm start` serves on PORT, default 9000); when none is running it starts one itself
 * and stops it at the end. Prints every step; exits non-zero when any step fails.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { ActionName, CartView, FunctionName, PayloadOf, Result, ResultOf } from '../miniprogram/contracts';
import { ROOT } from './lib/deploy-local';

const PORT = Number(process.env.PORT ?? 9000);
const BASE = `http://127.0.0.1:${PORT}`;
const SHOPPER = `demo-shopper-${Date.now().toString(36)}`;
/** The platform admin of the demo data (a `roles` document seeded by `npm start`). */
const ADMIN = 'dev-admin-1';
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

let stepNo = 0;
async function step<T>(title: string, fn: () => Promise<T>, show: (v: T) => string = () => ''): Promise<T> {
  stepNo++;
  const started = Date.now();
  try {
    const v = await fn();
    const detail = show(v);
    console.log(`✔ ${String(stepNo).padStart(2)}. ${title}${detail ? ` — ${detail}` : ''} (${Date.now() - started} ms)`);
    return v;
  } catch (e) {
    console.log(`✘ ${String(stepNo).padStart(2)}. ${title}: ${(e as Error).message}`);
    throw e;
  }
}

async function call<N extends FunctionName, A extends ActionName<N>>(fn: N, action: A, payload: PayloadOf<N, A>, openid = SHOPPER): Promise<ResultOf<N, A>> {
  const res = await fetch(`${BASE}/gateway/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body: JSON.stringify({ ...(payload as object), action }),
  });
  const body = (await res.json()) as { result?: Result<ResultOf<N, A>>; errMsg?: string };
  if (!body.result) throw new Error(`${fn}.${action}: ${body.errMsg ?? 'no result'}`);
  if (!body.result.ok) throw new Error(`${fn}.${action}: ${body.result.error.code} ${body.result.error.message}`);
  return body.result.data;
}

async function control(route: string, body?: unknown): Promise<any> {
  const res = await fetch(`${BASE}${route}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function running(): Promise<boolean> {
  try {
    return (await fetch(`${BASE}/_emulator/health`)).ok;
  } catch {
    return false;
  }
}

async function startMall(): Promise<ChildProcess> {
  console.log(`no mall on ${BASE}: starting one (npm start)`);
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/start.ts')], { cwd: ROOT, env: { ...process.env, PORT: String(PORT) }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the mall did not get ready in 120 s:\n${out}`)), 120_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c;
      if (/\bready\b/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${out}`)));
  });
  return child;
}

async function stockOf(goodsId: string, skuId: string): Promise<number> {
  const d = await call('catalog', 'detail', { goodsId });
  return d.skus.find((s) => s.id === skuId)!.stock;
}

function firstInStock(detail: ResultOf<'catalog', 'detail'>) {
  const sku = detail.skus.find((s) => s.stock > 0);
  if (!sku) throw new Error(`${detail.title} is sold out`);
  return sku;
}

async function journey(): Promise<{ addressId: string }> {
  console.log(`shopper ${SHOPPER} on ${BASE}\n`);
  await step('sign in', () => call('user', 'signIn', {}), (p) => `openid ${p.openid}`);
  const home = await step('browse the home screen', () => call('catalog', 'home', {}), (h) => `${h.banners.length} banners, ${h.categories.length} categories, ${h.recommended.length} recommended, ${h.hot.length} hot`);
  if (!home.recommended.length) throw new Error('the home screen has no goods: is the demo data loaded?');
  await step('search "葡萄" sorted by sales', () => call('catalog', 'search', { keyword: '葡萄', sort: 'sales' }), (p) => p.items.map((g) => `${g.title} ${yuan(g.priceFen)}`).join(', '));
  const headphones = await step('open 降噪蓝牙耳机 (数码小站)', () => call('catalog', 'detail', { goodsId: 'goods-026' }), (d) => `${d.skus.length} SKUs from ${yuan(d.priceFen)}`);
  const grapes = await step('open 阳光玫瑰葡萄 (沪上鲜果铺)', () => call('catalog', 'detail', { goodsId: 'goods-010' }), (d) => `${d.skus.length} SKUs from ${yuan(d.priceFen)}`);
  const skuA = firstInStock(headphones);
  const skuB = firstInStock(grapes);
  await step(`add ${headphones.title} (${skuA.specText}) to the cart`, () => call('cart', 'add', { skuId: skuA.id, quantity: 1 }));
  const cart: CartView = await step(`add ${grapes.title} (${skuB.specText}) x2 to the cart`, () => call('cart', 'add', { skuId: skuB.id, quantity: 2 }), (c) => `${c.shops.length} shops, selected ${yuan(c.selectedGoodsFen)}`);
  if (cart.shops.length !== 2) throw new Error(`expected lines from two shops, got ${cart.shops.length}`);
  const coupon = await step('claim the platform coupon 满100减20', () => call('coupon', 'claim', { templateId: 'tpl-100-20' }), (c) => `${c.title}, valid until ${new Date(c.validTo).toISOString().slice(0, 10)}`);
  const address = await step('add a shipping address', () => call('user', 'createAddress', { name: '王小明', phone: '13912345678', province: '上海市', city: '上海市', district: '徐汇区', detail: '漕溪北路88号' }), (a) => `${a.district}${a.detail}`);
  const items = [{ skuId: skuA.id, quantity: 1 }, { skuId: skuB.id, quantity: 2 }];
  const quote = await step('quote the checkout with the coupon', () => call('order', 'quote', { items, addressId: address.id, couponIds: [coupon.id], fromCart: true }), (q) => `goods ${yuan(q.goodsFen)} + shipping ${yuan(q.shippingFen)} - discount ${yuan(q.discountFen)} = ${yuan(q.payFen)} in ${q.orders.length} orders`);
  if (!quote.appliedCouponIds.includes(coupon.id)) throw new Error('the coupon was not applied');
  const created = await step('create the orders (one per shop)', () => call('order', 'create', { items, addressId: address.id, couponIds: [coupon.id], fromCart: true, requestId: `demo-${Date.now()}-a`, expectedPayFen: quote.payFen }), (r) => `payment ${r.paymentId}, orders ${r.orderIds.join(', ')}`);
  if (created.orderIds.length !== 2) throw new Error(`expected two orders, got ${created.orderIds.length}`);
  await step('place the WeChat Pay order', () => call('payment', 'pay', { paymentId: created.paymentId }), (p) => `package ${p.params.package}`);
  await step('pay (the emulator plays WeChat Pay and sends the callback)', () => control('/_emulator/pay/simulate', { outTradeNo: created.paymentId, wait: true }));
  const paid = await step('see the orders paid', async () => Promise.all(created.orderIds.map((orderId) => call('order', 'detail', { orderId }))), (ds) => ds.map((d) => `${d.shopName}: ${d.status}`).join(', '));
  if (!paid.every((d) => d.status === 'paid')) throw new Error('orders are not paid');
  const mineAfterPay = await call('coupon', 'mine', { status: 'used' });
  console.log(`   coupon ${coupon.title} is now ${mineAfterPay.items.some((c) => c.id === coupon.id) ? 'used' : 'NOT used'}`);

  // an unpaid order the shopper cancels
  const stockBefore = await stockOf(grapes.id, skuB.id);
  const second = await step('create another order and leave it unpaid', async () => {
    const q = await call('order', 'quote', { items: [{ skuId: skuB.id, quantity: 3 }], addressId: address.id, couponIds: [] });
    return call('order', 'create', { items: [{ skuId: skuB.id, quantity: 3 }], addressId: address.id, couponIds: [], requestId: `demo-${Date.now()}-b`, expectedPayFen: q.payFen });
  }, (r) => `${r.orderIds[0]}, stock ${stockBefore} -> ${stockBefore - 3}`);
  await step('cancel it', () => call('order', 'cancel', { orderId: second.orderIds[0], reason: '不想要了' }), (d) => d.status);
  const stockAfterCancel = await stockOf(grapes.id, skuB.id);
  await step('see the stock restored', async () => {
    if (stockAfterCancel !== stockBefore) throw new Error(`stock ${stockAfterCancel}, expected ${stockBefore}`);
    return stockAfterCancel;
  }, (s) => `stock back to ${s}`);

  // an unpaid order with a coupon that the 30-minute timer cancels
  const newUser = await step('claim the 5元 no-threshold coupon', () => call('coupon', 'claim', { templateId: 'tpl-new-user' }), (c) => c.title);
  const third = await step('create a third order with that coupon and walk away', async () => {
    const q = await call('order', 'quote', { items: [{ skuId: skuA.id, quantity: 1 }], addressId: address.id, couponIds: [newUser.id] });
    return call('order', 'create', { items: [{ skuId: skuA.id, quantity: 1 }], addressId: address.id, couponIds: [newUser.id], requestId: `demo-${Date.now()}-c`, expectedPayFen: q.payFen });
  }, (r) => `${r.orderIds[0]}, pay by ${new Date(r.payDeadline).toISOString()}`);
  const stockA = await stockOf(headphones.id, skuA.id);
  const fired = await step('let 31 minutes pass (the emulated clock; the expiry timer fires)', () => control('/_emulator/clock/advance', { ms: 31 * 60_000 }), (r) => (r.fired as Array<{ function: string; ok: boolean }>).map((f) => `${f.function} ${f.ok ? 'ok' : 'failed'}`).join(', '));
  if (!(fired.fired as Array<{ function: string }>).some((f) => f.function === 'order')) throw new Error('the order timer did not fire');
  await step('see the third order cancelled by the timer', () => call('order', 'detail', { orderId: third.orderIds[0] }), (d) => `${d.status} (${d.cancelReason ?? ''})`);
  const stockA2 = await stockOf(headphones.id, skuA.id);
  const unused = await call('coupon', 'mine', { status: 'unused' });
  await step('see its stock and coupon restored', async () => {
    if (stockA2 !== stockA + 1) throw new Error(`stock ${stockA2}, expected ${stockA + 1}`);
    if (!unused.items.some((c) => c.id === newUser.id && c.status === 'unused')) throw new Error('the coupon is not back to unused');
    return stockA2;
  }, (s) => `stock ${stockA} -> ${s}, coupon ${newUser.title} unused again`);
  return { addressId: address.id };
}

/** Uploads a picture the way the mini-program does in local mode (the emulator's upload gateway). */
async function upload(openid: string, cloudPath: string): Promise<string> {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const form = new FormData();
  form.append('cloudPath', cloudPath);
  form.append('file', new Blob([png], { type: 'image/png' }), cloudPath.split('/').pop());
  const res = await fetch(`${BASE}/gateway/storage/upload`, { method: 'POST', body: form, headers: { 'x-wx-openid': openid } });
  const body = (await res.json()) as { fileID?: string; errMsg?: string };
  if (!body.fileID) throw new Error(`upload: ${body.errMsg}`);
  return body.fileID;
}

async function until<T>(what: string, get: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (done(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The merchant side: a new merchant applies and the platform admin approves; the shop lists a
 * product, the shopper buys it, the shop ships, the shopper asks for a partial refund, the shop
 * approves it, the order completes and settles after the after-sale window, and the shop withdraws.
 */
async function merchantJourney(addressId: string): Promise<void> {
  const merchant = `demo-merchant-${Date.now().toString(36)}`;
  console.log(`\nmerchant ${merchant}, platform admin ${ADMIN}\n`);
  const licence = await step('upload a business licence photo', () => upload(merchant, `private/licence/${merchant}/licence.png`), (id) => id);
  const application = await step('apply to open a shop', () => call('merchant', 'apply', { shopName: '浦江手作茶坊', contactName: '陈晓', phone: '13611112222', licenseFileId: licence }, merchant), (a) => `${a.shopName}: ${a.status}`);
  const { shop } = await step('the platform admin approves the application', () => call('merchant', 'approve', { applicationId: application.id }, ADMIN), (r) => `shop ${r.shop.id} ${r.shop.status}`);
  const tree = await call('catalog', 'categories', {});
  const category = tree.categories[0]!.children[0] ?? tree.categories[0]!;
  const cover = await upload(merchant, `goods/${merchant}-tea.png`);
  const goods = await step(`list a product with two SKUs under ${category.name}`, () => call('shop', 'saveGoods', {
    shopId: shop.id,
    title: '明前碧螺春 礼盒装',
    subtitle: '苏州洞庭山 · 当季新茶',
    images: [cover],
    categoryId: category.id,
    specs: [{ name: '规格', values: ['100g', '250g'] }],
    skus: [
      { specValues: { 规格: '100g' }, priceFen: 12800, stock: 20, code: 'BLC-100' },
      { specValues: { 规格: '250g' }, priceFen: 29800, stock: 10, code: 'BLC-250' },
    ],
    onShelf: true,
  }, merchant), (g) => `${g.skus.length} SKUs, ${g.status}`);
  const sku = (await call('catalog', 'detail', { goodsId: goods.id })).skus.find((s) => s.specText.includes('100g'))!;
  const items = [{ skuId: sku.id, quantity: 2 }];
  const quote = await call('order', 'quote', { items, addressId, couponIds: [] });
  const created = await step('the shopper buys 2 x 100g', () => call('order', 'create', { items, addressId, couponIds: [], requestId: `demo-${Date.now()}-m`, expectedPayFen: quote.payFen }), () => `pays ${yuan(quote.payFen)}`);
  const orderId = created.orderIds[0]!;
  await call('payment', 'pay', { paymentId: created.paymentId });
  await step('pay', () => control('/_emulator/pay/simulate', { outTradeNo: created.paymentId, wait: true }));
  await step('the shop ships it', () => call('shoporder', 'ship', { shopId: shop.id, orderId, carrier: '顺丰速运', trackingNo: 'SF1400000001' }, merchant), (d) => `${d.status}, ${d.logistics?.carrier ?? ''} ${d.logistics?.trackingNo ?? ''}`);
  const refundFen = 5000;
  const request = await step(`the shopper asks for a partial refund of ${yuan(refundFen)} (one box arrived dented)`, () => call('aftersale', 'apply', { orderId, type: 'refund_only', lines: [{ lineIndex: 0, quantity: 1, amountFen: refundFen }], reason: '商品破损', description: '礼盒压坏了一角' }), (a) => a.status);
  await step('the shop approves the refund', () => call('aftersale', 'approve', { shopId: shop.id, id: request.id }, merchant), (a) => a.status);
  await step('WeChat Pay refunds it', () => until('the refund', () => call('aftersale', 'detail', { id: request.id }), (a) => a.status === 'refunded'), (a) => `${a.status} ${yuan(a.amountFen)}`);
  await step('the shopper confirms receipt', () => call('order', 'confirmReceipt', { orderId }), (d) => d.status);
  await step('and reviews it (the text passes the content check)', () => call('review', 'create', { orderId, items: [{ lineIndex: 0, stars: 4, text: '茶香清雅，礼盒有点压坏了，商家处理很快' }] }), (r) => `${r.lines[0]?.review?.stars ?? '?'} stars by ${r.lines[0]?.review?.displayName ?? '?'}`);
  await step('the shop replies to the review', async () => {
    const { items } = await call('review', 'shopList', { shopId: shop.id, replied: false }, merchant);
    return call('review', 'reply', { shopId: shop.id, reviewId: items[0]!.id, text: '感谢支持，欢迎再来！' }, merchant);
  }, (r) => r.reply?.text ?? '');
  await step('7 days pass (the after-sale window closes; the settlement timer runs)', async () => {
    await control('/_emulator/clock/advance', { ms: 7 * 24 * 3_600_000 + 3_600_000 });
    return control('/_emulator/timers/fire', { function: 'finance', trigger: 'sweep' });
  });
  const balance = await step('the shop sees its balance', () => call('finance', 'balance', { shopId: shop.id }, merchant), (b) => `available ${yuan(b.availableFen)} = paid ${yuan(quote.payFen)} - refund ${yuan(refundFen)} - commission ${yuan(quote.payFen - refundFen - b.availableFen)}`);
  if (balance.availableFen <= 0 || balance.availableFen >= quote.payFen - refundFen) throw new Error(`unexpected balance ${balance.availableFen}`);
  const { withdrawal } = await step('the shop owner asks to withdraw it all', () => call('finance', 'requestWithdrawal', { shopId: shop.id, amountFen: balance.availableFen }, merchant), (r) => `${r.withdrawal.status} ${yuan(r.withdrawal.amountFen)}`);
  await step('the platform admin approves the withdrawal', () => call('finance', 'approveWithdrawal', { id: withdrawal.id }, ADMIN), (w) => w.status);
  await step('and marks it paid with the transfer reference', () => call('finance', 'markWithdrawalPaid', { id: withdrawal.id, reference: `DEMO${Date.now()}` }, ADMIN), (w) => w.status);
  await step('the shop sees the payout', () => call('finance', 'balance', { shopId: shop.id }, merchant), (b) => `available ${yuan(b.availableFen)}, paid out ${yuan(b.paidOutFen)}`);
}

async function main(): Promise<void> {
  let child: ChildProcess | undefined;
  if (!(await running())) child = await startMall();
  try {
    const { addressId } = await journey();
    await merchantJourney(addressId);
    console.log(`\ndemo passed: ${stepNo} steps`);
  } finally {
    if (child) {
      child.kill('SIGTERM');
      await new Promise((r) => child!.once('exit', r));
    }
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`\ndemo failed at step ${stepNo}: ${(e as Error).message}`);
    process.exit(1);
  },
);
