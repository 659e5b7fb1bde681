// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../src/share/base64url';
import {
  buildShareLink,
  crc32,
  decodeShareFragment,
  encodeShareFragment,
  type SharedResult,
  ShareLinkError,
  type ShareLinkProblem,
} from '../../src/share/link';
import { hasShareHash } from '../../src/state/mode';
import { couple, pensioner, singleMother } from '../fixtures/households';
import { withCodes as Q } from '../fixtures/questions';

const PAGE = 'https://rechten.kortrijk.be/';

/** DOMAIN.md worked examples, as complete answers; the couple with a fractional income and one status more. */
const examples: Record<string, SharedResult> = {
  'single mother with a baby': {
    rulesVersion: '2026.11.1',
    date: '2025-03-01',
    answers: { municipality: 'kortrijk', ...singleMother },
  },
  pensioner: {
    rulesVersion: '2026.11.1',
    answers: { municipality: 'kortrijk', ...pensioner },
  },
  'couple with two children': {
    rulesVersion: '2026.11.1',
    date: '2026-11-23',
    answers: { municipality: 'kortrijk', ...couple, netMonthlyIncome: 2650.5, statuses: ['jobseeker', 'debt-mediation'] },
  },
};

async function problemOf(input: string): Promise<ShareLinkProblem | 'no error'> {
  try {
    await decodeShareFragment(input, Q);
    return 'no error';
  } catch (e) {
    expect(e).toBeInstanceOf(ShareLinkError);
    return (e as ShareLinkError).problem;
  }
}

