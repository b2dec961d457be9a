/** screenshots/out/index.html: every page's screenshot with its URL and, in red, what is wrong with it. */
import type { PageShot } from './capture-pages';

const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function galleryHtml(shots: PageShot[], generatedAt: Date): string {
  const cards = shots
    .map((shot) => {
      const image = shot.png ? `<a href="${escape(shot.file)}"><img src="${escape(shot.file)}" width="375" height="667" alt="${escape(shot.route)}"></a>` : '<div class="missing">no screenshot</div>';
      const problems = shot.problems.length ? `<ul class="problems">${shot.problems.map((p) => `<li>${escape(p)}</li>`).join('')}</ul>` : '<p class="ok">ok</p>';
      return `<figure>${image}<figcaption><code>${escape(shot.url)}</code><span>status: ${escape(shot.status ?? '-')} · ${shot.ms} ms</span>${problems}</figcaption></figure>`;
    })
    .join('\n');
  const failed = shots.filter((shot) => shot.problems.length).length;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>云商城 screenshots</title><style>
body { margin: 24px; font-family: "Noto Sans CJK SC", sans-serif; background: #eef0f3; color: #222; }
h1 { font-size: 20px; } .summary { color: #555; }
main { display: flex; flex-wrap: wrap; gap: 24px; }
figure { margin: 0; width: 375px; background: #fff; border-radius: 12px; overflow: hidden; box-shadow: 0 2px 8px rgba(0,0,0,.08); }
figure img { display: block; } .missing { height: 667px; display: flex; align-items: center; justify-content: center; color: #999; }
figcaption { padding: 12px; font-size: 13px; display: flex; flex-direction: column; gap: 4px; word-break: break-all; }
figcaption span { color: #777; } .ok { margin: 0; color: #2ba471; } .problems { margin: 0; padding-left: 18px; color: #d54941; }
</style></head><body><h1>云商城: every page of app.json</h1>
<p class="summary">${shots.length} pages, ${failed} with problems · ${escape(generatedAt.toISOString())} · npm run screenshots</p>
<main>${cards}</main></body></html>`;
}
