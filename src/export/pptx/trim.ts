import { PNG } from 'pngjs';
import type { Box } from './layout.js';

/**
 * Crops a screenshot taken on transparency to what was painted: a slide whose theme draws
 * one accent bar gets a picture of that bar, not a slide-sized transparent image. Returns
 * nothing when nothing was painted.
 */
export function trimTransparent(png: Uint8Array): { bytes: Uint8Array; box: Box } | undefined {
  const image = PNG.sync.read(Buffer.from(png));
  let left = image.width;
  let top = image.height;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (image.data[(y * image.width + x) * 4 + 3] === 0) continue;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
  }
  if (right < 0) return undefined;
  const cropped = new PNG({ width: right - left + 1, height: bottom - top + 1 });
  PNG.bitblt(image, cropped, left, top, cropped.width, cropped.height, 0, 0);
  return { bytes: PNG.sync.write(cropped), box: { x: left, y: top, w: cropped.width, h: cropped.height } };
}
