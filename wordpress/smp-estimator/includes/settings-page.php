<?php
/**
 * Settings → SMP estimator: the package's setup page (configure.html) in an
 * iframe, which posts its valid settings to this page; a normal form POST
 * with a nonce saves them in the option every widget on the site uses.
 *
 * @package SmpEstimator
 */

defined( 'ABSPATH' ) || exit;

/** What the last POST sent, when it was refused: shown again with its reason. */
$GLOBALS['smp_estimator_refused'] = null;

/** Adds the page and its handlers. */
function smp_estimator_add_settings_page() {
	$hook = add_options_page(
		__( 'SMP estimator', 'smp-estimator' ),
		__( 'SMP estimator', 'smp-estimator' ),
		'manage_options',
		'smp-estimator',
		'smp_estimator_settings_page'
	);
	if ( $hook ) {
		add_action( 'load-' . $hook, 'smp_estimator_save_settings' );
		add_action(
			'admin_enqueue_scripts',
			static function ( $current ) use ( $hook ) {
				if ( $current === $hook ) {
					$base = plugins_url( 'admin/', SMP_ESTIMATOR_FILE );
					wp_enqueue_style( 'smp-estimator-settings', $base . 'settings.css', array(), SMP_ESTIMATOR_VERSION );
					wp_enqueue_script( 'smp-estimator-settings', $base . 'settings.js', array(), SMP_ESTIMATOR_VERSION, true );
				}
			}
		);
	}
}

/**
 * Checks what was sent: a JSON object of at most SMP_ESTIMATOR_MAX_SETTINGS_BYTES,
 * re-encoded. The engine's own checks of every field run in the setup page,
 * in the browser, and again in each widget, which shows any problem by field.
 *
 * @param string $text The settings as sent.
 * @return array{0: string|null, 1: string} The JSON to store ('' to forget the
 *                                           settings) and '' , or null and why not.
 */
function smp_estimator_check_settings( $text ) {
	$bytes = strlen( $text );
	if ( $bytes > SMP_ESTIMATOR_MAX_SETTINGS_BYTES ) {
		return array(
			null,
			sprintf(
				/* translators: 1: size sent in bytes, 2: the limit in bytes. */
				__( 'Settings: %1$s bytes sent, at most %2$s are accepted. Remove the unused reworded messages and save again.', 'smp-estimator' ),
				number_format_i18n( $bytes ),
				number_format_i18n( SMP_ESTIMATOR_MAX_SETTINGS_BYTES )
			),
		);
	}
	if ( '' === trim( $text ) ) {
		return array( '', '' );
	}
	$value = json_decode( $text, false, 64 );
	if ( JSON_ERROR_NONE !== json_last_error() ) {
		/* translators: %s: PHP's description of the JSON error. */
		return array( null, sprintf( __( 'Settings: not valid JSON (%s).', 'smp-estimator' ), json_last_error_msg() ) );
	}
	if ( ! is_object( $value ) ) {
		/* translators: %s: the JSON type that was sent, such as "array" or "string". */
		return array( null, sprintf( __( 'Settings: must be a JSON object such as {"currency": "EUR"}, got a %s.', 'smp-estimator' ), smp_estimator_json_type( $value ) ) );
	}
	return array( wp_json_encode( $value ), '' );
}

/**
 * A JSON value's type in JSON's words.
 *
 * @param mixed $value A decoded value.
 * @return string
 */
function smp_estimator_json_type( $value ) {
	if ( is_array( $value ) ) {
		return 'array';
	}
	if ( is_string( $value ) ) {
		return 'string';
	}
	if ( is_bool( $value ) ) {
		return 'boolean';
	}
	if ( null === $value ) {
		return 'null';
	}
	return 'number';
}

