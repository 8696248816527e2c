// The WordPress plugin (dist/smp-estimator-wordpress.zip, `make wordpress`)
// in a real WordPress on a real database: Debian's WordPress 6.1 and 6.5
// from npm (@wp-playground/wordpress-builds), each on its own MariaDB
// database (one server in a temporary folder) and served by `php -S`.
// For each: the zip goes in through Plugins → Add New → Upload and is
// activated, the clinic's settings are changed and saved on Settings → SMP
// estimator, and a page with the shortcode and one with the block show the
// engine's figures (`smp-quote --config`) for those settings and their own
// overrides. Consultation requests go through the widget into the
// plugin's REST route and table, reach the admin address (a must-use plugin
// captures mail on `pre_wp_mail`: nothing is sent) and the list, the CSV,
// WordPress's privacy tools and the funnel counts; the route refuses what it
// must, each case from its own 127.0.0.N address. Everything it starts is
// stopped and its folder removed, also when a test fails.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
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

/**
 * The rows `statement` answers in `database`, each an array of its columns,
 * from the mariadb client itself: what is really stored, with no WordPress
 * (or its caches) in between. `--raw`: values as stored (JSON's `\/` stays
 * one backslash); none of ours holds a tab or a line break.
 */
const sqlRows = (database, statement) =>
  execFileSync('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '--batch', '--raw', '--skip-column-names', database, '-e', statement], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t'));

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

/** A test site's wp-config.php: its database on our MariaDB, no outgoing HTTP, no cron; `extra` goes before wp-settings.php. */
async function writeConfig(site, database, extra) {
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
${extra}
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
}

