/**
 * Draws the two Teams app icons with code, so they can be regenerated and reviewed like source:
 *
 * - `appPackage/color.png`: 192x192, a rounded square in the accent colour with a white mark.
 * - `appPackage/outline.png`: 32x32, the same mark in pure white on a fully transparent background
 *   (Teams requires every visible outline pixel to be white; only alpha may vary).
 *
 * The mark: an almost-closed circular arrow (the weekly cycle) around a leaf (vitality).
 * Shapes are described as signed-distance / inside tests in a 0..1 unit square and rasterised with
 * supersampling, which gives smooth edges without any drawing library.
 *
 * Run: `npm run icons` (builds, then `node dist/scripts/make-icons.js`). The PNGs are committed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { PNG } from 'pngjs';

/** Must match `accentColor` in appPackage/manifest.json (a test checks this). */
export const ACCENT_COLOR = '#1F7A6D';

export const COLOR_SIZE = 192;
export const OUTLINE_SIZE = 32;

type Rgb = readonly [number, number, number];
type Shape = (x: number, y: number) => boolean;

export function hexToRgb(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

// ---- shapes, in unit coordinates (0..1, y down) -------------------------------------------------

function roundedSquare(inset: number, radius: number): Shape {
  const lo = inset;
  const hi = 1 - inset;
  return (x, y) => {
    const cx = Math.min(Math.max(x, lo + radius), hi - radius);
    const cy = Math.min(Math.max(y, lo + radius), hi - radius);
    return x >= lo && x <= hi && y >= lo && y <= hi && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
}

/** A ring segment from `fromDeg` clockwise to `toDeg` (0 deg = 3 o'clock, y down). */
function arc(cx: number, cy: number, r: number, width: number, fromDeg: number, toDeg: number): Shape {
  const from = (fromDeg * Math.PI) / 180;
  const to = (toDeg * Math.PI) / 180;
  return (x, y) => {
    const d = Math.hypot(x - cx, y - cy);
    if (Math.abs(d - r) > width / 2) return false;
    let a = Math.atan2(y - cy, x - cx);
    if (a < 0) a += 2 * Math.PI;
    return from <= to ? a >= from && a <= to : a >= from || a <= to;
  };
}

function polygon(points: readonly (readonly [number, number])[]): Shape {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i]!;
      const [xj, yj] = points[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

/** A leaf: the lens where two circles overlap, its long axis along `angleDeg`. */
function leaf(cx: number, cy: number, length: number, width: number, angleDeg: number): Shape {
  // Two circles of radius R whose centres sit at distance (R - width/2) either side of the axis.
  const half = length / 2;
  const w = width / 2;
  const R = (half * half + w * w) / (2 * w);
  const off = R - w;
  const a = (angleDeg * Math.PI) / 180;
  const nx = -Math.sin(a);
  const ny = Math.cos(a);
  const c1 = [cx + nx * off, cy + ny * off] as const;
  const c2 = [cx - nx * off, cy - ny * off] as const;
  return (x, y) => (x - c1[0]) ** 2 + (y - c1[1]) ** 2 <= R * R && (x - c2[0]) ** 2 + (y - c2[1]) ** 2 <= R * R;
}

function union(...shapes: Shape[]): Shape {
  return (x, y) => shapes.some((s) => s(x, y));
}

function minus(a: Shape, b: Shape): Shape {
  return (x, y) => a(x, y) && !b(x, y);
}

/**
 * The white mark, centred in the unit square and filling `scale` of it.
 * Bold proportions so it stays legible at 32x32.
 */
function mark(scale: number): Shape {
  const c = 0.5;
  const s = scale;
  const r = 0.36 * s;
  const stroke = 0.15 * s;
  // The ring runs clockwise from just after 12 o'clock round to about 11 o'clock, leaving a gap
  // at the top where the arrowhead points into.
  const ring = arc(c, c, r, stroke, 300, 245);
  // Arrowhead at the end of the ring (245 deg), pointing clockwise (towards the gap).
  const endA = (245 * Math.PI) / 180;
  const ex = c + r * Math.cos(endA);
  const ey = c + r * Math.sin(endA);
  const tx = -Math.sin(endA); // clockwise tangent in y-down coordinates
  const ty = Math.cos(endA);
  const nx = Math.cos(endA);
  const ny = Math.sin(endA);
  const head = 0.17 * s;
  const arrow = polygon([
    [ex + nx * head, ey + ny * head],
    [ex - nx * head, ey - ny * head],
    [ex + tx * head * 1.15, ey + ty * head * 1.15],
  ]);
  const innerLeaf = leaf(c, c, 0.42 * s, 0.22 * s, -45);
  // A thin vein cut out of the leaf keeps it readable as a leaf rather than a blob.
  const vein = polygon([
    [c - 0.13 * s, c + 0.13 * s],
    [c - 0.11 * s, c + 0.15 * s],
    [c + 0.1 * s, c - 0.06 * s],
    [c + 0.08 * s, c - 0.08 * s],
  ]);
  return union(ring, arrow, minus(innerLeaf, vein));
}

// ---- rasterising ------------------------------------------------------------------------------

/** Fraction (0..1) of each pixel covered by `shape`, sampled on an n x n grid per pixel. */
function coverage(shape: Shape, size: number, samples = 8): Float64Array {
  const out = new Float64Array(size * size);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (shape(x, y)) hits++;
        }
      }
      out[py * size + px] = hits / (samples * samples);
    }
  }
  return out;
}