/** Saves a POST of the settings form (before the page is drawn, so it can redirect). */
function smp_estimator_save_settings() {
	if ( ! isset( $_SERVER['REQUEST_METHOD'] ) || 'POST' !== $_SERVER['REQUEST_METHOD'] ) {
		return;
	}
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to change these settings.', 'smp-estimator' ), 403 );
	}
	check_admin_referer( 'smp_estimator_save', 'smp_estimator_nonce' );
	// Unslashed, then decoded and re-encoded by smp_estimator_check_settings: nothing is stored as sent.
	$text                 = isset( $_POST['smp_estimator_settings'] ) ? (string) wp_unslash( $_POST['smp_estimator_settings'] ) : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized
	list( $json, $error ) = smp_estimator_check_settings( $text );
	if ( null === $json ) {
		$GLOBALS['smp_estimator_refused'] = array(
			'text'  => $text,
			'error' => $error,
		);
		return;
	}
	if ( '' === $json ) {
		delete_option( SMP_ESTIMATOR_OPTION );
	} else {
		// Not autoloaded: read only on pages with a widget, it stays out of every other request.
		update_option( SMP_ESTIMATOR_OPTION, $json, false );
	}
	wp_safe_redirect( add_query_arg( 'smp-estimator-saved', '' === $json ? 'cleared' : 'saved', menu_page_url( 'smp-estimator', false ) ) );
	exit;
}

/**
 * The "Consultation requests" part of the page is a settings-API form
 * (options.php checks `manage_options` and its nonce).
 */
function smp_estimator_register_requests_setting() {
	register_setting(
		'smp_estimator_requests',
		SMP_ESTIMATOR_REQUESTS_OPTION,
		array(
			'type'              => 'array',
			'sanitize_callback' => 'smp_estimator_sanitize_requests_options',
			'show_in_rest'      => false,
		)
	);
}

/**
 * Keeps only known choices; every refusal is named on the page.
 *
 * @param mixed $value What the form sent.
 * @return array
 */
function smp_estimator_sanitize_requests_options( $value ) {
	$value   = is_array( $value ) ? $value : array();
	$current = smp_estimator_requests_options();
	$mode    = isset( $value['mode'] ) ? sanitize_key( $value['mode'] ) : $current['mode'];
	$notify  = array();
	foreach ( explode( ',', isset( $value['notify'] ) ? (string) $value['notify'] : '' ) as $address ) {
		$address = trim( $address );
		if ( '' === $address ) {
			continue;
		}
		if ( is_email( $address ) ) {
			$notify[] = $address;
		} else {
			/* translators: %s: what was typed. */
			add_settings_error( SMP_ESTIMATOR_REQUESTS_OPTION, 'notify', sprintf( __( 'Notify: "%s" is not an email address, so it was left out.', 'smp-estimator' ), $address ) );
		}
	}
	$months = isset( $value['retention_months'] ) ? (int) $value['retention_months'] : 12;
	if ( $months < 1 || $months > 120 ) {
		add_settings_error( SMP_ESTIMATOR_REQUESTS_OPTION, 'retention', __( 'Keep requests: must be 1 to 120 months; 12 was kept.', 'smp-estimator' ) );
		$months = 12;
	}
	return array(
		'mode'             => in_array( $mode, array( 'wordpress', 'own', 'off' ), true ) ? $mode : 'wordpress',
		'notify'           => implode( ', ', $notify ),
		'retention_months' => $months,
		'counts'           => ! empty( $value['counts'] ),
	);
}

