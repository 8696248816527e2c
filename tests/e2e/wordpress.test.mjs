// The WordPress plugin (dist/smp-estimator-wordpress.zip, `make wordpress`)
// in a real WordPress on a real database: Debian's WordPress 6.1 and 6.5
// from npm (@wp-playground/wordpress-builds), each on its own MariaDB
// database (one server in a temporary folder) and served by `php -S`.
// For each: the zip goes in through Plugins → Add New → Upload and is
// activated, the clinic's settings are changed and saved on Settings → SMP
// estimator, and a page with the shortcode and one with the block show the
// engine's figures (`smp-quote --config`) for those settings and their own
// overrides. Everything it starts is stopped and its folder removed, also
// when a test fails.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { artifacts, engineQuote, launch, money, repo, watchErrors } from './support.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const zip = join(repo, 'dist', 'smp-estimator-wordpress.zip');
const integrity = JSON.parse(await readFile(join(repo, 'dist', 'embed', 'integrity.json'), 'utf8'))['smp-estimator.js'];
const builds = join(here, 'node_modules', '@wp-playground', 'wordpress-builds');
const ADMIN = { user: 'clinic-admin', password: 'a long test password 1' };
// A clinic name that tries to end the inline JSON's <script> and run one of its own.
const HOSTILE_NAME = 'Studio </script><script>window.__pwned = 1</script> & "Co"';

// A classic theme (PHP templates calling wp_head and wp_footer), as most
// clinics' sites have: Debian's wordpress-theme-twentytwentyone.
const CLASSIC_THEME = '/usr/share/wordpress/wp-content/themes/twentytwentyone';

const versions = [
  {
    name: '6.1',
    theme: 'twentytwentythree',
    // Debian's package, copied: its own wp-config.php reads /etc/wordpress.
    unpack: (site) => cp('/usr/share/wordpress', site, { recursive: true, verbatimSymlinks: true }),
  },
  {
    name: '6.5',
    theme: 'twentytwentyfour',
    // The PHP files from the zip, the static files beside them (public/).
    unpack: async (site) => {
      await mkdir(site, { recursive: true });
      execFileSync('unzip', ['-q', join(builds, 'src', 'wordpress', 'wp-6.5.zip'), '-d', site]);
      await cp(join(builds, 'public', 'wp-6.5'), site, { recursive: true });
      // Debian's Twenty Twenty-One, the classic theme of the classic-theme test.
      await cp(CLASSIC_THEME, join(site, 'wp-content', 'themes', 'twentytwentyone'), { recursive: true });
      // Playground's SQLite database: ours is MariaDB.
      await rm(join(site, 'wp-content', 'database'), { recursive: true, force: true });
      await rm(join(site, 'wp-content', 'db.php'), { force: true });
    },
  },
];

let scratch;
let browser;
const processes = [];

/** A child process that is killed when the tests end, whatever happens. */
function start(command, args, options = {}) {
  // Its own process group, so that stopping it stops its workers too (php -S forks them).
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true, ...options });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  child.output = () => stderr;
  processes.push(child);
  return child;
}

function stopAll() {
  for (const child of processes) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }
  }
}
process.on('exit', stopAll);

