/**
 * Generated demo pictures (SVG, which the mini-program <image> renders): a colour field with the
 * product's name, so every demo goods item has a recognisable cover without shipping photos.
 */

function escape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const FONT = "'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif";

/** Lighter variant of a #rrggbb colour. */
function tint(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(mix);
  return `#${((r << 16) | (g << 8) | b).toString(16).padStart(6, '0')}`;
}

/** Splits a title into lines of at most `per` characters (CJK titles have no spaces). */
function lines(text: string, per: number, max: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length && out.length < max; i += per) out.push(text.slice(i, i + per));
  return out;
}

export function goodsSvg(title: string, subtitle: string, color: string, seed: number): string {
  const shapes = [0, 1, 2]
    .map((k) => {
      const x = ((seed * 97 + k * 131) % 600) + 60;
      const y = ((seed * 57 + k * 211) % 600) + 60;
      const r = 60 + ((seed + k * 37) % 90);
      return `<circle cx="${x}" cy="${y}" r="${r}" fill="#ffffff" fill-opacity="0.12"/>`;
    })
    .join('');
  const titleLines = lines(title, 7, 2)
    .map((l, i) => `<text x="375" y="${330 + i * 96}" font-size="80" font-weight="700" fill="#ffffff" text-anchor="middle" font-family="${FONT}">${escape(l)}</text>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="750" height="750" viewBox="0 0 750 750">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${tint(color, 0.15)}"/><stop offset="1" stop-color="${color}"/></linearGradient></defs>
<rect width="750" height="750" fill="url(#g)"/>${shapes}${titleLines}
<text x="375" y="560" font-size="40" fill="#ffffff" fill-opacity="0.85" text-anchor="middle" font-family="${FONT}">${escape(subtitle.slice(0, 14))}</text>
</svg>`;
}

export function iconSvg(name: string, color: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120">
<circle cx="60" cy="60" r="58" fill="${tint(color, 0.8)}"/><circle cx="60" cy="60" r="40" fill="${color}"/>
<text x="60" y="74" font-size="40" font-weight="700" fill="#ffffff" text-anchor="middle" font-family="${FONT}">${escape(name.slice(0, 1))}</text>
</svg>`;
}

export function logoSvg(name: string, color: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" viewBox="0 0 200 200">
<rect width="200" height="200" rx="40" fill="${color}"/>
<text x="100" y="128" font-size="80" font-weight="700" fill="#ffffff" text-anchor="middle" font-family="${FONT}">${escape(name.slice(0, 2))}</text>
</svg>`;
}

export function bannerSvg(title: string, color: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="750" height="320" viewBox="0 0 750 320">
<defs><linearGradient id="b" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="${color}"/><stop offset="1" stop-color="${tint(color, 0.35)}"/></linearGradient></defs>
<rect width="750" height="320" fill="url(#b)"/>
<circle cx="640" cy="60" r="140" fill="#ffffff" fill-opacity="0.12"/><circle cx="700" cy="280" r="90" fill="#ffffff" fill-opacity="0.1"/>
<text x="48" y="180" font-size="56" font-weight="700" fill="#ffffff" font-family="${FONT}">${escape(title)}</text>
</svg>`;
}

/** A stand-in business licence photo for the demo shop application (plainly marked as a sample). */
export function licenseSvg(shopName: string, holder: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="560" viewBox="0 0 800 560">
<rect width="800" height="560" fill="#fbf6e9"/><rect x="24" y="24" width="752" height="512" fill="none" stroke="#c9a227" stroke-width="6"/>
<text x="400" y="120" font-size="56" font-weight="700" fill="#a5291d" text-anchor="middle" font-family="${FONT}">营业执照</text>
<text x="400" y="170" font-size="26" fill="#7a6a3a" text-anchor="middle" font-family="${FONT}">（演示样例，非真实证照）</text>
<text x="100" y="270" font-size="32" fill="#333333" font-family="${FONT}">名称：${escape(shopName)}</text>
<text x="100" y="330" font-size="32" fill="#333333" font-family="${FONT}">经营者：${escape(holder)}</text>
<text x="100" y="390" font-size="32" fill="#333333" font-family="${FONT}">统一社会信用代码：DEMO0000000000000X</text>
<circle cx="640" cy="440" r="70" fill="none" stroke="#d54941" stroke-width="6"/><text x="640" y="452" font-size="28" fill="#d54941" text-anchor="middle" font-family="${FONT}">样例</text>
</svg>`;
}
