import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type WxApiHarness, startHarness } from './helpers/harness';
import { type WxSdk, loadSdk, rejection } from './helpers/sdk';

/** cloud.openapi.* through the real SDK's protobuf protocol. */
let h: WxApiHarness;
let cloud: WxSdk;
const USER = 'oSubscriber00000000000000001';

beforeAll(async () => {
  h = await startHarness();
  cloud = loadSdk(h.adminUrl);
});
afterAll(() => h.close());

function message(touser: string, templateId: string, data: Record<string, unknown> = { thing1: { value: '订单已发货' }, amount2: { value: '¥25.90' } }) {
  return { touser, templateId, page: 'pages/order/detail?id=1', data, miniprogramState: 'developer', lang: 'zh_CN' };
}

describe('subscribeMessage.send', () => {
  it('fails with errCode 43101 when the user has no subscription credit (the faithful default)', async () => {
    const e = await rejection(cloud.openapi.subscribeMessage.send(message(USER, 'TPL_SHIPPED')));
    expect(e.errCode).toBe(43101);
    expect(e.errMsg).toMatch(/^openapi\.subscribeMessage\.send:fail user refuse to accept the msg/);
    expect((await h.get(`/_emulator/openapi/outbox?touser=${USER}`)).json.messages).toHaveLength(0);
  });

  it('spends one credit per message, per template, and records the message in the outbox', async () => {
    const user = 'oSubscriber00000000000000002';
    const granted = await h.post('/_emulator/openapi/subscribe', { openid: user, templateIds: ['TPL_A'], count: 2 });
    expect(granted.json.credits).toEqual([expect.objectContaining({ openid: user, templateId: 'TPL_A', credits: 2 })]);

    const first = await cloud.openapi.subscribeMessage.send(message(user, 'TPL_A'));
    expect(first).toMatchObject({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' });
    expect(typeof first.msgid).toBe('number');
    await cloud.openapi.subscribeMessage.send(message(user, 'TPL_A', { thing1: { value: '第二条' } }));
    expect((await rejection(cloud.openapi.subscribeMessage.send(message(user, 'TPL_A')))).errCode).toBe(43101);
    expect((await rejection(cloud.openapi.subscribeMessage.send(message(user, 'TPL_B')))).errCode).toBe(43101);

    const { json } = await h.get(`/_emulator/openapi/outbox?touser=${user}`);
    expect(json.messages).toHaveLength(2);
    expect(json.messages[0]).toMatchObject({
      id: first.msgid,
      touser: user,
      templateId: 'TPL_A',
      page: 'pages/order/detail?id=1',
      data: { thing1: { value: '订单已发货' }, amount2: { value: '¥25.90' } },
      miniprogramState: 'developer',
      lang: 'zh_CN',
    });
    expect(json.messages[1].data).toEqual({ thing1: { value: '第二条' } });
    const credits = (await h.get(`/_emulator/openapi/subscriptions?openid=${user}`)).json.credits;
    expect(credits).toEqual([expect.objectContaining({ templateId: 'TPL_A', credits: 0 })]);
  });

  it('validates like WeChat: template id, and keyword values (a thing is at most 20 characters)', async () => {
    const user = 'oSubscriber00000000000000003';
    await h.post('/_emulator/openapi/subscribe', { openid: user, templateIds: ['TPL_C'] });
    const long = await rejection(cloud.openapi.subscribeMessage.send(message(user, 'TPL_C', { thing1: { value: '这是一段超过二十个字符的商品名称描述文字内容' } })));
    expect(long.errCode).toBe(47003);
    expect(long.errMsg).toMatch(/data\.thing1\.value invalid/);
    expect((await rejection(cloud.openapi.subscribeMessage.send(message(user, 'TPL_C', { amount2: { value: '二十五元' } })))).errCode).toBe(47003);
    expect((await rejection(cloud.openapi.subscribeMessage.send({ touser: user, data: { thing1: { value: 'x' } } }))).errCode).toBe(40037);
    // None of the refused sends spent the credit.
    expect((await cloud.openapi.subscribeMessage.send(message(user, 'TPL_C'))).errCode).toBe(0);
  });

  it('with subscriptions granted by default (option or EMULATOR_SUBSCRIBE_DEFAULT), anyone can be messaged', async () => {
    h.restart({ subscribeDefault: 'granted' });
    expect((await cloud.openapi.subscribeMessage.send(message('oNeverAsked', 'TPL_X'))).errCode).toBe(0);
    process.env.EMULATOR_SUBSCRIBE_DEFAULT = 'granted';
    h.restart({});
    expect((await cloud.openapi.subscribeMessage.send(message('oNeverAsked', 'TPL_Y'))).errCode).toBe(0);
    delete process.env.EMULATOR_SUBSCRIBE_DEFAULT;
    h.restart({});
    expect((await rejection(cloud.openapi.subscribeMessage.send(message('oNeverAsked', 'TPL_Y')))).errCode).toBe(43101);
  });
});

describe('security.msgSecCheck', () => {
  const check = (content: string) => cloud.openapi.security.msgSecCheck({ content, version: 2, scene: 2, openid: USER });

  it('passes ordinary text', async () => {
    const r = await check('这家店的奶茶很好喝，推荐！');
    expect(r).toMatchObject({ errCode: 0, result: { suggest: 'pass', label: 100 } });
    expect(r.detail).toEqual([expect.objectContaining({ strategy: 'content_model', suggest: 'pass' })]);
    expect(typeof r.traceId).toBe('string');
  });

  it('flags words of the local list as risky, with their label', async () => {
    const r = await check('周末一起去 赌 博 吗');
    expect(r.result).toEqual({ suggest: 'risky', label: 20006 });
    expect(r.detail).toContainEqual(expect.objectContaining({ strategy: 'keyword', keyword: '赌博', suggest: 'risky', label: 20006 }));
    expect((await check('想要可以加微信聊')).result).toEqual({ suggest: 'review', label: 10001 });
  });

  it('version 1 rejects risky text with 87014', async () => {
    const e = await rejection(cloud.openapi.security.msgSecCheck({ content: 'CASINO bonus' }));
    expect(e.errCode).toBe(87014);
    expect((await cloud.openapi.security.msgSecCheck({ content: 'hello' })).errCode).toBe(0);
  });

  it('version 2 requires the openid', async () => {
    expect((await rejection(cloud.openapi.security.msgSecCheck({ content: 'hi', version: 2, scene: 1 }))).errCode).toBe(40003);
  });

  it('takes extra words from the file named by EMULATOR_SEC_CHECK_WORDS', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'words-')), 'words.json');
    fs.writeFileSync(file, JSON.stringify({ words: [{ word: '竞品商城', label: 10001, suggest: 'risky' }] }));
    expect((await check('去竞品商城买更便宜')).result.suggest).toBe('pass');
    process.env.EMULATOR_SEC_CHECK_WORDS = file;
    h.restart({});
    delete process.env.EMULATOR_SEC_CHECK_WORDS;
    expect((await check('去竞品商城买更便宜')).result).toEqual({ suggest: 'risky', label: 10001 });
  });
});

describe('other open APIs', () => {
  it('fail as WeChat’s "API not found" with a message naming the emulator', async () => {
    const e = await rejection(cloud.openapi.wxacode.getUnlimited({ scene: 'a=1', page: 'pages/index/index' }));
    expect(e.errCode).toBe(-604100);
    expect(e.errMsg).toMatch(/openapi\.wxacode\.getUnlimited is not supported by the local CloudBase emulator \(supported: subscribeMessage\.send, security\.msgSecCheck\)/);
  });
});