async function until(what, check, timeout = 30000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let socket;
async function startMariaDb() {
  const data = join(scratch, 'mariadb');
  socket = join(data, 'mysqld.sock');
  execFileSync('mariadb-install-db', [
    '--no-defaults', `--datadir=${data}`, '--user=root', '--auth-root-authentication-method=socket', '--skip-test-db',
  ], { stdio: 'ignore' });
  const server = start('mariadbd', [
    '--no-defaults', '--user=root', `--datadir=${data}`, `--socket=${socket}`, '--skip-networking',
    `--pid-file=${join(data, 'mariadb.pid')}`, '--innodb-buffer-pool-size=32M',
  ]);
  await until('MariaDB', () => {
    if (server.exitCode !== null) throw new Error(`mariadbd exited: ${server.output()}`);
    try {
      execFileSync('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', 'SELECT 1'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
}

const sql = (statement) => execFileSync('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', statement]);

/** Runs PHP with WordPress loaded in `site` (after `prelude`); returns what `code` echoes. */
function wpPhp(site, code, prelude = '') {
  const file = join(site, `smp-test-${Date.now()}-${Math.random().toString(36).slice(2)}.php`);
  return writeFile(
    file,
    `<?php\n$_SERVER['HTTP_HOST'] = 'localhost';\n${prelude}\nrequire __DIR__ . '/wp-load.php';\n${code}\n`,
  ).then(() => {
    try {
      return execFileSync('php', ['-d', 'display_errors=stderr', '-d', 'error_reporting=E_ALL & ~E_DEPRECATED', file], {
        cwd: site,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } finally {
      rm(file, { force: true });
    }
  });
}

/** A fresh WordPress in `scratch`, its database, and php -S serving it. */
async function installWordPress(version) {
  const site = join(scratch, `wp-${version.name}`);
  const database = `wp_${version.name.replace('.', '_')}`;
  await version.unpack(site);
  sql(`CREATE DATABASE ${database}`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const salt = () => Math.random().toString(36).slice(2).repeat(3);
  const keys = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'];
  await rm(join(site, 'wp-config.php'), { force: true });
  await writeFile(
    join(site, 'wp-config.php'),
    `<?php
define( 'DB_NAME', '${database}' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:${socket}' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
${keys.map((key) => `define( '${key}', '${salt()}' );`).join('\n')}
$table_prefix = 'wp_';
define( 'WP_HOME', '${url}' );
define( 'WP_SITEURL', '${url}' );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'FS_METHOD', 'direct' );
define( 'WP_DEBUG', false );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
`,
  );
  // php -S: existing files as they are (PHP runs .php), 404 for missing
  // static files, everything else to WordPress.
  await writeFile(
    join(site, 'smp-test-router.php'),
    `<?php
$path = urldecode( parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
if ( '/' !== $path && file_exists( __DIR__ . $path ) ) {
	return false;
}
if ( preg_match( '/\\.(js|css|png|jpe?g|gif|svg|ico|woff2?|ttf|wasm|json|map)$/', $path ) ) {
	http_response_code( 404 );
	return true;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
require __DIR__ . '/index.php';
`,
  );
  const installed = JSON.parse(
    await wpPhp(
      site,
      `require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install( 'Northside Hair Studio', ${JSON.stringify(ADMIN.user)}, 'admin@clinic.example', false, '', ${JSON.stringify(ADMIN.password)} );
switch_theme( '${version.theme}' );
wp_set_current_user( 1 );
// The block editor's welcome guide would cover the page.
update_user_meta( 1, $wpdb->get_blog_prefix() . 'persisted_preferences', array( 'core/edit-post' => array( 'welcomeGuide' => false ), '_modified' => gmdate( 'c' ) ) );
$page = function ( $title, $content ) {
	return wp_insert_post( array( 'post_type' => 'page', 'post_status' => 'publish', 'post_title' => $title, 'post_content' => $content ) );
};
echo wp_json_encode( array(
	'shortcode' => $page( 'SMP price (shortcode)', "<!-- wp:paragraph --><p>What would it cost you?</p><!-- /wp:paragraph -->\\n<!-- wp:shortcode -->[smp_estimator pattern=\\"norwood-5\\" booking_url=\\"https://clinic.example/book\\" colour=\\"red\\"]<!-- /wp:shortcode -->" ),
	'block'     => $page( 'SMP price (block)', '<!-- wp:smp-estimator/estimator {"pattern":"norwood-4","currency":"EUR","lead_email":"hello@clinic.example"} /-->' ),
	'plain'     => $page( 'About us', '<!-- wp:paragraph --><p>No estimator here.</p><!-- /wp:paragraph -->' ),
) );`,
      "define( 'WP_INSTALLING', true );\nfunction wp_new_blog_notification() {}",
    ),
  );
  const log = join(scratch, `php-${version.name}.log`);
  const server = start(
    'php',
    ['-d', 'display_errors=0', '-d', 'log_errors=1', '-d', `error_log=${log}`, '-d', 'memory_limit=256M', '-S', `127.0.0.1:${port}`, '-t', site, join(site, 'smp-test-router.php')],
    { cwd: site, env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' } },
  );
  await until(`php -S for WordPress ${version.name}`, async () => {
    if (server.exitCode !== null) throw new Error(`php -S exited: ${server.output()}`);
    try {
      return (await fetch(`${url}/wp-login.php`)).ok;
    } catch {
      return false;
    }
  });
  return { site, url, pages: installed };
}

/**
 * Logs the administrator in through wp-login.php. Once in a fresh-clone
 * run, WordPress 6.1 showed the login form again after the first attempt:
 * a second attempt, and WordPress's own message if that fails too.
 */
async function logIn(tab, url) {
  for (let attempt = 1; ; attempt += 1) {
    await tab.goto(`${url}/wp-login.php`);
    await tab.fill('#user_login', ADMIN.user);
    await tab.fill('#user_pass', ADMIN.password);
    try {
      await Promise.all([tab.waitForURL(/\/wp-admin\//, { timeout: 45000 }), tab.click('#wp-submit')]);
      return;
    } catch (error) {
      const why = await tab.locator('#login_error').textContent({ timeout: 1000 }).catch(() => null);
      const where = `${tab.url()}: ${why?.trim() || 'no message on the page'}`;
      if (attempt === 2) throw new Error(`WordPress did not log in twice (${where})`, { cause: error });
      console.error(`WordPress did not log in at the first attempt (${where}); trying again`);
    }
  }
}

before(async () => {
  assert.ok(existsSync(zip), `${zip} is missing: run make wordpress`);
  scratch = await mkdtemp(join(tmpdir(), 'smp-wordpress-'));
  await mkdir(artifacts, { recursive: true });
  await startMariaDb();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  stopAll();
  await Promise.all(processes.map((child) => (child.exitCode === null && child.signalCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null)));
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** The plugin's module tag on a visitor's page. */
const MODULE_TAG = 'script[src*="smp-estimator/widget/smp-estimator.js"]';

/** The page loads the widget's module once, as a module, with its hash. */
async function assertOneModuleTag(page) {
  const script = page.locator(MODULE_TAG);
  assert.equal(await script.count(), 1);
  assert.equal(await script.getAttribute('type'), 'module');
  assert.equal(await script.getAttribute('integrity'), integrity);
}

/** The text of a figure inside the widget's shadow root (Playwright's locators pierce it). */
const figure = (tab, root, name) => tab.locator(`${root} [data-figure="${name}"]`).first().innerText();

for (const version of versions) {
  describe(`WordPress ${version.name}`, () => {
    let wp;
    let context;
    let tab;
    let saved;
    const shot = (name) => join(artifacts, `wordpress-${version.name}-${name}.png`);

    before(async () => {
      wp = await installWordPress(version);
      context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      tab = await context.newPage();
    });
    after(() => context?.close());

    test('the zip installs through Plugins → Add New → Upload and activates', async () => {
      await logIn(tab, wp.url);
      await tab.goto(`${wp.url}/wp-admin/plugin-install.php?tab=upload`);
      await tab.setInputFiles('#pluginzip', zip);
      await tab.click('#install-plugin-submit');
      await tab.getByText('Plugin installed successfully.').waitFor();
      await tab.getByRole('link', { name: 'Activate Plugin' }).click();
      await tab.getByText('Plugin activated.').waitFor();
      assert.ok(existsSync(join(wp.site, 'wp-content', 'plugins', 'smp-estimator', 'widget', 'smp-estimator_bg.wasm')));
      // The plugin's own entry, under its own name.
      assert.match(await tab.locator('tr[data-plugin="smp-estimator/smp-estimator.php"]').innerText(), /SMP Estimator/);
    });

    test('Settings → SMP estimator saves the setup page\'s settings in WordPress', async () => {
      const errors = watchErrors(tab);
      const failed = [];
      tab.on('requestfailed', (request) => failed.push(request.url()));
      await tab.goto(`${wp.url}/wp-admin/options-general.php?page=smp-estimator`);
      const status = tab.locator('#smp-estimator-setup-status');
      await status.getByText('Ready to save').waitFor({ timeout: 20000 });
      const setup = tab.frameLocator('#smp-estimator-setup');
      // Hosting a folder and pasting code are the plugin's job, not shown here.
      assert.equal(await setup.locator('#host-step').isVisible(), false);
      assert.equal(await setup.locator('.card.embed').isVisible(), false);
      assert.equal(await setup.locator('#f-currency').isVisible(), true);
      const defaults = JSON.parse(await tab.inputValue('#smp-estimator-settings-json'));
      assert.equal(defaults.currency, 'USD', 'a fresh site starts from the first preset');
      const graft = defaults.transplant.price_per_graft;
      const newGraftPrice = graft.typical < graft.max ? graft.typical + 1 : graft.typical - 1;
      await setup.locator('#f-currency').selectOption('GBP');
      await setup.locator('#f-transplant-price_per_graft-typical').fill(String(newGraftPrice));
      await setup.locator('#f-clinic_name').fill(HOSTILE_NAME);
      // A wrong entry in the form: nothing can be saved until it is fixed.
      await setup.locator('#f-smp-minimum_fee').fill('12O0');
      await status.getByText('fixing in the form').waitFor();
      assert.equal(await tab.locator('#smp-estimator-save').isDisabled(), true);
      await setup.locator('#f-smp-minimum_fee').fill(String(defaults.smp.minimum_fee));
      await until('the form\'s settings in the field', async () => {
        const sent = JSON.parse(await tab.inputValue('#smp-estimator-settings-json'));
        return sent.currency === 'GBP' && sent.transplant.price_per_graft.typical === newGraftPrice && sent.clinic_name === HOSTILE_NAME;
      });
      await tab.screenshot({ path: shot('settings'), fullPage: true });
      await Promise.all([tab.waitForURL(/smp-estimator-saved=saved/), tab.click('#smp-estimator-save')]);
      await tab.getByText('Settings saved.').waitFor();
      saved = JSON.parse(await wpPhp(wp.site, "echo get_option( 'smp_estimator_settings' );"));
      assert.equal(saved.currency, 'GBP');
      assert.equal(saved.transplant.price_per_graft.typical, newGraftPrice);
      assert.equal(saved.clinic_name, HOSTILE_NAME);
      // Reopened, the setup page shows the saved settings, not its browser's draft.
      await tab.reload();
      await status.getByText('Ready to save').waitFor({ timeout: 20000 });
      assert.equal(await setup.locator('#f-currency').inputValue(), 'GBP');
      assert.equal(await setup.locator('#f-transplant-price_per_graft-typical').inputValue(), String(newGraftPrice));
      // WordPress's admin asks for some hosts of its own, which this machine
      // cannot reach; nothing of this site's may fail.
      assert.deepEqual(failed.filter((url) => url.startsWith(wp.url)), []);
      assert.deepEqual(errors.filter((error) => !error.includes('net::ERR_NAME_NOT_RESOLVED')), [], failed.join(', '));
    });

    test('a refused POST keeps what was sent and says why; no nonce, no save', async () => {
      await tab.goto(`${wp.url}/wp-admin/options-general.php?page=smp-estimator`);
      await tab.locator('#smp-estimator-setup-status').getByText('Ready to save').waitFor({ timeout: 20000 });
      const broken = '{"currency": "EUR", ';
      // The field as a clinic could paste it, submitted without the setup page's help.
      await tab.evaluate((text) => {
        document.getElementById('smp-estimator-settings-json').value = text;
        // The form's own submit(): its button is named "submit", as WordPress names it.
        HTMLFormElement.prototype.submit.call(document.querySelector('.smp-estimator-save'));
      }, broken);
      await tab.locator('.notice-error').getByText('Settings: not valid JSON').waitFor();
      assert.match(await tab.locator('.notice-error').innerText(), /Nothing was saved/);
      assert.equal(await tab.inputValue('#smp-estimator-settings-json'), broken);
      // Without the nonce WordPress refuses before anything is read.
      const response = await tab.request.post(`${wp.url}/wp-admin/options-general.php?page=smp-estimator`, {
        form: { smp_estimator_settings: '{"currency": "EUR"}' },
      });
      assert.notEqual(response.status(), 302);
      const after = JSON.parse(await wpPhp(wp.site, "echo get_option( 'smp_estimator_settings' );"));
      assert.deepEqual(after, saved);
    });

    test('the shortcode page shows the engine\'s figures for the saved settings', async () => {
      const settingsFile = join(scratch, `saved-${version.name}.json`);
      await writeFile(settingsFile, JSON.stringify(saved));
      const quote = engineQuote({ pattern: 'norwood-5' }, settingsFile);
      const defaultQuote = engineQuote({ pattern: 'norwood-5' });
      assert.notEqual(quote.transplant.cost.typical, defaultQuote.transplant.cost.typical, 'the saved graft price changes the quote');
      const visitor = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors = watchErrors(visitor);
      await visitor.goto(`${wp.url}/?page_id=${wp.pages.shortcode}`);
      const root = '[data-smp-estimator]';
      await visitor.locator(`${root} [data-figure="smp-cost-typical"]`).first().waitFor();
      assert.equal(await figure(visitor, root, 'smp-cost-typical'), money(quote.smp.cost.typical, 'en-US', 'GBP'));
      assert.equal(await figure(visitor, root, 'transplant-cost-typical'), money(quote.transplant.cost.typical, 'en-US', 'GBP'));
      // The shortcode's own booking link (underscored attribute), and the
      // saved clinic name shown as the characters it is, never run.
      const booking = visitor.locator(`${root} a[href^="https://clinic.example/book"]`).first();
      assert.ok(await booking.count(), 'the booking link is the shortcode\'s');
      assert.equal(await visitor.evaluate(() => window.__pwned), undefined);
      const shown = await visitor.evaluate((selector) => document.querySelector(selector).shadowRoot.textContent, root);
      assert.ok(shown.includes('Studio </script><script>window.__pwned = 1</script> & "Co"'), 'the clinic name as text');
      // The unknown attribute `colour`: a note for the page's editors only.
      assert.equal(await visitor.locator('.smp-estimator-notice').count(), 0);
      await tab.goto(`${wp.url}/?page_id=${wp.pages.shortcode}`);
      assert.match(await tab.locator('.smp-estimator-notice').innerText(), /ignored colour \(not a setting/);
      await assertOneModuleTag(visitor);
      await visitor.locator(`${root} [data-figure="smp-cost-typical"]`).first().scrollIntoViewIfNeeded();
      await visitor.screenshot({ path: shot('shortcode-1280'), fullPage: false });
      await visitor.setViewportSize({ width: 390, height: 844 });
      await visitor.screenshot({ path: shot('shortcode-390'), fullPage: false });
      assert.deepEqual(errors, []);
      await visitor.close();
    });

    test('on a classic theme (Twenty Twenty-One) the shortcode page shows the engine\'s figures, the module printed once with its hash after the widget', async () => {
      assert.ok(existsSync(CLASSIC_THEME), `${CLASSIC_THEME} is missing: run scripts/setup.sh`);
      const settingsFile = join(scratch, `classic-${version.name}.json`);
      await writeFile(settingsFile, JSON.stringify(saved));
      const quote = engineQuote({ pattern: 'norwood-5' }, settingsFile);
      assert.equal(await wpPhp(wp.site, "switch_theme( 'twentytwentyone' ); echo get_stylesheet();"), 'twentytwentyone');
      const visitor = await browser.newPage({ viewport: { width: 390, height: 844 } });
      try {
        const errors = watchErrors(visitor);
        await visitor.goto(`${wp.url}/?page_id=${wp.pages.shortcode}`);
        // The classic theme's own markup, so this is its template at work.
        assert.equal(await visitor.locator('body.wp-theme-twentytwentyone, link[href*="themes/twentytwentyone/"]').count() > 0, true, 'the page is drawn by Twenty Twenty-One');
        const root = '[data-smp-estimator]';
        await visitor.locator(`${root} [data-figure="smp-cost-typical"]`).first().waitFor();
        assert.equal(await figure(visitor, root, 'smp-cost-typical'), money(quote.smp.cost.typical, 'en-US', 'GBP'));
        assert.equal(await figure(visitor, root, 'transplant-cost-typical'), money(quote.transplant.cost.typical, 'en-US', 'GBP'));
        await assertOneModuleTag(visitor);
        // Enqueued while the content was drawn, so printed by wp_footer.
        assert.ok(
          await visitor.evaluate((selector) => {
            const widget = document.querySelector('[data-smp-estimator]');
            const tag = document.querySelector(selector);
            return Boolean(widget.compareDocumentPosition(tag) & Node.DOCUMENT_POSITION_FOLLOWING);
          }, MODULE_TAG),
          'the module comes after the widget, in the footer',
        );
        await visitor.screenshot({ path: shot('classic-390'), fullPage: false });
        await visitor.setViewportSize({ width: 1280, height: 900 });
        await visitor.locator(`${root} [data-figure="smp-cost-typical"]`).first().scrollIntoViewIfNeeded();
        await visitor.screenshot({ path: shot('classic-1280'), fullPage: false });
        assert.deepEqual(errors, []);
      } finally {
        await visitor.close();
        await wpPhp(wp.site, `switch_theme( '${version.theme}' );`);
      }
    });

    test('the block page shows the engine\'s figures with the block\'s own currency over the saved settings', async () => {
      const settingsFile = join(scratch, `block-${version.name}.json`);
      await writeFile(settingsFile, JSON.stringify({ ...saved, currency: 'EUR' }));
      const quote = engineQuote({ pattern: 'norwood-4' }, settingsFile);
      const visitor = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors = watchErrors(visitor);
      await visitor.goto(`${wp.url}/?page_id=${wp.pages.block}`);
      const root = '.wp-block-smp-estimator-estimator[data-smp-estimator]';
      await visitor.locator(`${root} [data-figure="smp-cost-typical"]`).first().waitFor();
      assert.equal(await figure(visitor, root, 'smp-cost-typical'), money(quote.smp.cost.typical, 'en-US', 'EUR'));
      assert.equal(await figure(visitor, root, 'transplant-cost-typical'), money(quote.transplant.cost.typical, 'en-US', 'EUR'));
      await visitor.screenshot({ path: shot('block-1280'), fullPage: false });
      await visitor.setViewportSize({ width: 390, height: 844 });
      await visitor.screenshot({ path: shot('block-390'), fullPage: false });
      assert.deepEqual(errors, []);
      // A page without a widget loads none of it.
      await visitor.goto(`${wp.url}/?page_id=${wp.pages.plain}`);
      assert.equal(await visitor.locator('script[src*="smp-estimator"]').count(), 0);
      await visitor.close();
    });

    test('the block editor shows the block\'s settings in its sidebar and saves a change made there', async () => {
      await tab.goto(`${wp.url}/wp-admin/post.php?post=${wp.pages.block}&action=edit`);
      // WordPress 6.5 may put the content in an iframe; 6.1 does not.
      const canvas = (await tab.locator('iframe[name="editor-canvas"]').count()) ? tab.frameLocator('iframe[name="editor-canvas"]') : tab;
      const block = canvas.locator('[data-type="smp-estimator/estimator"]');
      await block.waitFor({ timeout: 20000 });
      await block.click();
      const currency = tab.getByLabel('Currency', { exact: true });
      await currency.waitFor();
      assert.equal(await currency.inputValue(), 'EUR');
      await tab.getByRole('button', { name: 'Preset answers' }).click();
      assert.equal(await tab.getByLabel('Hair-loss pattern').inputValue(), 'norwood-4');
      assert.match(await block.innerText(), /Currency: EUR/);
      await tab.screenshot({ path: shot('editor') });
      // A change in the sidebar is saved with the page and reaches the widget.
      await tab.getByLabel('Years compared').fill('15');
      await tab.getByRole('button', { name: 'Update', exact: true }).click();
      await until('the page saved with the new setting', async () =>
        (await wpPhp(wp.site, `echo get_post( ${wp.pages.block} )->post_content;`)).includes('"years":"15"'),
      );
      const visitor = await browser.newPage();
      await visitor.goto(`${wp.url}/?page_id=${wp.pages.block}`);
      assert.equal(await visitor.locator('[data-smp-estimator]').getAttribute('data-years'), '15');
      await visitor.close();
    });
  });
}
