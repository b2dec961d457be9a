/**
 * Missing production settings fail loudly: with `CLOUDMALL_ALLOW_SAMPLE_SETTINGS` unset (as in
 * production) an action that needs an unset setting answers `SETTING_MISSING` before it changes
 * anything, and logs `setting_missing`; no sample WeChat Pay sub-merchant or template id is used.
 */
import { checkout, payFor, seedAddress, seedCatalog } from './checkout-fixtures';
import { read } from '../support/fixtures';
import { type Mall, startMall } from '../support/mall';
import { validateDocument } from '../../server/validation';

const ADMIN = 'settings-admin';
const T0 = new Date('2026-01-01T00:00:00Z');

async function seedApplication(mall: Mall, id: string, openid: string): Promise<void> {
  const doc = { _id: id, openid, shopName: '设置测试店', contactName: '李四', phone: '13900139000', licenseFileId: `cloud://local-env.6c6f/private/licence/${openid}/a.jpg`, status: 'pending', createdAt: T0, updatedAt: T0 };
  validateDocument('shop_applications', doc);
  await mall.db.collection('shop_applications').add({ data: doc });
}

function settingMissingLogged(mall: Mall, setting: string): boolean {
  return mall.emu.output().split('\n').some((line) => line.includes('"event":"setting_missing"') && line.includes(`"setting":"${setting}"`));
}

describe('no setting at all (production without configuration)', () => {
  let mall: Mall;
  beforeAll(async () => {
    mall = await startMall({ workers: 2, env: { CLOUDMALL_ALLOW_SAMPLE_SETTINGS: '', WXPAY_SUB_MCH_ID: '', MERCHANT_REVIEW_TEMPLATE_ID: '', PLATFORM_ADMIN_OPENIDS: ADMIN } });
  }, 120_000);
  afterAll(() => mall.stop());

  test('paying without WXPAY_SUB_MCH_ID is SETTING_MISSING, and neither the payment nor WeChat Pay changes', async () => {
    const c = await seedCatalog(mall.db, 'nomch');
    await seedAddress(mall.db, 'payer');
    const { created } = await checkout(mall, 'payer', [{ skuId: c.tea, quantity: 1 }]);
    const before = await read(mall.db, 'payments', created.paymentId);

    const r = await mall.as('payer').call('payment', 'pay', { paymentId: created.paymentId });

    expect(r).toMatchObject({ ok: false, error: { code: 'SETTING_MISSING' } });
    expect(!r.ok && r.error.message).toContain('WXPAY_SUB_MCH_ID');
    expect(await read(mall.db, 'payments', created.paymentId)).toEqual(before);
    const { orders } = await mall.emu.control<{ orders: unknown[] }>(`/_emulator/pay/orders?limit=1000`);
    expect(orders).toEqual([]);
    expect(settingMissingLogged(mall, 'WXPAY_SUB_MCH_ID')).toBe(true);
  });

  test('reviewing a shop application without MERCHANT_REVIEW_TEMPLATE_ID is SETTING_MISSING and changes nothing', async () => {
    await seedApplication(mall, 'app-settings-1', 'applicant-1');

    for (const [action, payload] of [
      ['approve', { applicationId: 'app-settings-1' }],
      ['reject', { applicationId: 'app-settings-1', reason: '资料不全' }],
    ] as const) {
      const r = await mall.as(ADMIN).call('merchant', action, payload as never);
      expect(r).toMatchObject({ ok: false, error: { code: 'SETTING_MISSING' } });
    }
    expect(await read(mall.db, 'shop_applications', 'app-settings-1')).toMatchObject({ status: 'pending' });
    expect(await read(mall.db, 'roles', 'applicant-1')).toBeNull();
    expect((await mall.db.collection('shops').where({ ownerOpenid: 'applicant-1' }).get()).data).toEqual([]);
    expect(settingMissingLogged(mall, 'MERCHANT_REVIEW_TEMPLATE_ID')).toBe(true);
  });

  test('who may not act still hears FORBIDDEN first', async () => {
    await seedApplication(mall, 'app-settings-2', 'applicant-2');
    expect(await mall.as('not-admin').call('merchant', 'approve', { applicationId: 'app-settings-2' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('WeChat Pay set, the shipped-message template not', () => {
  let mall: Mall;
  beforeAll(async () => {
    // the emulator's WeChat Pay takes any sub-merchant: this one is set, not a sample
    mall = await startMall({ workers: 2, env: { CLOUDMALL_ALLOW_SAMPLE_SETTINGS: '', WXPAY_SUB_MCH_ID: '1900000109', ORDER_SHIPPED_TEMPLATE_ID: '' } });
  }, 120_000);
  afterAll(() => mall.stop());

  test('shipping without ORDER_SHIPPED_TEMPLATE_ID is SETTING_MISSING and the order stays paid', async () => {
    const c = await seedCatalog(mall.db, 'notpl');
    await seedAddress(mall.db, 'buyer');
    await mall.db.collection('roles').add({ data: { _id: 'owner-a', platformAdmin: false, shops: [{ shopId: c.shopA, role: 'owner' }], updatedAt: new Date() } });
    const { created } = await checkout(mall, 'buyer', [{ skuId: c.tea, quantity: 1 }]);
    await payFor(mall, 'buyer', created.paymentId);
    const orderId = created.orderIds[0]!;
    expect(await read(mall.db, 'orders', orderId)).toMatchObject({ status: 'paid' });

    const r = await mall.as('owner-a').call('shoporder', 'ship', { shopId: c.shopA, orderId, carrier: '顺丰速运', trackingNo: 'SF1234567890' });

    expect(r).toMatchObject({ ok: false, error: { code: 'SETTING_MISSING' } });
    const order = await read(mall.db, 'orders', orderId);
    expect(order).toMatchObject({ status: 'paid' });
    expect(order.logistics).toBeUndefined();
    expect(settingMissingLogged(mall, 'ORDER_SHIPPED_TEMPLATE_ID')).toBe(true);
  });
});
