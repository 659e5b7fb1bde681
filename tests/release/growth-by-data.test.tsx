/**
 * The proof that the catalogue grows by data alone: a copy of the rules and their texts gets a new life
 * domain (its texts in all six languages and its pictogram as data), a new question (its code for the
 * shared link and its texts), a new municipality (its own office) and a right that uses all three.
 * The command line checks it and builds a release (`npm run rules:release`); the command line and the
 * app, opening that release as a device does, list the right for a household of that municipality,
 * ask the new question, show the domain with its pictogram and name the municipality's office; a
 * shared link carries the new answer under its new code. No file under src/ knows any of it.
 *
 * Everything made up here (the municipality's office, the right) is test data: it never leaves the test.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { RULES_DIR } from '../../src/cli/load-rules';
import { createI18n, setRuleTexts } from '../../src/i18n';
import { questionLabel } from '../../src/i18n/texts';
import { createPwa } from '../../src/pwa';
import { toLoadedRules } from '../../src/rules/browser';
import { openRelease } from '../../src/rules/release';
import { decodeShareFragment, encodeShareFragment } from '../../src/share/link';
import { createAppState } from '../../src/state/app-state';
import { createMemoryStorage } from '../../src/storage';
import { App } from '../../src/ui/App';
import { createRouter } from '../../src/ui/router';

const ROOT = join(RULES_DIR, '..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const DATE = '2026-11-30';

const NEW = {
  category: 'sport',
  icon: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM3 12h18M12 3v18',
  question: 'sportsClub',
  code: 'v',
  municipality: 'ingelmunster',
  office: 'sociaal-huis-ingelmunster',
  right: 'ingelmunster.sportpremie',
};

/** The new texts, in every language of the app. */
const TEXTS: Record<string, { category: string; label: string; help: string; place: string; office: string; title: string; summary: string; yes: string; no: string; step: string }> = {
  nl: { category: 'Sport', label: 'Ben je lid van een sportclub?', help: 'Bijvoorbeeld voetbal, zwemmen of turnen.', place: 'Ingelmunster', office: 'Sociaal Huis Ingelmunster', title: 'Sportpremie', summary: 'Een deel van je lidgeld terug.', yes: 'Je bent lid van een sportclub.', no: 'Je bent geen lid van een sportclub.', step: 'Vraag de premie bij {{provider.name}}.' },
  fr: { category: 'Sport', label: 'Êtes-vous membre d’un club de sport ?', help: 'Par exemple football, natation ou gymnastique.', place: 'Ingelmunster', office: 'Sociaal Huis d’Ingelmunster', title: 'Prime sport', summary: 'Une partie de votre cotisation remboursée.', yes: 'Vous êtes membre d’un club de sport.', no: 'Vous n’êtes pas membre d’un club de sport.', step: 'Demandez la prime à {{provider.name}}.' },
  en: { category: 'Sport', label: 'Are you a member of a sports club?', help: 'For example football, swimming or gymnastics.', place: 'Ingelmunster', office: 'Sociaal Huis Ingelmunster', title: 'Sports bonus', summary: 'Part of your membership fee back.', yes: 'You are a member of a sports club.', no: 'You are not a member of a sports club.', step: 'Ask for the bonus at {{provider.name}}.' },
  ar: { category: 'الرياضة', label: 'هل أنت عضو في نادٍ رياضي؟', help: 'مثل كرة القدم أو السباحة أو الجمباز.', place: 'إنغلمونستر', office: 'Sociaal Huis إنغلمونستر', title: 'منحة الرياضة', summary: 'استرداد جزء من رسوم العضوية.', yes: 'أنت عضو في نادٍ رياضي.', no: 'لست عضوًا في نادٍ رياضي.', step: 'اطلب المنحة من {{provider.name}}.' },
  tr: { category: 'Spor', label: 'Bir spor kulübüne üye misiniz?', help: 'Örneğin futbol, yüzme veya jimnastik.', place: 'Ingelmunster', office: 'Sociaal Huis Ingelmunster', title: 'Spor primi', summary: 'Üyelik ücretinizin bir kısmı geri.', yes: 'Bir spor kulübüne üyesiniz.', no: 'Bir spor kulübüne üye değilsiniz.', step: 'Primi {{provider.name}} kurumundan isteyin.' },
  uk: { category: 'Спорт', label: 'Ви член спортивного клубу?', help: 'Наприклад, футбол, плавання чи гімнастика.', place: 'Інгелмюнстер', office: 'Sociaal Huis Інгелмюнстер', title: 'Спортивна премія', summary: 'Частину членського внеску повертають.', yes: 'Ви член спортивного клубу.', no: 'Ви не член спортивного клубу.', step: 'Попросіть премію в {{provider.name}}.' },
};

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const writeJson = (file: string, data: unknown) => writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
// biome-ignore lint/suspicious/noExplicitAny: the rule files are edited as plain JSON, the way a person edits them
const edit = (file: string, change: (data: Record<string, any>) => void) => {
  const data = readJson(file);
  change(data);
  writeJson(file, data);
};

