#!/usr/bin/env node
/**
 * Draws the four tab bar icons (normal and selected) as small anti-aliased PNGs into
 * miniprogram/assets/tabbar/. The PNGs are committed; rerun this only to change an icon.
 *
 * Icons are stroked outlines on a 24-unit grid (like most icon sets), rendered at 81x81 px,
 * the size WeChat recommends for tab bar icons, with 4x4 supersampling. No dependencies:
 * the PNG encoder below is zlib plus a CRC table.
 *
 * Usage: node scripts/generate-tab-icons.js
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZE = 81;
const GRID = 24;
const STROKE = 1.8;
const SAMPLES = 4;
const COLORS = { normal: [0x8b, 0x8b, 0x8b], active: [0x00, 0x52, 0xd9] };
const OUT_DIR = path.join(__dirname, '..', 'miniprogram', 'assets', 'tabbar');

/** A polyline of [x, y] points. */
const line = (...points) => ({ kind: 'line', points });
/** A circle outline. */
const ring = (cx, cy, r) => ({ kind: 'ring', cx, cy, r });

function rect(x1, y1, x2, y2) {
  return line([x1, y1], [x2, y1], [x2, y2], [x1, y2], [x1, y1]);
}

function arc(cx, cy, r, fromDeg, toDeg, steps = 24) {
  const points = [];
  for (let i = 0; i <= steps; i += 1) {
    const a = ((fromDeg + ((toDeg - fromDeg) * i) / steps) * Math.PI) / 180;
    points.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return line(...points);
}

const ICONS = {
  home: [line([3, 11], [12, 3.5], [21, 11]), line([5.5, 9.5], [5.5, 20.5], [18.5, 20.5], [18.5, 9.5]), line([10, 20.5], [10, 15], [14, 15], [14, 20.5])],
  category: [rect(3.5, 3.5, 10.5, 10.5), rect(13.5, 3.5, 20.5, 10.5), rect(3.5, 13.5, 10.5, 20.5), rect(13.5, 13.5, 20.5, 20.5)],
  cart: [line([2, 4], [5, 4], [7.5, 15], [18.5, 15], [21, 7], [6.2, 7]), ring(9, 19.5, 1.6), ring(17, 19.5, 1.6)],
  me: [ring(12, 8, 4.2), arc(12, 21.5, 8, 180, 360)],
};

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function covered(shapes, x, y) {
  return shapes.some((shape) => {
    if (shape.kind === 'ring') return Math.abs(Math.hypot(x - shape.cx, y - shape.cy) - shape.r) <= STROKE / 2;
    for (let i = 1; i < shape.points.length; i += 1) {
      if (distanceToSegment(x, y, shape.points[i - 1], shape.points[i]) <= STROKE / 2) return true;
    }
    return false;
  });
}

/** RGBA rows, each prefixed with PNG filter byte 0. */
function rasterize(shapes, [r, g, b]) {
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  const scale = GRID / SIZE;
  for (let py = 0; py < SIZE; py += 1) {
    const rowStart = py * (SIZE * 4 + 1);
    for (let px = 0; px < SIZE; px += 1) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          if (covered(shapes, (px + (sx + 0.5) / SAMPLES) * scale, (py + (sy + 0.5) / SAMPLES) * scale)) hits += 1;
        }
      }
      const offset = rowStart + 1 + px * 4;
      rows[offset] = r;
      rows[offset + 1] = g;
      rows[offset + 2] = b;
      rows[offset + 3] = Math.round((255 * hits) / (SAMPLES * SAMPLES));
    }
  }
  return rows;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(rows) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

fs.mkdirSync(OUT_DIR, { recursive: true });
for (const [name, shapes] of Object.entries(ICONS)) {
  for (const [variant, color] of Object.entries(COLORS)) {
    const file = path.join(OUT_DIR, variant === 'active' ? `${name}-active.png` : `${name}.png`);
    const png = encodePng(rasterize(shapes, color));
    fs.writeFileSync(file, png);
    console.log(`${path.relative(process.cwd(), file)} ${png.length} B`);
  }
}
