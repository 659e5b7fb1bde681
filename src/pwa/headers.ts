/**
 * The security policy of the app, in one place: the build writes it into index.html as a meta tag
 * (what a meta tag can carry), `vite preview` sends it as headers, and the build writes `_headers`
 * for static hosts (Netlify, Cloudflare Pages; README says how to set it elsewhere).
 *
 * Scripts, styles, images, fonts, the manifest and the service worker come from the app's own origin
 * only; no inline script, no eval, no inline style attribute; fetches only to the origin (the rules);
 * no plugins, no <base>, no framing, no referrer, and no powerful feature but the clipboard (copy the
 * link; the share sheet is allowed to the app itself by default, and Chromium on Linux does not know
 * its name in this header).
 */

const POLICY: readonly [directive: string, ...sources: string[]][] = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self'"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['manifest-src', "'self'"],
  ['worker-src', "'self'"],
  ['form-action', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
];

/** Only in a header: a meta tag cannot forbid framing. */
const HEADER_ONLY: readonly [string, ...string[]][] = [['frame-ancestors', "'none'"]];

const join = (list: readonly (readonly string[])[]) => list.map((d) => d.join(' ')).join('; ');

/** The Content-Security-Policy header. */
export const CONTENT_SECURITY_POLICY = join([...POLICY, ...HEADER_ONLY]);
/** The same policy as a `<meta http-equiv>` can carry it. */
export const META_CONTENT_SECURITY_POLICY = join(POLICY);

/** Features the app never uses are off for it and for anything it could embed. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'encrypted-media=()',
  'fullscreen=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
  'clipboard-write=(self)',
].join(', ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': PERMISSIONS_POLICY,
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** `_headers` for static hosts: every path gets the headers. */
export function headersFile(): string {
  return `/*\n${Object.entries(SECURITY_HEADERS)
    .map(([name, value]) => `  ${name}: ${value}`)
    .join('\n')}\n`;
}

/** The tags the build puts first in <head>. */
export function metaTags(): string {
  return [
    `<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`,
    '<meta name="referrer" content="no-referrer" />',
  ].join('\n    ');
}