/** The "Consultation requests" form on Settings → SMP estimator. */
function smp_estimator_requests_form() {
	$options = smp_estimator_requests_options();
	$name    = SMP_ESTIMATOR_REQUESTS_OPTION;
	$modes   = array(
		'wordpress' => __( 'Stored here in WordPress (SMP estimator → Consultation requests) and emailed to you', 'smp-estimator' ),
		'own'       => __( 'Sent to the endpoint or email address in the settings above (your own server or inbox)', 'smp-estimator' ),
		'off'       => __( 'Off: the estimator offers no consultation request', 'smp-estimator' ),
	);
	?>
	<h2 id="smp-estimator-requests-settings"><?php esc_html_e( 'Consultation requests', 'smp-estimator' ); ?></h2>
	<?php if ( 'wordpress' === $options['mode'] && '' === smp_estimator_request_endpoint() ) : ?>
		<div class="notice notice-warning inline"><p><?php esc_html_e( 'This site is served over http://, and the estimator sends visitors\' details only over https://: it offers no consultation request until the site has HTTPS.', 'smp-estimator' ); ?></p></div>
	<?php endif; ?>
	<form method="post" action="options.php" class="smp-estimator-requests-form">
		<?php settings_fields( 'smp_estimator_requests' ); ?>
		<table class="form-table" role="presentation"><tbody>
			<tr>
				<th scope="row"><?php esc_html_e( 'Where requests go', 'smp-estimator' ); ?></th>
				<td><fieldset>
					<legend class="screen-reader-text"><?php esc_html_e( 'Where requests go', 'smp-estimator' ); ?></legend>
					<?php foreach ( $modes as $mode => $label ) : ?>
						<label><input type="radio" name="<?php echo esc_attr( $name ); ?>[mode]" value="<?php echo esc_attr( $mode ); ?>"<?php checked( $options['mode'], $mode ); ?>> <?php echo esc_html( $label ); ?></label><br>
					<?php endforeach; ?>
				</fieldset></td>
			</tr>
			<tr>
				<th scope="row"><label for="smp-estimator-notify"><?php esc_html_e( 'Email new requests to', 'smp-estimator' ); ?></label></th>
				<td>
					<input type="text" id="smp-estimator-notify" class="regular-text" name="<?php echo esc_attr( $name ); ?>[notify]" value="<?php echo esc_attr( $options['notify'] ); ?>" placeholder="<?php echo esc_attr( (string) get_option( 'admin_email' ) ); ?>">
					<p class="description"><?php esc_html_e( 'Addresses separated by commas; empty: the site\'s admin address. The visitor is never emailed.', 'smp-estimator' ); ?></p>
				</td>
			</tr>
			<tr>
				<th scope="row"><label for="smp-estimator-retention"><?php esc_html_e( 'Keep requests for', 'smp-estimator' ); ?></label></th>
				<td>
					<input type="number" id="smp-estimator-retention" class="small-text" min="1" max="120" name="<?php echo esc_attr( $name ); ?>[retention_months]" value="<?php echo esc_attr( $options['retention_months'] ); ?>"> <?php esc_html_e( 'months', 'smp-estimator' ); ?>
					<p class="description"><?php esc_html_e( 'Older requests are deleted once a day.', 'smp-estimator' ); ?></p>
				</td>
			</tr>
			<tr>
				<th scope="row"><?php esc_html_e( 'Visitor numbers', 'smp-estimator' ); ?></th>
				<td>
					<label><input type="checkbox" id="smp-estimator-counts" name="<?php echo esc_attr( $name ); ?>[counts]" value="1"<?php checked( $options['counts'] ); ?>> <?php esc_html_e( 'Count estimates, booking clicks and requests', 'smp-estimator' ); ?></label>
					<p class="description"><?php esc_html_e( 'Weekly totals on SMP estimator → Visitor numbers: estimates shown by pattern, booking-link clicks, requests sent. No cookie, no identifier, no IP address is kept.', 'smp-estimator' ); ?></p>
				</td>
			</tr>
		</tbody></table>
		<?php submit_button( __( 'Save request settings', 'smp-estimator' ), 'secondary', 'submit', true, array( 'id' => 'smp-estimator-requests-save' ) ); ?>
	</form>
	<?php
}

