// @vitest-environment node
/** The sealed share link: nothing readable in the link, a 15-digit code beside it, a slow key derivation. */
import { describe, expect, it } from 'vitest';
import { fromBase64Url } from '../../src/share/base64url';
import { deriveKey } from '../../src/share/crypto';
import { ShareLinkError, type ShareLinkProblem } from '../../src/share/link';
import {
  CODE_BITS,
  formatShareCode,
  hasSealedFragment,
  newShareCode,
  normaliseShareCode,
  openSealedLink,
  readSealedLink,
  SHARE_ITERATIONS,
  sealShareLink,
} from '../../src/share/sealed-link';
import { couple } from '../fixtures/households';
import { withCodes as Q } from '../fixtures/questions';

const PAGE = 'https://rechten.kortrijk.be/';
const result = {
  rulesVersion: '2026.11.1',
  date: '2026-11-23',
  answers: { municipality: 'kortrijk', ...couple, netMonthlyIncome: 2650.55, statuses: ['jobseeker'] },
};

async function problemOf(run: () => Promise<unknown> | unknown): Promise<ShareLinkProblem | 'no error'> {
  try {
    await run();
    return 'no error';
  } catch (e) {
    expect(e).toBeInstanceOf(ShareLinkError);
    return (e as ShareLinkError).problem;
  }
}

describe('a sealed share link', () => {
  it('opens with the code shown beside it, typed with spaces, dashes or Arabic-Indic digits', async () => {
    const { link, code } = await sealShareLink(`${PAGE}#/resultaten`, result, Q);
    expect(link).toMatch(/^https:\/\/rechten\.kortrijk\.be\/#s=2[A-Za-z0-9_-]+$/);
    expect(hasSealedFragment(link)).toBe(true);
    expect(link.length).toBeLessThan(300);
    console.info(`sealed share link: ${link.length} characters`);
    expect(await openSealedLink(readSealedLink(link), code, Q)).toEqual(result);
    expect(await openSealedLink(readSealedLink(link), formatShareCode(code), Q)).toEqual(result);
    expect(await openSealedLink(readSealedLink(link), code.replace(/(\d{5})/g, '$1-'), Q)).toEqual(result);
    const arabic = code.replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d)));
    expect(await openSealedLink(readSealedLink(link), arabic, Q)).toEqual(result);
  }, 60_000);

  it('carries nothing readable: not the income, not an answer, not the code, not even compressed', async () => {
    const { link, code } = await sealShareLink(PAGE, result, Q);
    const fragment = link.slice(link.indexOf('#') + 4);
    const bytes = Buffer.from(fromBase64Url(fragment)!);
    for (const secret of ['2650', '265055', 'jobseeker', 'kortrijk', 'private-rent', code]) {
      expect(link.slice(link.indexOf('#'))).not.toContain(secret);
      expect(bytes.includes(Buffer.from(secret))).toBe(false);
    }
    // The same result sealed twice gives two unrelated links and codes.
    const again = await sealShareLink(PAGE, result, Q);
    expect(again.link).not.toBe(link);
    expect(again.code).not.toBe(code);
  }, 60_000);

  it('refuses a wrong code, and tells a damaged link apart before asking for one', async () => {
    const { link, code } = await sealShareLink(PAGE, result, Q);
    const locked = readSealedLink(link);
    const other = code.replace(/^./, (d) => String((Number(d) + 1) % 10));
    expect(await problemOf(() => openSealedLink(locked, other, Q))).toBe('wrong-code');
    expect(await problemOf(() => openSealedLink(locked, code.slice(1), Q))).toBe('wrong-code');
    expect(await problemOf(() => openSealedLink(locked, '', Q))).toBe('wrong-code');
    // Every single changed character of the fragment is caught by the checksum, without a code.
    const token = link.slice(link.indexOf('#s=2') + 4);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let refused = 0;
    for (let i = 0; i < token.length; i += 3) {
      const c = alphabet[(alphabet.indexOf(token[i]!) + 5) % 64]!;
      expect(await problemOf(() => readSealedLink(`#s=2${token.slice(0, i)}${c}${token.slice(i + 1)}`)), `position ${i}`).toBe('garbled');
      refused++;
    }
    expect(refused).toBeGreaterThan(40);
    expect(await problemOf(() => readSealedLink(`#s=2${token.slice(0, 40)}`))).toBe('garbled');
    expect(await problemOf(() => readSealedLink(`#s=3${token}`))).toBe('unknown-format');
    expect(await problemOf(() => readSealedLink('#/resultaten'))).toBe('missing');
  }, 60_000);

  it('uses a code of at least 40 bits, uniformly random, stretched by PBKDF2 with 600 000 iterations', async () => {
    expect(CODE_BITS).toBeGreaterThanOrEqual(40);
    expect(SHARE_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const codes = Array.from({ length: 2000 }, newShareCode);
    expect(new Set(codes).size).toBe(codes.length);
    const counts = new Array(10).fill(0);
    for (const c of codes) {
      expect(c).toMatch(/^\d{15}$/);
      for (const d of c) counts[Number(d)]++;
    }
    // 30 000 digits: each ~3 000; a biased generator (e.g. bytes mod 10) would drift far more than this.
    for (const n of counts) expect(Math.abs(n - 3000)).toBeLessThan(300);
    expect(normaliseShareCode('12345 67890 12345')).toBe('123456789012345');
    expect(normaliseShareCode('12345 67890 1234')).toBeNull();
    expect(normaliseShareCode('12345 67890 1234a')).toBeNull();
    // The key really is PBKDF2 at that count: a key derived with fewer iterations does not open it.
    const { link, code } = await sealShareLink(PAGE, result, Q);
    const locked = readSealedLink(link);
    const weak = await deriveKey(code, locked.salt, 1000);
    const opened = await crypto.subtle
      .decrypt({ name: 'AES-GCM', iv: locked.iv }, weak, locked.ciphertext)
      .then(() => true, () => false);
    expect(opened).toBe(false);
  }, 60_000);
});
