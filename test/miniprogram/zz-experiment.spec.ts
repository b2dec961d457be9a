import path from 'path';
const simulate = require('miniprogram-simulate');
const ROOT = path.resolve(__dirname, '../../miniprogram');
test('experiment', async () => {
  let id = '';
  let cloud: any;
  const t0 = Date.now();
  jest.isolateModules(() => {
    id = simulate.load(path.join(ROOT, 'pages/home/index'), {
      rootPath: ROOT, compiler: 'official', compilerOptions: { maxBuffer: 64 * 1024 * 1024 },
      usingComponents: {
        't-swiper': '/miniprogram_npm/tdesign-miniprogram/swiper/swiper',
        't-grid': '/miniprogram_npm/tdesign-miniprogram/grid/grid',
        't-grid-item': '/miniprogram_npm/tdesign-miniprogram/grid-item/grid-item',
        't-image': '/miniprogram_npm/tdesign-miniprogram/image/image',
        't-loading': '/miniprogram_npm/tdesign-miniprogram/loading/loading',
        't-empty': '/miniprogram_npm/tdesign-miniprogram/empty/empty',
        //'t-button': '/miniprogram_npm/tdesign-miniprogram/button/button',
      },
    });
    cloud = require(path.join(ROOT, 'services/cloud'));
  });
  console.log('load ms', Date.now() - t0);
  cloud.setTransport(async () => ({ ok: false, error: { code: 'NOT_FOUND', message: '出错了' } }));
  const comp = simulate.render(id);
  const parent = document.createElement('parent-wrapper');
  comp.attach(parent);
  comp.instance.onLoad({});
  console.log(comp.dom.innerHTML.slice(0, 3000));
  await simulate.sleep(10);
  console.log(comp.dom.innerHTML.slice(0, 6000));
  console.log(comp.querySelector('.home__retry'));
});