function toPng(size: number, pixel: (i: number) => readonly [number, number, number, number]): Buffer {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let i = 0; i < size * size; i++) {
    const [r, g, b, a] = pixel(i);
    png.data[i * 4] = r;
    png.data[i * 4 + 1] = g;
    png.data[i * 4 + 2] = b;
    png.data[i * 4 + 3] = a;
  }
  return PNG.sync.write(png, { colorType: 6 });
}

/** The 192x192 colour icon: accent rounded square, white mark. */
export function drawColorIcon(accent: string = ACCENT_COLOR): Buffer {
  const [ar, ag, ab] = hexToRgb(accent);
  const bg = coverage(roundedSquare(0, 0.2), COLOR_SIZE);
  const fg = coverage(mark(0.78), COLOR_SIZE);
  return toPng(COLOR_SIZE, (i) => {
    const f = fg[i]!;
    const a = bg[i]!;
    // White over accent, by coverage; the mark always lies inside the square.
    const mix = (c: number) => Math.round(c * (1 - f) + 255 * f);
    return [mix(ar), mix(ag), mix(ab), Math.round(255 * Math.max(a, f))];
  });
}

/** The 32x32 outline icon: pure white mark, everything else fully transparent. */
export function drawOutlineIcon(): Buffer {
  const fg = coverage(mark(1), OUTLINE_SIZE);
  return toPng(OUTLINE_SIZE, (i) => {
    const a = Math.round(255 * fg[i]!);
    // rgb stays white even where alpha is 0, so no pixel is ever anything but white or invisible.
    return [255, 255, 255, a];
  });
}

/** Walks up from `start` to the folder that holds package.json (works from scripts/ and dist/scripts/). */
export function findRepoRoot(...starts: string[]): string {
  const from = starts.length > 0 ? starts : [__dirname, process.cwd()];
  for (const start of from) {
    let dir = path.resolve(start);
    for (;;) {
      if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'appPackage'))) return dir;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(`no repository root (package.json + appPackage/) above ${from.join(' or ')}`);
}

export function writeIcons(appPackageDir: string): { color: string; outline: string } {
  const color = path.join(appPackageDir, 'color.png');
  const outline = path.join(appPackageDir, 'outline.png');
  fs.writeFileSync(color, drawColorIcon());
  fs.writeFileSync(outline, drawOutlineIcon());
  return { color, outline };
}

if (require.main === module) {
  const written = writeIcons(path.join(findRepoRoot(), 'appPackage'));
  process.stdout.write(`wrote ${written.color}\nwrote ${written.outline}\n`);
}
