/** The app shell: header, the screen of the current route, the footer with "erase my answers". */
import { OfflineNotice, PwaNotices, RulesPendingNotice, StorageNotice } from './components/Banners';
import { GlossaryScreen } from './components/GlossaryScreen';
import { EraseAnswers } from './components/EraseAnswers';
import { Heading } from './components/Heading';
import { LanguageSelect } from './components/LanguagePicker';
import { useMode } from './modes/context';
import { type Services, ServicesContext, useServices } from './context';
import { paths } from './router';
import { Home } from './screens/Home';
import { AboutRules, Caseload, Catalogue, Privacy, Questions, Results, Right, Share, SharedBanner, Sheet, Summary } from './screens/lazy';

export function App({ services }: { services: Services }) {
  return (
    <ServicesContext.Provider value={services}>
      <Shell />
    </ServicesContext.Provider>
  );
}

function Screen() {
  const { router, i18n } = useServices();
  const route = router.route.value;
  switch (route.name) {
    case 'home':
      return <Home />;
    case 'questions':
      return <Questions />;
    case 'summary':
      return <Summary />;
    case 'results':
      return <Results />;
    case 'catalogue':
      return <Catalogue />;
    case 'right':
      return <Right key={route.id} id={route.id} />;
    case 'share':
      return <Share />;
    case 'sheet':
      return <Sheet />;
    case 'privacy':
      return <Privacy />;
    case 'rules':
      return <AboutRules />;
    case 'caseload':
    case 'household':
    case 'household-sheet':
      return <Caseload route={route} />;
    default:
      return (
        <>
          <Heading title={i18n.t('app.notFoundTitle')} />
          <p>{i18n.t('app.notFoundText')}</p>
          <p>
            <a href={paths.home}>{i18n.t('app.toStart')}</a>
          </p>
        </>
      );
  }
}

function Shell() {
  const { router, i18n, state } = useServices();
  const route = router.route.value;
  const version = state.rules.value?.ruleset.manifest.version;
  const mode = useMode();
  const kiosk = mode.kind === 'kiosk';
  // A sealed share link waiting for its code shows only the code form (in SharedBanner).
  const locked = mode.locked.value;
  const shared = locked || mode.shared.value !== null || mode.shareError.value !== null;
  return (
    <>
      <a class="skip-link" href="#main">
        {i18n.t('app.skipToContent')}
      </a>
      <header class="site-header">
        <a class="site-name" href={paths.home} aria-label={i18n.t('app.home')}>
          {i18n.t('app.name')}
        </a>
        <LanguageSelect />
      </header>
      {/* in the flow above the content, never over it: it cannot cover a control or a QR code */}
      <PwaNotices answering={route.name === 'questions'} />
      {/* data-screen and data-id say which screen is shown: tests wait for them (and for no .loading),
          never for a URL, which changes before the screen does. */}
      <main id="main" tabIndex={-1} data-screen={route.name} data-id={'id' in route ? route.id : undefined}>
        <StorageNotice />
        <RulesPendingNotice />
        {shared && <SharedBanner />}
        {!locked && (
          <GlossaryScreen screen={`${route.name}:${'id' in route ? route.id : ''}`}>
            <Screen key={route.name} />
          </GlossaryScreen>
        )}
      </main>
      {/* below the content: it comes after the first paint and must not move what is on screen */}
      <OfflineNotice answering={route.name === 'questions'} />
      <footer class="site-footer">
        <nav aria-label={i18n.t('app.footerNav')}>
          <ul>
            <li>
              <a class="tap-link" href={paths.catalogue}>
                {i18n.t('home.catalogue')}
              </a>
            </li>
            {state.hasAnswers.value && (
              <li>
                <a class="tap-link" href={paths.summary}>
                  {i18n.t('results.editAnswers')}
                </a>
              </li>
            )}
            <li>
              <a class="tap-link" href={paths.privacy}>
                {i18n.t('privacy.link')}
              </a>
            </li>
            <li>
              <a class="tap-link" href={paths.rules}>
                {i18n.t('about.link')}
              </a>
            </li>
            {!kiosk && (
              <li>
                <a class="tap-link" href={paths.caseload}>
                  {i18n.t('caseload.link')}
                </a>
              </li>
            )}
          </ul>
        </nav>
        <EraseAnswers />
        {version && <p class="version">{i18n.t('app.rulesVersion', { version })}</p>}
      </footer>
    </>
  );
}
