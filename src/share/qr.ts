/**
 * A QR code for a share link, as an SVG string: one path of horizontal runs (small, crisp at any
 * size), a 4-module quiet zone as the QR standard asks, and an accessible name.
 */
import { encode } from 'uqr';

export interface QrOptions {
  /** error correction: M (15 %) by default, a good balance for a screen or a printout */
  ecc?: 'L' | 'M' | 'Q' | 'H';
  /** the accessible name, e.g. "QR-code met de link naar je resultaat" */
  label?: string;
  /** light modules: 4 by default */
  quietZone?: number;
  /** rendered size in CSS px; by default the SVG scales to its container */
  size?: number;
}

export interface QrCode {
  svg: string;
  /** QR version 1–40: 1 is 21×21 modules, each version adds 4 */
  version: number;
  /** modules per side, without the quiet zone */
  modules: number;
}

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

export function qrCode(text: string, options: QrOptions = {}): QrCode {
  const qr = encode(text, { ecc: options.ecc ?? 'M', border: 0 });
  const quiet = options.quietZone ?? 4;
  const side = qr.size + 2 * quiet;
  let d = '';
  qr.data.forEach((row, y) => {
    for (let x = 0; x < row.length; ) {
      if (!row[x]) {
        x++;
        continue;
      }
      let end = x;
      while (end < row.length && row[end]) end++;
      d += `M${x + quiet} ${y + quiet}h${end - x}v1h${x - end}z`;
      x = end;
    }
  });
  const size = options.size ? ` width="${options.size}" height="${options.size}"` : '';
  const label = options.label ? ` role="img" aria-label="${escapeXml(options.label)}"` : ' aria-hidden="true"';
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}"${size}${label} shape-rendering="crispEdges">` +
    `<rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`;
  return { svg, version: qr.version, modules: qr.size };
}

/** The SVG markup of a QR code for `url`. */
export function qrSvg(url: string, options?: QrOptions): string {
  return qrCode(url, options).svg;
}
