// Renders the app icons (web app manifest, Apple touch icon) from the SVGs beside them in public/icons.
// The PNGs are committed; run this again only after changing an SVG:  node apps/web/scripts/generate-icons.mjs
// sharp is not a dependency of the app: it is Next's own optional dependency (image optimisation), found
// from next's install so that nothing is downloaded.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const icons = new URL('../public/icons/', import.meta.url);
const requireFromNext = createRequire(createRequire(import.meta.url).resolve('next/package.json'));
const sharp = requireFromNext('sharp');

const outputs = [
  // "any": the rounded tile, transparent corners.
  { svg: 'icon.svg', png: 'icon-192.png', size: 192 },
  { svg: 'icon.svg', png: 'icon-512.png', size: 512 },
  // "maskable": full-bleed navy with the symbol inside the safe zone (the inner 80 %), for launchers that crop.
  { svg: 'icon-maskable.svg', png: 'icon-maskable-512.png', size: 512 },
  { svg: 'icon-maskable.svg', png: 'apple-touch-icon.png', size: 180 },
];

for (const { svg, png, size } of outputs) {
  const source = readFileSync(new URL(svg, icons));
  await sharp(source, { density: (72 * size) / 32 })
    .resize(size, size)
    .png({ compressionLevel: 9, palette: true })
    .toFile(new URL(png, icons).pathname);
  console.log(`${png} (${size}×${size})`);
}