/** The data a city editor adds: nothing else. */
function grow(dir: string) {
  const rules = join(dir, 'rules');
  edit(join(rules, 'categories.json'), (d) => d.categories.push({ id: NEW.category, icon: NEW.icon }));
  edit(join(rules, 'questions.json'), (d) => {
    const municipality = d.questions.find((q: { key: string }) => q.key === 'municipality');
    municipality.options.push(NEW.municipality);
    municipality.optionCodes[NEW.municipality] = Math.max(...(Object.values(municipality.optionCodes) as number[])) + 1;
    d.questions.push({ key: NEW.question, type: 'boolean', code: NEW.code, example: false, askIf: true });
  });
  edit(join(rules, 'municipalities.json'), (d) => {
    d.municipalities[NEW.municipality] = { providers: { ocmw: NEW.office } };
  });
  edit(join(rules, 'providers.json'), (d) => {
    d.providers[NEW.office] = { name: 'Sociaal Huis Ingelmunster', address: null, phone: null, hours: null };
  });
  cpSync(join(rules, 'rights/kortrijk.deelfabriek'), join(rules, 'rights', NEW.right), { recursive: true });
  const source = { title: 'test data: a right made up for this test, it never leaves the test', read: DATE };
  writeJson(join(rules, 'rights', NEW.right, 'rule.json'), {
    $schema: '../../schema/rule.schema.json',
    id: NEW.right,
    category: NEW.category,
    provider: 'ocmw',
    territory: NEW.municipality,
    validFrom: '2022-01-01',
    validUntil: null,
    outcomes: [{ status: 'eligible', reason: 'member', when: { var: NEW.question } }],
    otherwise: { status: 'not-eligible', reason: 'not-member' },
    steps: ['ask-sportpremie'],
    documents: ['identity-card'],
    sources: [source],
  });
  writeJson(join(rules, 'rights', NEW.right, 'cases.json'), {
    $schema: '../../schema/cases.schema.json',
    cases: [
      { name: 'A member of a sports club in Ingelmunster gets the premium', date: DATE, answers: { municipality: NEW.municipality, [NEW.question]: true }, expect: { status: 'eligible' } },
      { name: 'Not a member: no premium', date: DATE, answers: { municipality: NEW.municipality, [NEW.question]: false }, expect: { status: 'not-eligible' } },
      { name: 'In Kortrijk the right does not hold', date: DATE, answers: { municipality: 'kortrijk', [NEW.question]: true }, expect: { status: 'not-in-force' } },
    ],
  });
  edit(join(rules, 'manifest.json'), (m) => {
    const [y, mo, n] = (m.version as string).split('.');
    m.version = `${y}.${mo}.${Number(n) + 1}`;
  });
  for (const [lang, t] of Object.entries(TEXTS)) {
    edit(join(dir, 'locales', lang, 'rules.json'), (d) => {
      d.categories[NEW.category] = t.category;
      d.questions[NEW.question] = { label: t.label, help: t.help };
      d.questions.municipality.options[NEW.municipality] = t.place;
      d.providers[NEW.office] = { name: t.office };
      d.rights[NEW.right.split('.')[0]!] = { [NEW.right.split('.')[1]!]: { title: t.title, summary: t.summary } };
      d.reasons[NEW.right.split('.')[0]!] = { [NEW.right.split('.')[1]!]: { member: t.yes, 'not-member': t.no } };
      d.steps['ask-sportpremie'] = t.step;
      d.facts[NEW.question] = { true: t.yes, false: t.no };
    });
  }
}

const rights = (args: string[], input?: string) => spawnSync(TSX, [join(ROOT, 'src/cli/rights.ts'), ...args], { encoding: 'utf8', input, cwd: ROOT });