/** Draws Settings → SMP estimator. */
function smp_estimator_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$refused = $GLOBALS['smp_estimator_refused'];
	$saved   = (string) get_option( SMP_ESTIMATOR_OPTION, '' );
	// What the form holds: what was refused (nothing typed is lost), else what is saved.
	$text = null !== $refused ? $refused['text'] : ( '' === $saved ? '' : (string) wp_json_encode( json_decode( $saved ), JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) );
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- only chooses which notice to show.
	$notice = isset( $_GET['smp-estimator-saved'] ) ? sanitize_key( wp_unslash( $_GET['smp-estimator-saved'] ) ) : '';
	$setup  = add_query_arg( 'host', 'wordpress', plugins_url( 'widget/configure.html', SMP_ESTIMATOR_FILE ) );
	?>
	<div class="wrap smp-estimator-settings">
		<h1><?php esc_html_e( 'SMP estimator', 'smp-estimator' ); ?></h1>
		<?php if ( null !== $refused ) : ?>
			<div class="notice notice-error"><p>
				<?php echo esc_html( $refused['error'] ); ?>
				<?php esc_html_e( 'Nothing was saved: the estimators keep the settings saved before. What you sent is kept below, under "Settings as JSON".', 'smp-estimator' ); ?>
			</p></div>
		<?php elseif ( 'saved' === $notice ) : ?>
			<div class="notice notice-success is-dismissible"><p><?php esc_html_e( 'Settings saved. Every estimator on this site now uses them, unless its shortcode or block sets its own.', 'smp-estimator' ); ?></p></div>
		<?php elseif ( 'cleared' === $notice ) : ?>
			<div class="notice notice-success is-dismissible"><p><?php esc_html_e( 'Settings removed. The estimators use the published United States prices until you save your own.', 'smp-estimator' ); ?></p></div>
		<?php endif; ?>

		<p><?php esc_html_e( 'Enter your prices below: the preview and the price sheet show what visitors will see. Then press "Save settings". Every [smp_estimator] shortcode and "SMP estimator" block on this site uses these settings; a shortcode or block can still set its own currency, booking link or preset pattern. Where consultation requests go, and a settings file, only an administrator sets: on this page, or on a page an administrator wrote.', 'smp-estimator' ); ?></p>

		<iframe id="smp-estimator-setup" class="smp-estimator-setup" src="<?php echo esc_url( $setup ); ?>" title="<?php esc_attr_e( 'Your estimator\'s settings', 'smp-estimator' ); ?>"></iframe>

		<form method="post" action="<?php echo esc_url( menu_page_url( 'smp-estimator', false ) ); ?>" class="smp-estimator-save">
			<?php wp_nonce_field( 'smp_estimator_save', 'smp_estimator_nonce' ); ?>
			<p id="smp-estimator-setup-status" class="smp-estimator-status" role="status"></p>
			<details<?php echo null !== $refused ? ' open' : ''; ?>>
				<summary><?php esc_html_e( 'Settings as JSON (filled in by the form above; you can also paste a settings file here)', 'smp-estimator' ); ?></summary>
				<label for="smp-estimator-settings-json" class="screen-reader-text"><?php esc_html_e( 'Settings as JSON', 'smp-estimator' ); ?></label>
				<textarea id="smp-estimator-settings-json" name="smp_estimator_settings" rows="12" class="large-text code" spellcheck="false"><?php echo esc_textarea( $text ); ?></textarea>
			</details>
			<?php submit_button( __( 'Save settings', 'smp-estimator' ), 'primary', 'submit', true, array( 'id' => 'smp-estimator-save' ) ); ?>
		</form>

		<?php smp_estimator_requests_form(); ?>

		<h2><?php esc_html_e( 'Putting the estimator on a page', 'smp-estimator' ); ?></h2>
		<p>
			<?php esc_html_e( 'In the block editor, add the "SMP estimator" block; its settings are in the sidebar. Anywhere else, use the shortcode:', 'smp-estimator' ); ?>
			<code>[smp_estimator]</code>, <code>[smp_estimator pattern="norwood-4" booking-url="https://example.com/book"]</code>
		</p>
	</div>
	<?php
}