/** A fresh WordPress in `scratch`, its database, and php -S serving it. */
async function installWordPress(version) {
  const site = join(scratch, `wp-${version.name}`);
  const database = `wp_${version.name.replace('.', '_')}`;
  await version.unpack(site);
  sql(`CREATE DATABASE ${database}`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  await writeConfig(site, database, `define( 'WP_HOME', '${url}' );\ndefine( 'WP_SITEURL', '${url}' );`);
  // Mail is captured, never sent: every wp_mail() call is appended to a
  // file (pre_wp_mail short-circuits WordPress's mailer).
  await mkdir(join(site, 'wp-content', 'mu-plugins'), { recursive: true });
  await writeFile(
    join(site, 'wp-content', 'mu-plugins', 'smp-test-mail.php'),
    `<?php
add_filter( 'pre_wp_mail', function ( $result, $atts ) {
	file_put_contents( WP_CONTENT_DIR . '/smp-test-mail.jsonl', wp_json_encode( $atts ) . "\\n", FILE_APPEND | LOCK_EX );
	return true;
}, 10, 2 );
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
  return { site, url, database, pages: installed };
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


/** smp-quote's output for `args` (the engine's own figures and settings). */
function smpQuote(args) {
  const binary = process.env.SMP_QUOTE;
  return binary
    ? execFileSync(binary, args, { encoding: 'utf8' })
    : execFileSync('cargo', ['run', '--quiet', '--bin', 'smp-quote', '--', ...args], { cwd: repo, encoding: 'utf8' });
}

/**
 * The clinic of these tests: the engine's full settings with pounds, a
 * graft price of its own and a clinic name that tries to end the inline
 * <script>. Written straight into the option, so a test that needs saved
 * settings does not depend on the settings page's test before it.
 */
async function useClinicSettings(wp) {
  const settings = JSON.parse(smpQuote(['config']));
  settings.currency = 'GBP';
  settings.clinic_name = HOSTILE_NAME;
  const graft = settings.transplant.price_per_graft;
  graft.typical = graft.typical < graft.max ? graft.typical + 1 : graft.typical - 1;
  const encoded = Buffer.from(JSON.stringify(settings)).toString('base64');
  await wpPhp(wp.site, `update_option( 'smp_estimator_settings', wp_json_encode( json_decode( base64_decode( '${encoded}' ) ) ), false );`);
  return JSON.parse(await wpPhp(wp.site, "echo get_option( 'smp_estimator_settings' );"));
}

/** Sets the plugin's request options (mode, notify, retention_months, counts) as the settings page stores them. */
async function useRequestOptions(wp, options) {
  const encoded = Buffer.from(JSON.stringify(options)).toString('base64');
  await wpPhp(wp.site, `update_option( 'smp_estimator_requests', array_merge( smp_estimator_requests_options(), json_decode( base64_decode( '${encoded}' ), true ) ) );`);
}

/** The administrator's tab, logged in (again if the session is gone). */
async function adminTab(tab, url) {
  await tab.goto(`${url}/wp-admin/`);
  if (tab.url().includes('wp-login.php')) await logIn(tab, url);
  return tab;
}

/** Mail captured by the must-use plugin, oldest first. */
async function mails(wp) {
  const file = join(wp.site, 'wp-content', 'smp-test-mail.jsonl');
  if (!existsSync(file)) return [];
  return (await readFile(file, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

/** Rows of the requests table (SQL `where`, trusted test text). */
async function storedRequests(wp, where = '1=1') {
  return JSON.parse(await wpPhp(wp.site, `global $wpdb; echo wp_json_encode( $wpdb->get_results( "SELECT * FROM {$wpdb->prefix}smp_estimator_requests WHERE ${where} ORDER BY id", ARRAY_A ) );`));
}

/**
 * POSTs `body` (text) to `url` from the loopback address `from`
 * (127.0.0.N): php -S sees that as REMOTE_ADDR, so each case has a rate
 * limit of its own. Answers { status, headers, json }.
 */
function postFrom(from, url, body, contentType = 'application/json') {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', localAddress: from, headers: { 'content-type': contentType } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => {
        let json = null;
        try {
          json = JSON.parse(text);
        } catch {}
        resolve({ status: response.statusCode, headers: response.headers, text, json });
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * A consultation request as the widget sends it, for `pattern` with the
 * engine's quote for `settingsFile`, from a visitor who took 6 s.
 */
function requestBody({ name, email = null, phone = null, pattern = 'norwood-4', settingsFile, consent = true }) {
  const quote = engineQuote({ pattern }, settingsFile);
  return {
    contact: { name, email, phone, contact_time: 'morning' },
    consent: { given: consent, text: 'I agree that the clinic may contact me about this estimate.' },
    input: quote.input,
    quote,
    page: 'http://127.0.0.1/smp-price/',
    campaign: { utm_source: 'newsletter' },
    bot_check: { leave_empty: '', fill_ms: 6000 },
  };
}

/** A small CSV reader (quoted fields, doubled quotes, CRLF or LF). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/**
 * A visitor sends a consultation request through the widget on `path`.
 * The page's clock is Playwright's: the visitor takes 5 s to fill in the
 * form (the plugin refuses a form filled in under 3 s) without the test
 * waiting for it. Answers the POST the widget made.
 */
async function sendThroughWidget(visitor, { name, contact, openLabel = /Request a consultation|Leave your details/, sendLabel = 'Send request' }) {
  const root = '[data-smp-estimator]';
  await visitor.locator(`${root} [data-figure="smp-cost-typical"]`).first().waitFor();
  await visitor.locator(root).getByRole('button', { name: openLabel }).click();
  const field = (fieldName) => visitor.locator(`${root} .smp-lead-form [name="${fieldName}"]`);
  await field('name').fill(name);
  await field('contact').fill(contact);
  await field('contact_time').selectOption('evening');
  await field('consent').check();
  await visitor.clock.fastForward(5000);
  const [post] = await Promise.all([
    visitor.waitForRequest((request) => request.method() === 'POST' && request.url().includes('smp-estimator/v1/requests')),
    visitor.locator(root).getByRole('button', { name: sendLabel }).click(),
  ]);
  await visitor.locator(`${root} [data-figure="lead-status"]`).waitFor();
  return post;
}

// SMP_WP_VERSION=6.1 runs one version only, while working on the plugin.
for (const version of versions.filter(({ name }) => !process.env.SMP_WP_VERSION || name === process.env.SMP_WP_VERSION)) {
  describe(`WordPress ${version.name}`, () => {
    let wp;
    let context;
    let tab;
    const shot = (name) => join(artifacts, `wordpress-${version.name}-${name}.png`);

    before(async () => {
      wp = await installWordPress(version);
      context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      tab = await context.newPage();
      // WordPress asks before erasing personal data and deleting a plugin.
      tab.on('dialog', (dialog) => dialog.accept().catch(() => {}));
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
      const saved = JSON.parse(await wpPhp(wp.site, "echo get_option( 'smp_estimator_settings' );"));
      assert.equal(saved.currency, 'GBP');
      assert.equal(saved.transplant.price_per_graft.typical, newGraftPrice);
      assert.equal(saved.clinic_name, HOSTILE_NAME);
      // Read only on pages with a widget: not loaded on every request.
      const autoload = await wpPhp(wp.site, "global $wpdb; echo $wpdb->get_var( \"SELECT autoload FROM {$wpdb->options} WHERE option_name = 'smp_estimator_settings'\" );");
      assert.ok(['no', 'off'].includes(autoload), `autoload is ${autoload}`);
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

    test('the settings page stores the settings with autoload off, also over an option stored autoloaded, so other pages never load them', async () => {
      // Checked with the mariadb client: the row as stored, not what WordPress reports.
      const stored = () => sqlRows(wp.database, "SELECT autoload, option_value FROM wp_options WHERE option_name = 'smp_estimator_settings'");
      const saveWith = async (currency) => {
        await adminTab(tab, wp.url);
        await tab.goto(`${wp.url}/wp-admin/options-general.php?page=smp-estimator`);
        await tab.locator('#smp-estimator-setup-status').getByText('Ready to save').waitFor({ timeout: 20000 });
        await tab.frameLocator('#smp-estimator-setup').locator('#f-currency').selectOption(currency);
        await until('the form\'s settings in the field', async () => JSON.parse(await tab.inputValue('#smp-estimator-settings-json')).currency === currency);
        await Promise.all([tab.waitForURL(/smp-estimator-saved=saved/), tab.click('#smp-estimator-save')]);
        const rows = stored();
        assert.equal(rows.length, 1);
        const [[autoload, value]] = rows;
        assert.equal(JSON.parse(value).currency, currency);
        // 'no' up to WordPress 6.5, 'off' from 6.6.
        assert.ok(['no', 'off'].includes(autoload), `saved with ${currency}: autoload is ${autoload}`);
      };
      // A site saving for the first time (the option is created by the save).
      sql(`DELETE FROM ${wp.database}.wp_options WHERE option_name = 'smp_estimator_settings'`);
      await saveWith('EUR');
      // An option stored autoloaded (a restore or a migration tool that
      // autoloads whatever it writes): the next save takes it out.
      sql(`UPDATE ${wp.database}.wp_options SET autoload = 'yes' WHERE option_name = 'smp_estimator_settings'`);
      assert.equal(stored()[0][0], 'yes');
      await saveWith('GBP');
      // What that means: a request's first load of options, the one every page makes, leaves them out.
      assert.equal(await wpPhp(wp.site, "echo array_key_exists( 'smp_estimator_settings', wp_load_alloptions() ) ? 'loaded' : 'not loaded';"), 'not loaded');
    });

    test('a refused POST keeps what was sent and says why; no nonce, no save', async () => {
      const saved = await useClinicSettings(wp);
      await adminTab(tab, wp.url);
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
      assert.equal(response.status(), 403);
      assert.match(await response.text(), /The link you followed has expired\./);
      const after = JSON.parse(await wpPhp(wp.site, "echo get_option( 'smp_estimator_settings' );"));
      assert.deepEqual(after, saved);
    });

    test('the shortcode page shows the engine\'s figures for the saved settings', async () => {
      const saved = await useClinicSettings(wp);
      await adminTab(tab, wp.url);
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
      const saved = await useClinicSettings(wp);
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
      const saved = await useClinicSettings(wp);
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

    // Consultation requests: what a clinic that changes nothing receives.

    test('a visitor\'s request through the widget on the shortcode page is stored, mailed to the admin address and listed with its pattern and price, a hostile name as text', async () => {
      const saved = await useClinicSettings(wp);
      await useRequestOptions(wp, { mode: 'wordpress', notify: '', counts: false });
      const settingsFile = join(scratch, `request-${version.name}.json`);
      await writeFile(settingsFile, JSON.stringify(saved));
      const quote = engineQuote({ pattern: 'norwood-5' }, settingsFile);
      const before = (await mails(wp)).length;
      const name = 'Sam <img src=x onerror="window.__pwned=1"> Lee';
      const visitor = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      try {
        const errors = watchErrors(visitor);
        await visitor.clock.install();
        await visitor.goto(`${wp.url}/?page_id=${wp.pages.shortcode}`);
        // On by default: the request goes to this site's own REST route.
        assert.match(await visitor.locator('[data-smp-estimator] script[type="application/json"]').textContent(), /smp-estimator\\\/v1\\\/requests/);
        const post = await sendThroughWidget(visitor, { name, contact: 'sam@example.org' });
        assert.equal((await post.response()).status(), 201);
        assert.equal((await visitor.locator('[data-figure="lead-status"]').innerText()).trim(), `Thank you. ${HOSTILE_NAME} will contact you.`);
        const body = JSON.parse(post.postData());
        assert.equal(body.bot_check.leave_empty, '');
        assert.ok(body.bot_check.fill_ms >= 5000, `fill_ms ${body.bot_check.fill_ms}`);
        assert.ok(Buffer.byteLength(post.postData()) < 16384, `a real request is ${Buffer.byteLength(post.postData())} bytes`);
        assert.deepEqual(errors, []);
      } finally {
        await visitor.close();
      }
      const [row] = await storedRequests(wp, "email = 'sam@example.org'");
      assert.equal(row.name, name);
      assert.equal(row.status, 'new');
      assert.equal(row.pattern, 'norwood-5');
      assert.equal(row.contact_time, 'evening');
      assert.equal(row.currency, 'GBP');
      assert.equal(Number(row.smp_typical), quote.smp.cost.typical);
      assert.equal(Number(row.transplant_typical), quote.transplant.cost.typical);
      assert.match(row.consent_text, /may contact me/);
      // One mail, to the site's admin address only, plain text, the name as typed.
      const sent = (await mails(wp)).slice(before);
      assert.equal(sent.length, 1);
      const [mail] = sent;
      assert.deepEqual([mail.to].flat(), ['admin@clinic.example']);
      assert.ok(!JSON.stringify(mail.to).includes('sam@example.org'), 'never to the visitor');
      assert.ok(mail.headers.some((header) => /^Content-Type: text\/plain/i.test(header)));
      assert.ok(mail.subject.includes(name));
      assert.ok(mail.message.includes(`Name: ${name}`), mail.message);
      assert.ok(mail.message.includes(`SMP estimate: GBP ${quote.smp.cost.typical.toLocaleString('en-US')}`), mail.message);
      // The engine's name for the pattern, as the widget shows it, not its id.
      assert.ok(mail.message.includes('Pattern: Norwood V\n'), mail.message);
      assert.ok(mail.message.includes(`${wp.url}/wp-admin/admin.php?page=smp-estimator-requests&request=${row.id}`), mail.message);
      // The list: newest first, the name as text (no element made of it).
      await adminTab(tab, wp.url);
      await tab.goto(`${wp.url}/wp-admin/admin.php?page=smp-estimator-requests`);
      const listed = tab.locator('#the-list tr').first();
      assert.equal(await listed.locator('.row-title').innerText(), name);
      assert.equal(await tab.locator('#the-list img').count(), 0);
      assert.equal(await tab.evaluate(() => window.__pwned), undefined);
      assert.equal((await listed.locator('td.column-pattern').innerText()).trim(), 'Norwood V');
      assert.equal((await listed.locator('td.column-smp').innerText()).trim(), `GBP ${quote.smp.cost.typical.toLocaleString('en-US')}`);
      // The menu counts the new requests.
      const newCount = (await storedRequests(wp, "status = 'new'")).length;
      assert.equal((await tab.locator('#toplevel_page_smp-estimator-requests .pending-count').first().innerText()).trim(), String(newCount));
      await tab.screenshot({ path: shot('requests-1280'), fullPage: true });
      await tab.setViewportSize({ width: 390, height: 844 });
      await tab.screenshot({ path: shot('requests-390'), fullPage: true });
      // On a phone WordPress shows the name only; the row's toggle opens the rest, the pattern by its name.
      assert.equal(await listed.locator('button.toggle-row').count(), 1, 'one "Show more details" button a row');
      await listed.locator('button.toggle-row').click();
      assert.ok(await listed.locator('td.column-pattern').isVisible());
      assert.equal((await listed.locator('td.column-pattern').innerText()).trim(), 'Norwood V');
      await tab.screenshot({ path: shot('requests-390-open'), fullPage: true });
      await tab.setViewportSize({ width: 1280, height: 900 });
      // The request's own page, reached from the mail's link.
      await tab.goto(`${wp.url}/wp-admin/admin.php?page=smp-estimator-requests&request=${row.id}`);
      assert.equal(await tab.locator('.smp-estimator-request h1').innerText(), name);
      assert.equal(await tab.locator('.smp-estimator-request img').count(), 0);
      assert.match(await tab.locator('.smp-estimator-request').innerText(), /utm_source=newsletter|Campaign/);
      assert.equal((await tab.locator('.smp-estimator-request tr', { hasText: /^\s*Pattern/ }).locator('td').innerText()).trim(), 'Norwood V');
    });

    test('the clinic changes a status, searches, exports CSV with formulas neutralised and deletes', async () => {
      await useRequestOptions(wp, { mode: 'wordpress' });
      const settingsFile = join(scratch, `list-${version.name}.json`);
      await writeFile(settingsFile, JSON.stringify(await useClinicSettings(wp)));
      const endpoint = await wpPhp(wp.site, "echo rest_url( 'smp-estimator/v1/requests' );");
      const formula = '=HYPERLINK("https://evil.example","Click")';
      for (const [from, body] of [
        ['127.0.0.21', requestBody({ name: formula, phone: '+44 20 7946 0958', settingsFile })],
        ['127.0.0.22', requestBody({ name: 'Ben Search', email: 'ben.search@example.org', pattern: 'norwood-3', settingsFile })],
      ]) {
        const answer = await postFrom(from, endpoint, JSON.stringify(body));
        assert.equal(answer.status, 201, answer.text);
      }
      const [ana] = await storedRequests(wp, "phone = '+44 20 7946 0958'");
      const [ben] = await storedRequests(wp, "email = 'ben.search@example.org'");
      await adminTab(tab, wp.url);
      // One request's status, on its page.
      await tab.goto(`${wp.url}/wp-admin/admin.php?page=smp-estimator-requests&request=${ben.id}`);
      await tab.locator('#smp-estimator-status').selectOption('booked');
      await Promise.all([tab.waitForURL(/smp-done=status/), tab.getByRole('button', { name: 'Update status' }).click()]);
      assert.equal((await storedRequests(wp, `id = ${ben.id}`))[0].status, 'booked');
      // A bulk action on the list.
      await tab.goto(`${wp.url}/wp-admin/admin.php?page=smp-estimator-requests`);
      await tab.locator(`#request-${ana.id}`).check();
      await tab.locator('#bulk-action-selector-top').selectOption('mark-contacted');
      await Promise.all([tab.waitForURL(/smp-done=marked-1/), tab.locator('#doaction').click()]);
      assert.equal((await storedRequests(wp, `id = ${ana.id}`))[0].status, 'contacted');
      assert.match(await tab.locator(`#the-list tr:has(#request-${ana.id}) td.column-status`).innerText(), /Contacted/);
      // Search.
      await tab.locator('#smp-estimator-search-search-input').fill('ben.search@');
      await Promise.all([tab.waitForURL(/[?&]s=ben\.search/), tab.locator('#search-submit').click()]);
      assert.deepEqual(await tab.locator('#the-list .row-title').allInnerTexts(), ['Ben Search']);
      // The list shows pattern names, so a search for a name finds its requests.
      await tab.locator('#smp-estimator-search-search-input').fill('norwood iii');
      await Promise.all([tab.waitForURL(/[?&]s=norwood/), tab.locator('#search-submit').click()]);
      assert.ok((await tab.locator('#the-list .row-title').allInnerTexts()).includes('Ben Search'));
      assert.ok(!(await tab.locator('#the-list .row-title').allInnerTexts()).includes(formula), 'norwood-4 is not Norwood III');
      assert.match(await tab.locator(`#the-list tr:has(#request-${ben.id}) td.column-pattern`).innerText(), /^\s*Norwood III\s*$/);
      // The status views.
      await tab.goto(`${wp.url}/wp-admin/admin.php?page=smp-estimator-requests&status=booked`);
      assert.ok((await tab.locator('#the-list .row-title').allInnerTexts()).includes('Ben Search'));
      assert.ok(!(await tab.locator('#the-list .row-title').allInnerTexts()).includes(formula));
      // CSV of everything: a cell starting with = + - @ tab or CR starts with an apostrophe.
      await tab.goto(`${wp.url}/wp-admin/admin.php?page=smp-estimator-requests`);
      const exported = await tab.request.get(await tab.locator('#smp-estimator-export').getAttribute('href'));
      assert.equal(exported.status(), 200);
      assert.match(exported.headers()['content-type'], /^text\/csv/);
      assert.match(exported.headers()['content-disposition'], /attachment; filename="consultation-requests-/);
      const rows = parseCsv((await exported.text()).replace(/^\uFEFF/, ''));
      const header = rows[0];
      const byId = (id) => rows.find((r) => r[header.indexOf('id')] === String(id));
      assert.equal(byId(ana.id)[header.indexOf('name')], `'${formula}`);
      assert.equal(byId(ana.id)[header.indexOf('phone')], "'+44 20 7946 0958");
      assert.equal(byId(ben.id)[header.indexOf('name')], 'Ben Search');
      assert.equal(byId(ben.id)[header.indexOf('pattern')], 'norwood-3');
      assert.equal(byId(ben.id)[header.indexOf('pattern_name')], 'Norwood III');
      assert.equal(byId(ben.id)[header.indexOf('status')], 'booked');
      for (const cell of rows.slice(1).flat()) assert.ok(!/^[=+\-@\t\r]/.test(cell), `a formula cell: ${cell}`);
      // CSV of a selection.
      await tab.locator(`#request-${ben.id}`).check();
      await tab.locator('#bulk-action-selector-top').selectOption('export');
      const [download] = await Promise.all([tab.waitForEvent('download'), tab.locator('#doaction').click()]);
      const selection = parseCsv((await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, ''));
      assert.deepEqual(selection.slice(1).map((r) => r[0]), [String(ben.id)]);
      // Delete, from the row's own action.
      await tab.goto(`${wp.url}/wp-admin/admin.php?page=smp-estimator-requests`);
      const row = tab.locator(`#the-list tr:has(#request-${ana.id})`);
      await row.hover();
      await Promise.all([tab.waitForURL(/smp-done=deleted-1/), row.locator('.row-actions .delete a').click()]);
      assert.deepEqual(await storedRequests(wp, `id = ${ana.id}`), []);
      assert.equal(await tab.locator(`#request-${ana.id}`).count(), 0);
      // A delete link without its nonce deletes nothing.
      const forged = await tab.request.get(`${wp.url}/wp-admin/admin.php?page=smp-estimator-requests&action=delete&request=${ben.id}`, { maxRedirects: 0 });
      assert.equal(forged.status(), 403);
      assert.match(await forged.text(), /The link you followed has expired\./);
      assert.equal((await storedRequests(wp, `id = ${ben.id}`)).length, 1);
    });

    test('Tools → Export Personal Data finds a visitor\'s request by email, and Erase Personal Data removes it', async () => {
      await useRequestOptions(wp, { mode: 'wordpress' });
      const settingsFile = join(scratch, `privacy-${version.name}.json`);
      await writeFile(settingsFile, JSON.stringify(await useClinicSettings(wp)));
      const endpoint = await wpPhp(wp.site, "echo rest_url( 'smp-estimator/v1/requests' );");
      const email = `priya.${version.name.replace('.', '')}@example.org`;
      const answer = await postFrom('127.0.0.31', endpoint, JSON.stringify(requestBody({ name: 'Priya Privacy', email, pattern: 'ludwig-2', settingsFile })));
      assert.equal(answer.status, 201, answer.text);
      await adminTab(tab, wp.url);
      const addRequest = async (page) => {
        await tab.goto(`${wp.url}/wp-admin/${page}`);
        await tab.locator('#username_or_email_for_privacy_request').fill(email);
        if (await tab.locator('#send_confirmation_email').count()) await tab.locator('#send_confirmation_email').uncheck();
        await tab.locator('#submit').click();
        const row = tab.locator('#the-list tr', { hasText: email });
        await row.waitFor();
        await row.hover();
        return row;
      };
      const exportRow = await addRequest('export-personal-data.php');
      // The row action "Download personal data" (WordPress offers it before the visitor confirms).
      const [download] = await Promise.all([tab.waitForEvent('download'), exportRow.locator('.row-actions .export-personal-data-idle button').click()]);
      const zip = join(scratch, `export-${version.name}.zip`);
      await download.saveAs(zip);
      const exported = execFileSync('unzip', ['-p', zip], { encoding: 'utf8' });
      assert.match(exported, /Consultation requests/);
      assert.match(exported, /Priya Privacy/);
      // The pattern by the widget's name for it.
      assert.match(exported, /<th>Pattern<\/th><td>Ludwig II<\/td>/);
      // The suggested text for the privacy policy.
      await tab.goto(`${wp.url}/wp-admin/privacy-policy-guide.php`);
      assert.match(await tab.locator('#wpbody-content').textContent(), /When you ask for a consultation through our price estimator, we store your name/);
      await addRequest('erase-personal-data.php');
      // "Erase personal data" (a request the administrator made is confirmed at once).
      await tab.locator('#the-list tr', { hasText: email }).locator('.remove-personal-data-idle button').first().click();
      await until('the request erased', async () => (await storedRequests(wp, `email = '${email}'`)).length === 0);
    });

    test('the settings page sends notifications to the clinic\'s addresses, sends requests to the clinic\'s own endpoint, or turns them off', async () => {
      const saved = await useClinicSettings(wp);
      await useRequestOptions(wp, { mode: 'wordpress', notify: '' });
      const settingsFile = join(scratch, `modes-${version.name}.json`);
      await writeFile(settingsFile, JSON.stringify(saved));
      await adminTab(tab, wp.url);
      const saveRequestSettings = async (change) => {
        await tab.goto(`${wp.url}/wp-admin/options-general.php?page=smp-estimator`);
        await change();
        await Promise.all([tab.waitForURL(/settings-updated=true/), tab.locator('#smp-estimator-requests-save').click()]);
      };
      const inline = async () => {
        const html = await (await fetch(`${wp.url}/?page_id=${wp.pages.shortcode}`)).text();
        const json = html.match(/<div data-smp-estimator[^>]*><script type="application\/json">(.*?)<\/script>/s)[1];
        return JSON.parse(json);
      };
      const endpoint = await wpPhp(wp.site, "echo rest_url( 'smp-estimator/v1/requests' );");
      // Notifications to the clinic's own addresses; a wrong one is named and left out.
      await saveRequestSettings(() => tab.locator('#smp-estimator-notify').fill('front@clinic.example, not an address, owner@clinic.example'));
      assert.match(await tab.locator('.notice, .settings-error').allInnerTexts().then((texts) => texts.join('\n')), /"not an address" is not an email address/);
      const before = (await mails(wp)).length;
      assert.equal((await postFrom('127.0.0.71', endpoint, JSON.stringify(requestBody({ name: 'Nora Notify', email: 'nora@example.org', settingsFile })))).status, 201);
      const sent = (await mails(wp)).slice(before);
      assert.deepEqual(sent.map((mail) => [mail.to].flat()), [['front@clinic.example', 'owner@clinic.example']]);
      // The clinic's own endpoint (the settings' lead), as outside WordPress.
      const own = { ...saved, lead: { endpoint: 'https://crm.clinic.example/leads', email: null, consent: 'I agree that Northside may call me.' } };
      await wpPhp(wp.site, `update_option( 'smp_estimator_settings', wp_json_encode( json_decode( base64_decode( '${Buffer.from(JSON.stringify(own)).toString('base64')}' ) ) ), false );`);
      assert.equal((await inline()).lead.endpoint, endpoint, 'stored here by default, the wording kept');
      assert.equal((await inline()).lead.consent, 'I agree that Northside may call me.');
      await saveRequestSettings(() => tab.locator('input[name="smp_estimator_requests[mode]"][value="own"]').check());
      assert.equal((await inline()).lead.endpoint, 'https://crm.clinic.example/leads');
      assert.equal((await postFrom('127.0.0.72', endpoint, JSON.stringify(requestBody({ name: 'Otto Own', email: 'otto@example.org', settingsFile })))).status, 404, 'no route while requests go elsewhere');
      // Off: no form, no route.
      await saveRequestSettings(() => tab.locator('input[name="smp_estimator_requests[mode]"][value="off"]').check());
      assert.equal((await inline()).lead, null);
      assert.equal((await postFrom('127.0.0.73', endpoint, JSON.stringify(requestBody({ name: 'Olga Off', email: 'olga@example.org', settingsFile })))).status, 404);
      const visitor = await browser.newPage();
      try {
        await visitor.goto(`${wp.url}/?page_id=${wp.pages.shortcode}`);
        await visitor.locator('[data-smp-estimator] [data-figure="smp-cost-typical"]').first().waitFor();
        await visitor.locator('[data-smp-estimator] .smp-tools').first().waitFor();
        assert.equal(await visitor.locator('[data-smp-estimator] .smp-lead').count(), 0);
      } finally {
        await visitor.close();
        await useRequestOptions(wp, { mode: 'wordpress', notify: '' });
      }
    });

    test('the route refuses no consent, 40 KB, malformed JSON, the honeypot, a hurried form and a burst (429 with Retry-After), storing nothing', async () => {
      await useRequestOptions(wp, { mode: 'wordpress' });
      const settingsFile = join(scratch, `refusals-${version.name}.json`);
      await writeFile(settingsFile, JSON.stringify(await useClinicSettings(wp)));
      const endpoint = await wpPhp(wp.site, "echo rest_url( 'smp-estimator/v1/requests' );");
      const stored = (await storedRequests(wp)).length;
      const mailed = (await mails(wp)).length;
      const valid = () => requestBody({ name: 'Refused Visitor', email: 'refused@example.org', settingsFile });
      const cases = [
        ['no consent', '127.0.0.41', JSON.stringify({ ...valid(), consent: { given: false, text: 'I agree.' } }), 400, 'smp_estimator_invalid', /consent\.given/],
        ['40 KB', '127.0.0.42', JSON.stringify({ ...valid(), padding: 'x'.repeat(40 * 1024) }), 413, 'smp_estimator_too_large', /at most 16,384/],
        ['malformed JSON', '127.0.0.43', '{"contact": {"name": "Half', 400, null, /JSON/],
        ['the honeypot', '127.0.0.44', JSON.stringify({ ...valid(), bot_check: { leave_empty: 'http://spam.example', fill_ms: 9000 } }), 400, 'smp_estimator_bot', /leave_empty/],
        ['a form filled in 0.4 s', '127.0.0.45', JSON.stringify({ ...valid(), bot_check: { leave_empty: '', fill_ms: 400 } }), 400, 'smp_estimator_bot', /fill_ms/],
        ['a name of 101 characters', '127.0.0.46', JSON.stringify({ ...valid(), contact: { ...valid().contact, name: 'x'.repeat(101) } }), 400, 'smp_estimator_invalid', /contact\.name/],
        ['neither email nor phone', '127.0.0.47', JSON.stringify({ ...valid(), contact: { ...valid().contact, email: null } }), 400, 'smp_estimator_invalid', /contact: must have an email or a phone/],
      ];
      for (const [what, from, body, status, code, message] of cases) {
        const answer = await postFrom(from, endpoint, body);
        assert.equal(answer.status, status, `${what}: ${answer.text}`);
        assert.ok(answer.json && typeof answer.json.message === 'string', `${what}: a JSON message, got ${answer.text}`);
        if (code) assert.equal(answer.json.code, code, what);
        assert.match(answer.json.message, message, what);
      }
      // A burst from one address: the first five are answered, the sixth waits.
      const burst = [];
      for (let i = 0; i < 6; i += 1) burst.push(await postFrom('127.0.0.48', endpoint, JSON.stringify({ ...valid(), consent: { given: false, text: 'x' } })));
      assert.deepEqual(burst.map((a) => a.status), [400, 400, 400, 400, 400, 429]);
      const retry = Number(burst[5].headers['retry-after']);
      assert.ok(retry > 0 && retry <= 600, `Retry-After ${burst[5].headers['retry-after']}`);
      assert.equal(burst[5].json.code, 'smp_estimator_too_many');
      // Another address is not held back by that one.
      assert.equal((await postFrom('127.0.0.49', endpoint, JSON.stringify({ ...valid(), consent: { given: false, text: 'x' } }))).status, 400);
      assert.equal((await storedRequests(wp)).length, stored, 'nothing stored');
      assert.equal((await mails(wp)).length, mailed, 'nothing mailed');
      // The limit keeps a salted hash, never the address.
      const transients = await wpPhp(wp.site, "global $wpdb; echo wp_json_encode( $wpdb->get_results( \"SELECT option_name, option_value FROM {$wpdb->options} WHERE option_name LIKE '%smp_est_rate%'\" ) );");
      assert.match(transients, /smp_est_rate_request_[0-9a-f]{32}/);
      assert.ok(!transients.includes('127.0.0.'), transients);
    });

    test('the widget keeps what was typed and says so kindly when the site refuses (429), in the visitor\'s language', async () => {
      await useRequestOptions(wp, { mode: 'wordpress' });
      await useClinicSettings(wp);
      // This browser's address (127.0.0.1) has used up its requests.
      await wpPhp(wp.site, "$_SERVER['REMOTE_ADDR'] = '127.0.0.1'; for ( $i = 0; $i < 5; $i++ ) { smp_estimator_rate_limited( 'request', SMP_ESTIMATOR_RATE_LIMIT ); }");
      const german = await wpPhp(
        wp.site,
        `echo wp_insert_post( array( 'post_type' => 'page', 'post_status' => 'publish', 'post_title' => 'SMP Preis', 'post_content' => '[smp_estimator lang="de" pattern="norwood-4"]' ) );`,
      );
      const visitor = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
      try {
        await visitor.clock.install();
        await visitor.goto(`${wp.url}/?page_id=${german}`);
        const post = await sendThroughWidget(visitor, { name: 'Jonas Becker', contact: '+49 30 1234567', openLabel: 'Beratung anfragen', sendLabel: 'Anfrage senden' });
        assert.equal((await post.response()).status(), 429);
        const status = visitor.locator('[data-figure="lead-status"]');
        assert.equal(
          (await status.innerText()).trim(),
          'Ihre Anfrage wurde nicht gesendet: Von Ihrer Verbindung kamen in den letzten Minuten zu viele Anfragen, warten Sie daher bitte einige Minuten. Ihre Angaben sind noch vorhanden; bitte versuchen Sie es erneut.',
        );
        const field = (name) => visitor.locator(`[data-smp-estimator] .smp-lead-form [name="${name}"]`);
        assert.equal(await field('name').inputValue(), 'Jonas Becker');
        assert.equal(await field('contact').inputValue(), '+49 30 1234567');
        assert.equal(await field('consent').isChecked(), true);
        await status.scrollIntoViewIfNeeded();
        await visitor.screenshot({ path: shot('lead-429-1280') });
        await visitor.setViewportSize({ width: 390, height: 844 });
        await status.scrollIntoViewIfNeeded();
        await visitor.screenshot({ path: shot('lead-429-390') });
      } finally {
        await visitor.close();
        await wpPhp(wp.site, "global $wpdb; $wpdb->query( \"DELETE FROM {$wpdb->options} WHERE option_name LIKE '%smp_est_rate%'\" );");
      }
    });

    test('nothing of a request is readable through any REST route or address without logging in', async () => {
      await useRequestOptions(wp, { mode: 'wordpress', counts: true });
      const settingsFile = join(scratch, `private-${version.name}.json`);
      await writeFile(settingsFile, JSON.stringify(await useClinicSettings(wp)));
      const endpoint = await wpPhp(wp.site, "echo rest_url( 'smp-estimator/v1/requests' );");
      const secret = 'Quentin Private';
      assert.equal((await postFrom('127.0.0.51', endpoint, JSON.stringify(requestBody({ name: secret, email: 'quentin.private@example.org', settingsFile })))).status, 201);
      const [row] = await storedRequests(wp, "email = 'quentin.private@example.org'");
      const anonymous = async (path) => {
        const response = await fetch(`${wp.url}${path}`, { redirect: 'manual' });
        return { status: response.status, location: response.headers.get('location') ?? '', text: await response.text() };
      };
      // The plugin's routes take POSTs only; nothing answers a GET with data.
      const index = JSON.parse((await anonymous('/?rest_route=/smp-estimator/v1')).text);
      const routes = Object.entries(index.routes).filter(([route]) => route !== '/smp-estimator/v1');
      assert.deepEqual(routes.map(([route]) => route).sort(), ['/smp-estimator/v1/counts', '/smp-estimator/v1/requests']);
      for (const [route, info] of routes) assert.deepEqual(info.methods, ['POST'], route);
      // WordPress's search page repeats the words searched for; the request's
      // full name and address must appear nowhere.
      for (const path of [
        '/?rest_route=/smp-estimator/v1/requests',
        `/?rest_route=/smp-estimator/v1/requests/${row.id}`,
        '/?rest_route=/smp-estimator/v1/counts',
        `/?rest_route=/wp/v2/search&search=${encodeURIComponent('Quentin')}`,
        `/?s=${encodeURIComponent('Quentin')}`,
        '/?feed=rss2',
        `/wp-admin/admin.php?page=smp-estimator-requests&request=${row.id}`,
        '/wp-admin/admin.php?page=smp-estimator-requests&action=export-all',
        '/wp-admin/admin.php?page=smp-estimator-numbers',
      ]) {
        const answer = await anonymous(path);
        assert.ok(!answer.text.includes(secret) && !answer.text.includes('quentin.private'), `${path} shows the request`);
        if (path.startsWith('/wp-admin/')) assert.match(answer.location, /wp-login\.php/, path);
      }
      assert.equal((await anonymous('/?rest_route=/smp-estimator/v1/requests')).status, 404);
      // The table is the plugin's own: no post type, nothing for WordPress's queries to find.
      assert.equal(await wpPhp(wp.site, "echo count( get_posts( array( 's' => 'Quentin', 'post_type' => 'any', 'post_status' => 'any' ) ) );"), '0');
    });

    test('the funnel counts a visitor\'s journey per week, shown on the dashboard; with the switch off nothing is counted', async () => {
      const settingsFile = join(scratch, `funnel-${version.name}.json`);
      await writeFile(settingsFile, JSON.stringify(await useClinicSettings(wp)));
      const norwood3 = money(engineQuote({ pattern: 'norwood-3' }, settingsFile).smp.cost.typical, 'en-US', 'GBP');
      await useRequestOptions(wp, { mode: 'wordpress', counts: false });
      await wpPhp(wp.site, "global $wpdb; $wpdb->query( \"DELETE FROM {$wpdb->prefix}smp_estimator_counts\" );");
      const counts = async () => JSON.parse(await wpPhp(wp.site, "global $wpdb; echo wp_json_encode( $wpdb->get_results( \"SELECT event, pattern, total FROM {$wpdb->prefix}smp_estimator_counts ORDER BY event, pattern\", ARRAY_A ) );"));
      // The switch, on the settings page.
      await adminTab(tab, wp.url);
      await tab.goto(`${wp.url}/wp-admin/options-general.php?page=smp-estimator`);
      await tab.locator('#smp-estimator-counts').check();
      await Promise.all([tab.waitForURL(/settings-updated=true/), tab.locator('#smp-estimator-requests-save').click()]);
      assert.equal(await wpPhp(wp.site, "echo smp_estimator_requests_options()['counts'] ? 'on' : 'off';"), 'on');
      assert.equal(await wpPhp(wp.site, "echo smp_estimator_requests_options()['mode'];"), 'wordpress');

      const journey = async (beacons) => {
        const visitor = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        // The clinic's booking page, in a tab of its own (a Ctrl-click): served here, no network.
        await visitor.context().route('https://clinic.example/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Book</title>' }));
        visitor.on('request', (request) => {
          if (request.url().includes('smp-estimator/v1/counts')) beacons.push(request.postData());
        });
        await visitor.clock.install();
        await visitor.goto(`${wp.url}/?page_id=${wp.pages.shortcode}`);
        const root = '[data-smp-estimator]';
        await visitor.locator(`${root} [data-figure="smp-cost-typical"]`).first().waitFor();
        // Another pattern, then the booking link, then a request.
        await visitor.locator(`${root} .smp-choice-input[value="norwood-3"]`).check();
        await until('the norwood-3 quote', async () => (await figure(visitor, root, 'smp-cost-typical')) === norwood3);
        const booking = visitor.locator(`${root} a[href^="https://clinic.example/book"]`).first();
        const [booked] = await Promise.all([visitor.context().waitForEvent('page'), booking.click({ modifiers: ['Control'] })]);
        await booked.close();
        await sendThroughWidget(visitor, { name: 'Funnel Visitor', contact: 'funnel@example.org' });
        return visitor;
      };
      const beacons = [];
      const visitor = await journey(beacons);
      await until('the journey counted', async () => (await counts()).length === 4);
      await visitor.close();
      assert.deepEqual(await counts(), [
        { event: 'booking', pattern: 'norwood-3', total: '1' },
        { event: 'estimate', pattern: 'norwood-3', total: '1' },
        { event: 'estimate', pattern: 'norwood-5', total: '1' },
        { event: 'request', pattern: 'norwood-3', total: '1' },
      ]);
      // What left the page: two words each, nothing about the visitor.
      for (const beacon of beacons) assert.match(beacon, /^event=(estimate|booking|request)&pattern=[a-z0-9-]*$/);
      // The dashboard: this week's row and the patterns.
      await tab.goto(`${wp.url}/wp-admin/admin.php?page=smp-estimator-numbers`);
      const week = tab.locator('.smp-estimator-weeks tbody tr').first();
      assert.equal(await week.locator('[data-event="estimate"]').innerText(), '2');
      assert.equal(await week.locator('[data-event="booking"]').innerText(), '1');
      assert.equal(await week.locator('[data-event="request"]').innerText(), '1');
      assert.deepEqual((await tab.locator('.smp-estimator-patterns tbody th').allInnerTexts()).sort(), ['Norwood III', 'Norwood V']);
      assert.equal(await tab.locator('.smp-estimator-chart rect.bar-estimate').count(), 12);
      await tab.screenshot({ path: shot('numbers-1280'), fullPage: true });
      await tab.setViewportSize({ width: 390, height: 844 });
      await tab.screenshot({ path: shot('numbers-390'), fullPage: true });
      await tab.setViewportSize({ width: 1280, height: 900 });

      // Off: no script, no address on the element, the route gone, nothing counted.
      await tab.goto(`${wp.url}/wp-admin/options-general.php?page=smp-estimator`);
      await tab.locator('#smp-estimator-counts').uncheck();
      await Promise.all([tab.waitForURL(/settings-updated=true/), tab.locator('#smp-estimator-requests-save').click()]);
      const before = await counts();
      const quiet = [];
      const offVisitor = await journey(quiet);
      assert.equal(await offVisitor.locator('[data-smp-counts]').count(), 0);
      assert.equal(await offVisitor.locator('script[src*="front/counts.js"]').count(), 0);
      await offVisitor.close();
      assert.deepEqual(quiet, []);
      const direct = await postFrom('127.0.0.61', `${wp.url}/?rest_route=/smp-estimator/v1/counts`, 'event=estimate&pattern=norwood-4', 'application/x-www-form-urlencoded');
      assert.equal(direct.status, 404);
      assert.deepEqual(await counts(), before);
    });

    test('an Author\'s page cannot send enquiries elsewhere; an administrator\'s page still can; a settings file must be on this site', async () => {
      await useRequestOptions(wp, { mode: 'wordpress', counts: false });
      const ids = JSON.parse(
        await wpPhp(
          wp.site,
          `$author = username_exists( 'smp-author' ) ?: wp_insert_user( array( 'user_login' => 'smp-author', 'user_pass' => 'an author password 1', 'user_email' => 'author@clinic.example', 'role' => 'author' ) );
$write = function ( $user, $content ) {
	return wp_insert_post( array( 'post_type' => 'post', 'post_status' => 'publish', 'post_author' => $user, 'post_title' => 'Prices', 'post_content' => $content ) );
};
echo wp_json_encode( array(
	'author'      => $write( $author, '[smp_estimator lead-endpoint="https://elsewhere.example/x" lead_email="thief@elsewhere.example" lead-consent="Yes." config-url="/smp/clinic.json"]' ),
	'authorBlock' => $write( $author, '<!-- wp:smp-estimator/estimator {"lead_endpoint":"https://elsewhere.example/x","config_url":"https://elsewhere.example/c.json"} /-->' ),
	'admin'       => $write( 1, '[smp_estimator lead-endpoint="https://elsewhere.example/x" config-url="https://elsewhere.example/c.json"]' ),
	'adminOwn'    => $write( 1, '[smp_estimator config-url="/wp-content/smp/clinic.json"]' ),
) );`,
        ),
      );
      const html = async (id) => (await fetch(`${wp.url}/?p=${id}`)).text();
      for (const id of [ids.author, ids.authorBlock]) {
        const page = await html(id);
        assert.match(page, /data-smp-estimator/);
        assert.ok(!page.includes('elsewhere.example'), `post ${id} renders the Author's endpoint`);
        assert.ok(!/data-lead-|data-config-url/.test(page), `post ${id}`);
        assert.ok(!page.includes('smp-estimator-notice'), 'visitors see no note');
      }
      const admin = await html(ids.admin);
      assert.match(admin, /data-lead-endpoint="https:\/\/elsewhere\.example\/x"/);
      assert.ok(!admin.includes('c.json'), 'a settings file on another host is ignored, even an administrator\'s');
      assert.match(await html(ids.adminOwn), /data-config-url="\/wp-content\/smp\/clinic\.json"/);
      // Editors see why.
      await adminTab(tab, wp.url);
      await tab.goto(`${wp.url}/?p=${ids.author}`);
      assert.match(await tab.locator('.smp-estimator-notice').first().innerText(), /ignored lead-endpoint, lead-email, lead-consent, config-url\. Where consultation requests go/);
      await tab.goto(`${wp.url}/?p=${ids.admin}`);
      assert.match(await tab.locator('.smp-estimator-notice').first().innerText(), /ignored config-url\. The settings file must be on this site \(127\.0\.0\.1\)/);
    });

    test('requests older than the retention period are deleted by the daily event; an upgrade moves the settings out of autoload', async () => {
      await useRequestOptions(wp, { mode: 'wordpress', retention_months: 12 });
      await useClinicSettings(wp);
      assert.notEqual(await wpPhp(wp.site, "echo (int) wp_next_scheduled( 'smp_estimator_purge' );"), '0', 'the daily event is scheduled');
      const insert = (name, months) =>
        `$wpdb->insert( $wpdb->prefix . 'smp_estimator_requests', array( 'created_at' => gmdate( 'Y-m-d H:i:s', strtotime( '-${months} months' ) ), 'name' => '${name}', 'email' => '${name.toLowerCase()}@example.org', 'consent_text' => 'x', 'input_json' => '{}', 'quote_json' => '{}', 'campaign_json' => '{}' ) );`;
      await wpPhp(wp.site, `global $wpdb; ${insert('Olda', 13)} ${insert('Recenta', 11)} do_action( 'smp_estimator_purge' );`);
      assert.deepEqual(await storedRequests(wp, "name = 'Olda'"), []);
      assert.equal((await storedRequests(wp, "name = 'Recenta'")).length, 1);
      // A site upgraded from the version that autoloaded the settings.
      await wpPhp(wp.site, "global $wpdb; $wpdb->update( $wpdb->options, array( 'autoload' => 'yes' ), array( 'option_name' => 'smp_estimator_settings' ) ); update_option( 'smp_estimator_db_version', '0' );");
      assert.equal((await fetch(`${wp.url}/`)).status, 200);
      assert.equal(await wpPhp(wp.site, "echo get_option( 'smp_estimator_db_version' );"), '1');
      const autoload = await wpPhp(wp.site, "global $wpdb; echo $wpdb->get_var( \"SELECT autoload FROM {$wpdb->options} WHERE option_name = 'smp_estimator_settings'\" );");
      assert.ok(['no', 'off'].includes(autoload), autoload);
      assert.equal((await storedRequests(wp, "name = 'Recenta'")).length, 1, 'the upgrade keeps the requests');
    });

    test('deleting the plugin removes its tables, options, event and transients', async () => {
      await adminTab(tab, wp.url);
      await wpPhp(wp.site, "set_transient( 'smp_est_rate_request_0123456789abcdef0123456789abcdef', array( 'count' => 1, 'until' => time() + 600 ), 600 );");
      await tab.goto(`${wp.url}/wp-admin/plugins.php`);
      const row = tab.locator('tr[data-plugin="smp-estimator/smp-estimator.php"]');
      await row.locator('.deactivate a').click();
      await tab.getByText('Plugin deactivated.').waitFor();
      await row.locator('.delete a').click();
      // 6.5 asks in a dialog and deletes by AJAX; 6.1 may show its own page asking to confirm.
      const confirm = tab.getByRole('button', { name: /Yes, delete these files/ });
      await until('the plugin deleted', async () => {
        if (await confirm.isVisible().catch(() => false)) await confirm.click();
        return !existsSync(join(wp.site, 'wp-content', 'plugins', 'smp-estimator'));
      }).catch(async (error) => {
        const log = await readFile(join(scratch, `php-${version.name}.log`), 'utf8').catch(() => '');
        const why = log.split('\n').filter((line) => line && !line.includes('Deprecated')).slice(-8).join('\n');
        throw new Error(`${error.message}\n${await tab.locator('#wpbody-content').innerText()}\n${why}`);
      });
      const left = JSON.parse(
        await wpPhp(
          wp.site,
          "global $wpdb; echo wp_json_encode( array( 'tables' => $wpdb->get_col( \"SHOW TABLES LIKE '%smp_estimator%'\" ), 'options' => $wpdb->get_col( \"SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE '%smp_est%'\" ), 'event' => wp_next_scheduled( 'smp_estimator_purge' ) ) );",
        ),
      );
      assert.deepEqual(left, { tables: [], options: [], event: false });
    });
  });

  // A network (multisite, sites in sub-folders) in a WordPress of its own,
  // as a clinic group with a site per clinic runs it. Driven in PHP through
  // WordPress's own functions, each call a fresh process on one site's
  // address (as a request to it would be), and read back with the mariadb
  // client.
  describe(`WordPress ${version.name} multisite`, () => {
    const PLUGIN = 'smp-estimator/smp-estimator.php';
    const SITES = ['/', '/clinic-two/', '/clinic-three/', '/clinic-closing/'];
    let network;
    /** Runs `code` with WordPress loaded for the site at `path`. */
    const onSite = (path, code) => wpPhp(network.site, code, `$_SERVER['REQUEST_URI'] = '${path}';`);
    const tables = () => sqlRows(network.database, "SHOW TABLES LIKE '%smp\\_estimator%'").map(([name]) => name).sort();
    /** Per options table: the plugin's rows (options and transients), and whether the daily event is in its cron. */
    const leftovers = (prefixes) =>
      Object.fromEntries(
        prefixes.map((prefix) => [
          prefix,
          {
            options: sqlRows(network.database, `SELECT option_name FROM ${prefix}options WHERE option_name LIKE '%smp\\_est%' ORDER BY option_name`).map(([name]) => name),
            event: sqlRows(network.database, `SELECT COUNT(*) FROM ${prefix}options WHERE option_name = 'cron' AND option_value LIKE '%smp_estimator_purge%'`)[0][0] === '1',
          },
        ]),
      );

    before(async () => {
      const site = join(scratch, `wp-${version.name}-network`);
      const database = `wp_${version.name.replace('.', '_')}_network`;
      await version.unpack(site);
      sql(`CREATE DATABASE ${database}`);
      await writeConfig(site, database, '');
      // One site, then what Network Setup (wp-admin/network.php) does: the network's tables and rows…
      await wpPhp(
        site,
        `require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install( 'Northside Hair Studio', ${JSON.stringify(ADMIN.user)}, 'admin@clinic.example', false, '', ${JSON.stringify(ADMIN.password)} );
update_option( 'siteurl', 'http://localhost' );
update_option( 'home', 'http://localhost' );
foreach ( $wpdb->tables( 'ms_global' ) as $table => $prefixed ) {
	$wpdb->$table = $prefixed;
}
install_network();
$made = populate_network( 1, 'localhost', 'admin@clinic.example', 'Northside clinics', '/', false );
if ( is_wp_error( $made ) ) {
	fwrite( STDERR, $made->get_error_message() );
	exit( 1 );
}`,
        "define( 'WP_INSTALLING', true );\nfunction wp_new_blog_notification() {}",
      );
      // …and the lines it asks for in wp-config.php.
      await writeConfig(
        site,
        database,
        `define( 'MULTISITE', true );
define( 'SUBDOMAIN_INSTALL', false );
define( 'DOMAIN_CURRENT_SITE', 'localhost' );
define( 'PATH_CURRENT_SITE', '/' );
define( 'SITE_ID_CURRENT_SITE', 1 );
define( 'BLOG_ID_CURRENT_SITE', 1 );`,
      );
      execFileSync('unzip', ['-q', zip, '-d', join(site, 'wp-content', 'plugins')]);
      network = { site, database };
    });

    test('deleting the plugin from a network removes its tables, options, events and transients from every site; deleting a site takes its tables', async () => {
      // Three more clinics' sites, and the plugin active on the whole network.
      const ids = JSON.parse(
        await onSite(
          '/',
          `require_once ABSPATH . 'wp-admin/includes/plugin.php';
$ids = array( '/' => get_current_blog_id() );
foreach ( ${JSON.stringify(SITES.slice(1))} as $path ) {
	$id = wp_insert_site( array( 'domain' => 'localhost', 'path' => $path, 'title' => trim( $path, '/' ), 'user_id' => 1 ) );
	if ( is_wp_error( $id ) ) {
		fwrite( STDERR, $id->get_error_message() );
		exit( 1 );
	}
	$ids[ $path ] = $id;
}
$activated = activate_plugin( '${PLUGIN}', '', true );
if ( is_wp_error( $activated ) ) {
	fwrite( STDERR, $activated->get_error_message() );
	exit( 1 );
}
echo wp_json_encode( $ids );`,
        ),
      );
      assert.deepEqual(Object.values(ids), [1, 2, 3, 4]);
      const prefix = (path) => (ids[path] === 1 ? 'wp_' : `wp_${ids[path]}_`);
      // Each site sets its tables up on its first request; then it gets what
      // a clinic's site holds: settings, a visitor's request, a week's
      // numbers and a rate-limit transient.
      for (const path of SITES) {
        const answered = await onSite(
          path,
          `global $wpdb;
update_option( 'smp_estimator_settings', '{"currency":"GBP"}', false );
$wpdb->insert( smp_estimator_requests_table(), array( 'created_at' => gmdate( 'Y-m-d H:i:s' ), 'name' => 'A visitor', 'email' => 'visitor@example.org', 'consent_text' => 'x', 'input_json' => '{}', 'quote_json' => '{}', 'campaign_json' => '{}' ) );
$wpdb->insert( smp_estimator_counts_table(), array( 'week' => gmdate( 'Y-m-d' ), 'event' => 'estimate', 'pattern' => 'norwood-5', 'total' => 1 ) );
set_transient( 'smp_est_rate_request_0123456789abcdef0123456789abcdef', array( 'count' => 1, 'until' => time() + 600 ), 600 );
echo get_current_blog_id();`,
        );
        assert.equal(answered, String(ids[path]), `the request to ${path} reached its own site`);
        assert.deepEqual(sqlRows(network.database, `SELECT name FROM ${prefix(path)}smp_estimator_requests`), [['A visitor']]);
      }
      const prefixes = SITES.map(prefix);
      assert.deepEqual(tables(), prefixes.flatMap((p) => [`${p}smp_estimator_counts`, `${p}smp_estimator_requests`]).sort());
      const stored = {
        options: ['_transient_smp_est_rate_request_0123456789abcdef0123456789abcdef', '_transient_timeout_smp_est_rate_request_0123456789abcdef0123456789abcdef', 'smp_estimator_db_version', 'smp_estimator_requests', 'smp_estimator_settings'],
        event: true,
      };
      assert.deepEqual(leftovers(prefixes), Object.fromEntries(prefixes.map((p) => [p, stored])));

      // Network Admin → Sites → Delete: the site's requests (visitors' names and addresses) go with it.
      await onSite('/', `require_once ABSPATH . 'wp-admin/includes/admin.php'; wpmu_delete_blog( ${ids['/clinic-closing/']}, true );`);
      const closing = prefix('/clinic-closing/');
      assert.deepEqual(sqlRows(network.database, `SHOW TABLES LIKE '${closing.replace(/_/g, '\\_')}%'`), [], 'every table of the deleted site is gone');

      // Network Admin → Plugins: Network Deactivate, then Delete (each its own request, as there).
      await onSite('/', `require_once ABSPATH . 'wp-admin/includes/plugin.php'; deactivate_plugins( '${PLUGIN}', false, true );`);
      const deleted = await onSite('/', `require_once ABSPATH . 'wp-admin/includes/admin.php'; $deleted = delete_plugins( array( '${PLUGIN}' ) ); echo true === $deleted ? 'deleted' : wp_json_encode( $deleted );`);
      assert.equal(deleted, 'deleted');
      assert.ok(!existsSync(join(network.site, 'wp-content', 'plugins', 'smp-estimator')));
      const remaining = prefixes.filter((p) => p !== closing);
      assert.deepEqual(tables(), []);
      assert.deepEqual(leftovers(remaining), Object.fromEntries(remaining.map((p) => [p, { options: [], event: false }])));
    });
  });
}
