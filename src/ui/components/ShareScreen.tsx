/**
 * Taking the result along, without an account and without a server:
 * - "Share my result" (#/delen): a sealed link (src/share/sealed-link.ts) whose fragment holds the
 *   answers encrypted, to copy or share, and as a QR code; BESIDE it the 15-digit code that opens it.
 *   The link alone shows nothing, so it may sit in a browser's history or a chat. A plain warning
 *   says that whoever has the link and the code sees the answers.
 * - In a kiosk the same link as a large QR code, to scan with one's own phone, or a print.
 * - The hand-over sheet of the result (#/blad), to print or save as PDF.
 * Loaded in its own chunk (the QR encoder).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useMode } from '../modes/context';
import { qrSvg } from '../../share/qr';
import { formatShareCode, type SealedShare, sealShareLink } from '../../share/sealed-link';
import { useServices } from '../context';
import { paths } from '../router';
import { localOfficeOf, providerOf } from '../../state/providers';
import { sheetItems } from '../../state/sheet';
import { HandoverSheet, SheetTools, useSheetTitle } from './HandoverSheet';
import { Heading } from './Heading';
import { Loading } from './Loading';

/** The app's address without query (a kiosk's `?mode=kiosk` must not travel) and without fragment. */
const appAddress = () => `${location.origin}${location.pathname}`;

function useShareLink(): { link: string | null; code: string | null; failed: boolean } {
  const { state } = useServices();
  const rules = state.rules.value;
  const answers = state.answers.value;
  const date = state.date.value;
  const [sealed, setSealed] = useState<SealedShare | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!rules) return;
    let live = true;
    sealShareLink(appAddress(), { answers, rulesVersion: rules.ruleset.manifest.version, date }, { questions: rules.ruleset.questions }).then(
      (s) => live && setSealed(s),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [rules, answers, date]);
  return { link: sealed?.link ?? null, code: sealed?.code ?? null, failed };
}

export function ShareScreen() {
  const { state, i18n } = useServices();
  const mode = useMode();
  const kiosk = mode.kind === 'kiosk';
  const { link, code, failed } = useShareLink();
  const title = kiosk ? i18n.t('kiosk.takeAlong') : i18n.t('share.title');
  if (!state.rules.value || !state.restored.value) return <Loading />;
  if (!state.hasAnswers.value) {
    return (
      <>
        <Heading title={title} />
        <p>{i18n.t('share.noAnswers')}</p>
        <a class="button primary" href={paths.questions}>
          {i18n.t('results.start')}
        </a>
      </>
    );
  }
  return (
    <div class="share-screen" data-share-link={link ?? undefined} data-share-code={code ?? undefined}>
      <p class="back-link no-print">
        <a class="tap-link" href={paths.results}>
          {i18n.t('right.backToResults')}
        </a>
      </p>
      <Heading title={title} />
      {failed && (
        <p class="notice notice-error" role="alert">
          {i18n.t('share.failed')}
        </p>
      )}
      {kiosk ? <KioskShare link={link} code={code} /> : <ResidentShare link={link} code={code} />}
    </div>
  );
}

function Warning() {
  const { i18n } = useServices();
  return (
    <div class="notice notice-warning share-warning">
      <p>
        <strong>{i18n.t('share.warningTitle')}</strong> {i18n.t('share.warning')}
      </p>
    </div>
  );
}

/** The code that opens the link, shown beside it (never inside the link or the QR code). */
function ShareCode({ code, kiosk }: { code: string | null; kiosk?: boolean }) {
  const { i18n } = useServices();
  if (!code) return null;
  return (
    <div class="share-code">
      <p class="share-code-label">{i18n.t('share.codeLabel')}</p>
      {/* the code reads left to right in every language; the line starts where the page's lines start */}
      <p class="share-code-value notranslate">
        <bdi dir="ltr">{formatShareCode(code)}</bdi>
      </p>
      <p class="hint">{i18n.t(kiosk ? 'share.codeKiosk' : 'share.codeHint')}</p>
    </div>
  );
}