describe('a new domain, question, municipality and right, added as data alone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'grow-'));
  made.push(dir);
  cpSync(RULES_DIR, join(dir, 'rules'), { recursive: true });
  cpSync(join(ROOT, 'locales'), join(dir, 'locales'), { recursive: true });
  grow(dir);
  const out = join(dir, 'release');

  it('is checked and released by the command line, which lists the right for a household of that municipality only', () => {
    const check = rights(['check', '--rules', join(dir, 'rules')]);
    expect(check.stderr).toBe('');
    expect(check.stdout).toMatch(/all good/);
    const release = rights(['release', '--rules', join(dir, 'rules'), '--out', out]);
    expect(release.stderr).toBe('');
    expect(release.status).toBe(0);
    expect(readdirSync(join(out, 'locales')).sort()).toEqual(['ar', 'en', 'fr', 'nl', 'tr', 'uk']);
    const manifest = readJson(join(out, 'manifest.json'));
    expect(manifest.municipalities).toContain(NEW.municipality);

    const evaluate = (answers: Record<string, unknown>) => {
      const r = rights(['evaluate', '--rules', out, '--date', DATE, '-'], JSON.stringify(answers));
      expect(r.stderr).toBe('');
      return new Map((JSON.parse(r.stdout).results as { id: string; status: string }[]).map((x) => [x.id, x.status]));
    };
    expect(evaluate({ municipality: NEW.municipality, [NEW.question]: true }).get(NEW.right)).toBe('eligible');
    expect(evaluate({ municipality: NEW.municipality, [NEW.question]: false }).get(NEW.right)).toBe('not-eligible');
    expect(evaluate({ municipality: 'kortrijk', [NEW.question]: true }).has(NEW.right)).toBe(false);
  }, 120_000);

  it('is used by the app from the release: asked, listed with its domain and pictogram, its office named, in every language', async () => {
    // Run alone (e.g. with -t), the release the first case writes is not there yet: write it here.
    if (!existsSync(join(out, 'manifest.json'))) expect(rights(['release', '--rules', join(dir, 'rules'), '--out', out]).status).toBe(0);
    const manifest = readJson(join(out, 'manifest.json'));
    const release = await openRelease(manifest, async (path) => new Uint8Array(readFileSync(join(out, ...path.split('/')))));
    const rules = toLoadedRules(release);
    setRuleTexts(rules.release.locales);
    expect(rules.ruleset.categories.at(-1)).toEqual({ id: NEW.category, icon: NEW.icon });

    const state = createAppState({ storage: createMemoryStorage(), date: DATE, rules });
    await state.actions.restore();
    state.actions.answer('adults', 1);
    // in Kortrijk the new question changes nothing: it is not asked, and the right is not there
    expect(state.missing.value).not.toContain(NEW.question);
    expect(state.results.value.map((r) => r.id)).not.toContain(NEW.right);
    state.actions.chooseMunicipality(NEW.municipality);
    expect(state.missing.value).toContain(NEW.question);
    // "I don't know" on everything before it: then the questionnaire asks the new question, in its words
    for (let i = 0; i < 30 && state.currentQuestion.value && state.currentQuestion.value.key !== NEW.question; i++) {
      state.actions.skip(state.currentQuestion.value.key);
    }
    expect(state.currentQuestion.value?.key).toBe(NEW.question);
    const i18n = await createI18n('nl');
    i18n.setRuleParameters(state.parameterValues);
    window.location.hash = '#/vragen';
    const router = createRouter(window);
    const { container } = render(<App services={{ state, i18n, pwa: createPwa(), router }} />);
    await screen.findByText(TEXTS.nl!.label);
    expect(container.textContent).toContain(TEXTS.nl!.help);
    state.actions.answer(NEW.question, true);
    expect(state.results.value.find((r) => r.id === NEW.right)?.status).toBe('eligible');
    expect(state.sections.value?.eligible.map((g) => g.category)).toContain(NEW.category);

    // the new answer travels in a shared link under its own code, the municipality under its number
    const fragment = await encodeShareFragment({ rulesVersion: manifest.version, answers: state.answers.value }, { questions: rules.ruleset.questions, compress: false });
    const json = Buffer.from(fragment.slice(4), 'base64url').subarray(4).toString();
    expect(json).toContain(`"${NEW.code}":1`);
    expect(json).toContain('"m":14');
    expect((await decodeShareFragment(fragment, { questions: rules.ruleset.questions })).answers).toEqual(state.answers.value);

    for (const lang of Object.keys(TEXTS)) expect(questionLabel(await createI18n(lang), NEW.question), lang).toBe(TEXTS[lang]!.label);

    // on screen: the results with the new domain's name and pictogram, the right's page with the office
    router.navigate('#/resultaten');
    const link = await screen.findByRole('link', { name: /Sportpremie/ });
    const heading = link.closest('.category')?.querySelector('h3.domain');
    expect(heading?.textContent).toBe('Sport');
    expect(heading?.querySelector('svg path')?.getAttribute('d')).toBe(NEW.icon);
    router.navigate(`#/recht/${NEW.right}`);
    await waitFor(() => expect(container.querySelector('.provider .provider-name')?.textContent).toBe('Sociaal Huis Ingelmunster'));
    expect(container.textContent).toContain('Vraag de premie bij Sociaal Huis Ingelmunster.');
    router.dispose();
    state.dispose();
  }, 60_000);

  it('touched no file under src/: nothing there names the new domain, question, municipality or right', () => {
    const names = [NEW.category === 'sport' ? "'sport'" : NEW.category, NEW.question, NEW.municipality, NEW.office, NEW.right, 'sportpremie'];
    const files = (readdirSync(join(ROOT, 'src'), { recursive: true }) as string[]).filter((f) => /\.(ts|tsx|css|json)$/.test(f));
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((f) => {
      const text = readFileSync(join(ROOT, 'src', f), 'utf8').toLowerCase();
      return names.filter((n) => text.includes(n.toLowerCase())).map((n) => `${f}: ${n}`);
    });
    expect(found).toEqual([]);
  });
});