describe('base64url', () => {
  it('round-trips every length and refuses non-canonical text', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 37 + n) & 255);
      const text = toBase64Url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromBase64Url(text)).toEqual(bytes);
    }
    expect(fromBase64Url('AB')).toBeNull(); // stray bits in the last character
    expect(fromBase64Url('A')).toBeNull();
    expect(fromBase64Url('AA+/')).toBeNull();
    expect(fromBase64Url('AA==')).toBeNull();
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('share link', () => {
  it('round-trips the worked examples, compressed and not, in a link small enough for a QR code', async () => {
    for (const [name, result] of Object.entries(examples)) {
      const link = await buildShareLink(`${PAGE}#/results`, result, Q);
      expect(link.startsWith(`${PAGE}#r=1`)).toBe(true);
      expect(hasShareHash(new URL(link).hash)).toBe(true);
      expect(await decodeShareFragment(link, Q), name).toEqual(result);
      const plain = await encodeShareFragment(result, { ...Q, compress: false });
      expect(plain.startsWith('r=1j')).toBe(true);
      expect(await decodeShareFragment(`#${plain}`, Q)).toEqual(result);
      console.info(`share link, ${name}: ${link.length} characters (fragment ${link.length - PAGE.length})`);
      expect(link.length).toBeLessThan(200);
    }
  });

  it('never carries the answers in clear text or in the part sent to a server', async () => {
    const link = await buildShareLink(`${PAGE}?lang=nl`, examples['couple with two children']!, Q);
    const url = new URL(link);
    expect(url.search).toBe('?lang=nl');
    expect(url.hash.startsWith('#r=1')).toBe(true);
    expect(link).not.toContain('2650');
    expect(link).not.toContain('jobseeker');
  });

  it('keeps keys and choices added to the rules later', async () => {
    const result: SharedResult = {
      rulesVersion: '2027.02.1-beta',
      answers: { municipality: 'menen', housing: 'caravan', statuses: ['leefloon', 'new-status'], energyContract: 'variable', children: [{ age: 2, inCreche: true }] },
    };
    expect(await decodeShareFragment(await encodeShareFragment(result, Q), Q)).toEqual(result);
  });

  it('refuses answers it cannot carry faithfully', async () => {
    const bad = async (answers: Record<string, unknown>, rulesVersion = '2026.11.1') =>
      encodeShareFragment({ answers, rulesVersion }, Q).then(
        () => 'no error',
        (e: ShareLinkError) => e.problem,
      );
    expect(await bad({ adults: 1.5 })).toBe('invalid');
    expect(await bad({ partner: 'yes' })).toBe('invalid');
    expect(await bad({ netMonthlyIncome: -1 })).toBe('invalid');
    expect(await bad({}, 'not a version!')).toBe('invalid');
    expect(await bad({ note: 'x'.repeat(40_000) })).toBe('too-long');
  });

  it('refuses missing, foreign, tampered and garbled fragments with a clear problem', async () => {
    const fragment = await encodeShareFragment(examples['couple with two children']!, Q);
    const plain = await encodeShareFragment(examples['couple with two children']!, { ...Q, compress: false });
    const body = fragment.slice(4);
    expect(await problemOf(PAGE)).toBe('missing');
    expect(await problemOf(`${PAGE}#`)).toBe('missing');
    expect(await problemOf(`${PAGE}#r=`)).toBe('missing');
    expect(await problemOf(`${PAGE}#r=2z${body}`)).toBe('unknown-format');
    expect(await problemOf(`${PAGE}#r=1q${body}`)).toBe('unknown-format');
    expect(await problemOf(`${PAGE}#r=1z${body.slice(0, -3)}`)).toBe('garbled');
    expect(await problemOf(`${PAGE}#r=1z${body}AAAA`)).toBe('garbled');
    expect(await problemOf(`${PAGE}#r=1z${body.replace(/.$/, '*')}`)).toBe('garbled');
    expect(await problemOf(`${PAGE}#r=1zAAAAAAAAAAAA`)).toBe('garbled');
    expect(await problemOf(`${PAGE}#r=1j${body}`)).toBe('garbled');
    expect(await problemOf(`${PAGE}#r=${'1z'.padEnd(5000, 'A')}`)).toBe('too-long');

    // A fragment with a correct checksum but content that is not answers (crafted by hand).
    const craft = (json: string) => {
      const bytes = new TextEncoder().encode(json);
      const out = new Uint8Array(4 + bytes.length);
      new DataView(out.buffer).setUint32(0, crc32(bytes));
      out.set(bytes, 4);
      return `r=1j${toBase64Url(out)}`;
    };
    expect(await problemOf(craft('["2026.11.1",null,{"a":2}]'))).toBe('no error');
    expect(await problemOf(craft('{"a":2}'))).toBe('invalid');
    expect(await problemOf(craft('["2026.11.1",null,{"a":"2"}]'))).toBe('invalid');
    expect(await problemOf(craft('["2026.11.1",null,{"p":2}]'))).toBe('invalid');
    expect(await problemOf(craft('["2026.11.1",null,{"s":[0,0]}]'))).toBe('invalid');
    expect(await problemOf(craft('["2026.11.1",null,{"h":99}]'))).toBe('invalid');
    expect(await problemOf(craft('["2026.11.1",null,{"Q":1}]'))).toBe('invalid');
    expect(await problemOf(craft('["2026.11.1",null,{"x":{"adults":3}}]'))).toBe('invalid');
    expect(await problemOf(craft('["2026.11.1",null,{"x":{"__proto__":{"polluted":1}}}]'))).toBe('invalid');
    expect(await problemOf(craft('["2026.11.1","2026-13-01",{}]'))).toBe('invalid');
    expect(await problemOf(craft('["<script>",null,{}]'))).toBe('invalid');
    expect(await problemOf(craft('not json'))).toBe('garbled');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    // Every single-character change of a real link is refused (or, very rarely, harmless).
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let refused = 0;
    for (const f of [fragment, plain]) {
      for (let i = 2; i < f.length; i++) {
        const c = alphabet[(alphabet.indexOf(f[i]!) + 7) % 64]!;
        const problem = await problemOf(f.slice(0, i) + c + f.slice(i + 1));
        expect(problem, `position ${i}`).not.toBe('no error');
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(100);
  });

  it('checks the answers further with the caller’s validator', async () => {
    const fragment = await encodeShareFragment({ rulesVersion: '2026.11.1', answers: { adults: 25 } }, Q);
    const validate = (r: SharedResult) => ((r.answers.adults as number) > 20 ? 'answers/adults: expected at most 20' : null);
    await expect(decodeShareFragment(fragment, { ...Q, validate })).rejects.toMatchObject({ problem: 'invalid', detail: 'answers/adults: expected at most 20' });
  });
});