function Qr({ link, large }: { link: string; large?: boolean }) {
  const { i18n } = useServices();
  // The SVG is built by our own encoder from the link (escaped), never from outside markup.
  const svg = qrSvg(link, { label: i18n.t('share.qrLabel') });
  return <div class={large ? 'qr qr-large' : 'qr'} dangerouslySetInnerHTML={{ __html: svg }} />;
}

function KioskShare({ link, code }: { link: string | null; code: string | null }) {
  const { i18n } = useServices();
  return (
    <>
      <ol class="take-along">
        <li>
          <h2 class="h3">{i18n.t('kiosk.scanTitle')}</h2>
          <p>{i18n.t('kiosk.scanText')}</p>
          {link ? <Qr link={link} large /> : <p class="loading">{i18n.t('share.making')}</p>}
          <ShareCode code={code} kiosk />
          <p class="hint">{i18n.t('kiosk.scanPrivate')}</p>
        </li>
        <li>
          <h2 class="h3">{i18n.t('kiosk.printTitle')}</h2>
          <p>{i18n.t('kiosk.printText')}</p>
          <a class="button secondary" href={paths.sheet}>
            {i18n.t('kiosk.print')}
          </a>
        </li>
      </ol>
      <Warning />
      <p>{i18n.t('kiosk.whenDone')}</p>
    </>
  );
}

function ResidentShare({ link, code }: { link: string | null; code: string | null }) {
  const { i18n } = useServices();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      // No clipboard permission: select the text, so "copy" in the browser's menu takes it.
      inputRef.current?.select();
      setCopied('no');
    }
  };
  const share = async () => {
    if (!link) return;
    try {
      await navigator.share({ title: i18n.t('app.name'), text: i18n.t('share.shareText'), url: link });
    } catch {
      // cancelled by the person: nothing to say
    }
  };

  return (
    <>
      <p>{i18n.t('share.intro')}</p>
      <Warning />
      <label class="share-label" for="share-link">
        {i18n.t('share.linkLabel')}
      </label>
      <input
        ref={inputRef}
        id="share-link"
        class="input share-input"
        type="text"
        // a link reads left to right: in Arabic too it shows its start ("http…"), not its last letters
        dir="ltr"
        readOnly
        value={link ?? ''}
        onFocus={(e) => e.currentTarget.select()}
      />
      <div class="actions">
        <button type="button" class="button primary" onClick={copy} disabled={!link}>
          {i18n.t('share.copy')}
        </button>
        {canShare && (
          <button type="button" class="button secondary" onClick={share} disabled={!link}>
            {i18n.t('share.share')}
          </button>
        )}
      </div>
      <ShareCode code={code} />
      <p role="status" class="share-status">
        {copied === 'yes' ? i18n.t('share.copied') : copied === 'no' ? i18n.t('share.copyManually') : ''}
      </p>
      <details class="share-qr">
        <summary>{i18n.t('share.showQr')}</summary>
        <p>{i18n.t('share.qrText')}</p>
        {link && <Qr link={link} />}
      </details>
      <p>
        <a class="tap-link" href={paths.sheet}>
          {i18n.t('share.toSheet')}
        </a>
      </p>
    </>
  );
}

/** #/blad: the hand-over sheet of this device's answers, with a print button. */
export function SheetScreen() {
  const { state, i18n } = useServices();
  const rules = state.rules.value;
  const headingRef = useRef<HTMLDivElement>(null);
  useSheetTitle(headingRef);
  if (!rules || !state.restored.value) return <Loading />;
  return (
    <div class="sheet-screen" ref={headingRef}>
      <SheetTools back={paths.results} backLabel={i18n.t('right.backToResults')} />
      <HandoverSheet
        ruleset={rules.ruleset}
        providerOf={(rule) => providerOf(rules, rule, state.answers.value)}
        askAt={localOfficeOf(rules, state.answers.value)}
        answers={state.answers.value}
        items={sheetItems(state.results.value, rules.ruleset, state.answers.value)}
        date={state.date.value}
      />
    </div>
  );
}
