// @vitest-environment node
import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { buildShareLink } from '../../src/share/link';
import { qrCode, qrSvg } from '../../src/share/qr';
import { couple } from '../fixtures/households';
import { withCodes } from '../fixtures/questions';

describe('QR code of a share link', () => {
  it('draws exactly the modules of the QR code, with a quiet zone and an accessible name', async () => {
    const link = await buildShareLink('https://rechten.kortrijk.be/', {
      rulesVersion: '2026.11.1',
      date: '2026-11-23',
      answers: { municipality: 'kortrijk', ...couple },
    }, withCodes);
    const qr = qrCode(link, { label: 'QR-code met de link naar "je resultaat"' });
    console.info(`QR for a ${link.length}-character link: version ${qr.version}, ${qr.modules}×${qr.modules} modules, SVG ${qr.svg.length} bytes`);
    expect(qr.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(qr.svg).toContain('role="img" aria-label="QR-code met de link naar &quot;je resultaat&quot;"');
    expect(qr.version).toBeLessThanOrEqual(10); // scannable from a phone screen at arm's length
    expect(qr.svg.length).toBeLessThan(20_000);

    // Paint the path back onto a grid and compare with uqr's own matrix.
    const side = qr.modules + 8;
    expect(qr.svg).toContain(`viewBox="0 0 ${side} ${side}"`);
    const grid = Array.from({ length: side }, () => new Array<boolean>(side).fill(false));
    for (const m of qr.svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
      const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
      for (let i = 0; i < w; i++) grid[y]![x + i] = true;
    }
    const expected = encode(link, { ecc: 'M', border: 0 }).data;
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        const inside = x >= 4 && y >= 4 && x < side - 4 && y < side - 4;
        expect(grid[y]![x], `${x},${y}`).toBe(inside ? expected[y - 4]![x - 4] : false);
      }
    }
  });

  it('returns the SVG markup directly, decorative unless labelled', () => {
    const svg = qrSvg('https://rechten.kortrijk.be/#r=1zAAAA', { size: 240 });
    expect(svg).toContain('width="240" height="240"');
    expect(svg).toContain('aria-hidden="true"');
  });
});
