<?php
/**
 * Consultation requests inside WordPress: the plugin's own tables (dbDelta,
 * versioned), the REST route the widget posts a visitor's request to, the
 * checks every request passes again on the server, the notification email
 * and the retention clean-up.
 *
 * @package SmpEstimator
 */

defined( 'ABSPATH' ) || exit;

/** The tables' layout version: raise it with every change to smp_estimator_install()'s CREATE TABLEs. */
define( 'SMP_ESTIMATOR_DB_VERSION', '1' );
/** What the clinic chose on Settings → SMP estimator, "Consultation requests" (an array). */
define( 'SMP_ESTIMATOR_REQUESTS_OPTION', 'smp_estimator_requests' );
/**
 * A request's body is at most this many bytes. A real one (contact, consent,
 * answers and the engine's whole quote with its notes) is 4–7 KB; 16 KB
 * leaves room for long consent wording in any language and little for abuse.
 */
define( 'SMP_ESTIMATOR_MAX_REQUEST_BYTES', 16384 );
/** Requests one address may send in SMP_ESTIMATOR_RATE_WINDOW seconds: a person sends one, perhaps a corrected second. */
define( 'SMP_ESTIMATOR_RATE_LIMIT', 5 );
define( 'SMP_ESTIMATOR_RATE_WINDOW', 600 );
/** Fewer milliseconds than this between opening the form and sending it is a bot: typing a name and an address takes a person several seconds. */
define( 'SMP_ESTIMATOR_MIN_FILL_MS', 3000 );
/** The statuses a request moves through, in order. */
define( 'SMP_ESTIMATOR_STATUSES', array( 'new', 'contacted', 'booked', 'closed' ) );
/** The preferred contact times the widget offers (src/model/lead.rs, CONTACT_TIMES). */
define( 'SMP_ESTIMATOR_CONTACT_TIMES', array( 'any', 'morning', 'afternoon', 'evening' ) );
/** The engine's pattern ids (src/model/pattern.rs). */
define(
	'SMP_ESTIMATOR_PATTERNS',
	array(
		'norwood-1',
		'norwood-2',
		'norwood-2a',
		'norwood-3',
		'norwood-3a',
		'norwood-3v',
		'norwood-4',
		'norwood-4a',
		'norwood-5',
		'norwood-5a',
		'norwood-6',
		'norwood-7',
		'ludwig-1',
		'ludwig-2',
		'ludwig-3',
		'diffuse',
		'alopecia-areata',
		'alopecia-totalis',
		'scar-only',
	)
);
/** The campaign parameters a request carries (docs/embedding.md, "Campaign parameters"). */
define( 'SMP_ESTIMATOR_CAMPAIGN_KEYS', array( 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content' ) );

/**
 * The clinic's choices for requests, with the defaults of a fresh install:
 * requests stored here and mailed to the site's admin address, kept 12
 * months, no counting.
 *
 * @return array{mode: string, notify: string, retention_months: int, counts: bool}
 */
function smp_estimator_requests_options() {
	$defaults = array(
		// 'wordpress': this site's REST route; 'own': the settings' lead endpoint or email; 'off': no form.
		'mode'             => 'wordpress',
		'notify'           => '',
		'retention_months' => 12,
		'counts'           => false,
	);
	$saved    = get_option( SMP_ESTIMATOR_REQUESTS_OPTION, array() );
	return array_merge( $defaults, is_array( $saved ) ? array_intersect_key( $saved, $defaults ) : array() );
}

/**
 * The requests table's name.
 *
 * @return string
 */
function smp_estimator_requests_table() {
	global $wpdb;
	return $wpdb->prefix . 'smp_estimator_requests';
}

/**
 * The weekly counts table's name.
 *
 * @return string
 */
function smp_estimator_counts_table() {
	global $wpdb;
	return $wpdb->prefix . 'smp_estimator_counts';
}

/**
 * Creates or upgrades the tables (dbDelta compares and alters), moves the
 * settings option out of autoload, and schedules the daily clean-up. Runs on
 * activation and whenever the stored layout version differs (an update
 * through the upload form does not activate again; a network-activated
 * plugin reaches each site on its first request).
 */
function smp_estimator_install() {
	global $wpdb;
	require_once ABSPATH . 'wp-admin/includes/upgrade.php';
	$charset  = $wpdb->get_charset_collate();
	$requests = smp_estimator_requests_table();
	$counts   = smp_estimator_counts_table();
	// dbDelta's format: one column a line, two spaces after PRIMARY KEY.
	dbDelta(
		array(
			"CREATE TABLE {$requests} (
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
created_at datetime NOT NULL,
status varchar(20) NOT NULL DEFAULT 'new',
name varchar(200) NOT NULL,
email varchar(254) NOT NULL DEFAULT '',
phone varchar(40) NOT NULL DEFAULT '',
contact_time varchar(20) NOT NULL DEFAULT 'any',
consent_text text NOT NULL,
pattern varchar(40) NOT NULL DEFAULT '',
currency varchar(3) NOT NULL DEFAULT '',
smp_min bigint(20) DEFAULT NULL,
smp_typical bigint(20) DEFAULT NULL,
smp_max bigint(20) DEFAULT NULL,
transplant_min bigint(20) DEFAULT NULL,
transplant_typical bigint(20) DEFAULT NULL,
transplant_max bigint(20) DEFAULT NULL,
input_json text NOT NULL,
quote_json mediumtext NOT NULL,
page varchar(2000) NOT NULL DEFAULT '',
campaign_json text NOT NULL,
PRIMARY KEY  (id),
KEY created_at (created_at),
KEY status (status),
KEY email (email(100))
) {$charset};",
			"CREATE TABLE {$counts} (
week date NOT NULL,
event varchar(20) NOT NULL,
pattern varchar(40) NOT NULL DEFAULT '',
total bigint(20) unsigned NOT NULL DEFAULT 0,
PRIMARY KEY  (week,event,pattern)
) {$charset};",
		)
	);
	smp_estimator_settings_not_autoloaded();
	if ( false === get_option( SMP_ESTIMATOR_REQUESTS_OPTION ) ) {
		add_option( SMP_ESTIMATOR_REQUESTS_OPTION, smp_estimator_requests_options(), '', 'no' );
	}
	if ( ! wp_next_scheduled( 'smp_estimator_purge' ) ) {
		wp_schedule_event( time() + HOUR_IN_SECONDS, 'daily', 'smp_estimator_purge' );
	}
	update_option( 'smp_estimator_db_version', SMP_ESTIMATOR_DB_VERSION );
}

/**
 * The clinic's settings (up to 64 KB) are read only on pages with a widget:
 * they stay out of the options WordPress loads on every request. Versions
 * before this one stored them autoloaded; this moves them.
 */
function smp_estimator_settings_not_autoloaded() {
	global $wpdb;
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the autoload flag has no API before WordPress 6.4.
	$autoload = $wpdb->get_var( $wpdb->prepare( "SELECT autoload FROM {$wpdb->options} WHERE option_name = %s", SMP_ESTIMATOR_OPTION ) );
	if ( null !== $autoload && ! in_array( $autoload, array( 'no', 'off', 'auto-off' ), true ) ) {
		$value = get_option( SMP_ESTIMATOR_OPTION );
		delete_option( SMP_ESTIMATOR_OPTION );
		add_option( SMP_ESTIMATOR_OPTION, $value, '', 'no' );
	}
}

/** Installs or upgrades when the stored layout version is not this one's. */
function smp_estimator_maybe_upgrade() {
	if ( get_option( 'smp_estimator_db_version' ) !== SMP_ESTIMATOR_DB_VERSION ) {
		smp_estimator_install();
	}
}

/**
 * Deleting a site of a network (Network Admin → Sites → Delete) drops the
 * tables WordPress knows of; naming the plugin's two here makes the site's
 * consultation requests (visitors' names, emails and phone numbers) go with
 * it instead of staying in the database with no page left to reach them.
 *
 * @param string[] $tables  The site's tables WordPress drops.
 * @param int      $site_id The site being deleted.
 * @return string[]
 */
function smp_estimator_drop_site_tables( $tables, $site_id ) {
	global $wpdb;
	$prefix   = $wpdb->get_blog_prefix( $site_id );
	$tables[] = $prefix . 'smp_estimator_requests';
	$tables[] = $prefix . 'smp_estimator_counts';
	return $tables;
}

/** Deactivating stops the clean-up; activating again schedules it. */
function smp_estimator_deactivate() {
	wp_clear_scheduled_hook( 'smp_estimator_purge' );
}

/**
 * The address the widget sends requests to: this site's REST route, or ''
 * when the widget would refuse it. The widget sends personal data only over
 * https:// (http:// only on localhost, for testing), so a site served over
 * plain http offers no form until it has HTTPS (the settings page says so).
 *
 * @return string
 */
function smp_estimator_request_endpoint() {
	$url  = rest_url( 'smp-estimator/v1/requests' );
	$host = (string) wp_parse_url( $url, PHP_URL_HOST );
	if ( 0 === strpos( $url, 'https://' ) || in_array( $host, array( 'localhost', '127.0.0.1', '[::1]' ), true ) ) {
		return $url;
	}
	return '';
}

/** Registers the request route (only while requests are stored here) and the counts route (only while counting is on). */
function smp_estimator_register_routes() {
	$options = smp_estimator_requests_options();
	if ( 'wordpress' === $options['mode'] ) {
		register_rest_route(
			'smp-estimator/v1',
			'/requests',
			array(
				'methods'             => 'POST',
				'callback'            => 'smp_estimator_receive_request',
				// Visitors are anonymous: anyone may send; the callback checks size, rate, bots and every field.
				'permission_callback' => '__return_true',
			)
		);
	}
	if ( $options['counts'] ) {
		register_rest_route(
			'smp-estimator/v1',
			'/counts',
			array(
				'methods'             => 'POST',
				'callback'            => 'smp_estimator_receive_count',
				// Anonymous counts, no personal data: anyone may send; the callback checks the event and the rate.
				'permission_callback' => '__return_true',
			)
		);
	}
}

/**
 * Refuses an oversized body to the plugin's routes before WordPress parses
 * it (its JSON check runs after this filter).
 *
 * @param mixed           $result  A response already decided, or null.
 * @param WP_REST_Server  $server  The server.
 * @param WP_REST_Request $request The request.
 * @return mixed
 */
function smp_estimator_refuse_oversized( $result, $server, $request ) {
	if ( null !== $result || 0 !== strpos( $request->get_route(), '/smp-estimator/v1/' ) ) {
		return $result;
	}
	$limit = '/smp-estimator/v1/counts' === $request->get_route() ? 1024 : SMP_ESTIMATOR_MAX_REQUEST_BYTES;
	$bytes = strlen( $request->get_body() );
	if ( $bytes > $limit ) {
		return new WP_Error(
			'smp_estimator_too_large',
			/* translators: 1: bytes sent, 2: the limit in bytes. */
			sprintf( __( 'The request is %1$s bytes; at most %2$s are accepted.', 'smp-estimator' ), number_format_i18n( $bytes ), number_format_i18n( $limit ) ),
			array( 'status' => 413 )
		);
	}
	return $result;
}

/**
 * The sender's address as PHP received it. Never X-Forwarded-For, which
 * anyone can write; a site behind a proxy it trusts can return the real
 * address through the `smp_estimator_client_address` filter.
 *
 * @return string
 */
function smp_estimator_client_address() {
	$address = isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '';
	return (string) apply_filters( 'smp_estimator_client_address', $address );
}

/**
 * Counts one attempt from this address in `$bucket`. Only a salted hash of
 * the address is kept, in a transient that expires with the window.
 *
 * @param string $bucket What is limited ('request', 'count').
 * @param int    $limit  Attempts allowed per window.
 * @return int 0 when allowed, else the seconds until the window ends.
 */
function smp_estimator_rate_limited( $bucket, $limit ) {
	$key  = 'smp_est_rate_' . $bucket . '_' . substr( hash_hmac( 'sha256', smp_estimator_client_address(), wp_salt( 'nonce' ) ), 0, 32 );
	$now  = time();
	$seen = get_transient( $key );
	if ( ! is_array( $seen ) || ! isset( $seen['count'], $seen['until'] ) || $seen['until'] <= $now ) {
		$seen = array(
			'count' => 0,
			'until' => $now + SMP_ESTIMATOR_RATE_WINDOW,
		);
	}
	if ( $seen['count'] >= $limit ) {
		return max( 1, $seen['until'] - $now );
	}
	++$seen['count'];
	set_transient( $key, $seen, max( 1, $seen['until'] - $now ) );
	return 0;
}

/**
 * A refusal as the REST API answers errors: `{code, message, data: {status}}`.
 *
 * @param int    $status  HTTP status.
 * @param string $code    Machine-readable code.
 * @param string $message What is wrong, for the clinic's developer.
 * @param array  $extra   More data (the problems by field).
 * @return WP_REST_Response
 */
function smp_estimator_refusal( $status, $code, $message, $extra = array() ) {
	return new WP_REST_Response(
		array(
			'code'    => $code,
			'message' => $message,
			'data'    => array_merge( array( 'status' => $status ), $extra ),
		),
		$status
	);
}

/**
 * POST /smp-estimator/v1/requests: a visitor's consultation request, as the
 * widget sends it (docs/embedding.md, "Consultation requests"). Checked again here,
 * with the widget's own rules, stored, mailed to the clinic.
 *
 * @param WP_REST_Request $request The request.
 * @return WP_REST_Response
 */
function smp_estimator_receive_request( $request ) {
	$wait = smp_estimator_rate_limited( 'request', SMP_ESTIMATOR_RATE_LIMIT );
	if ( $wait > 0 ) {
		$response = smp_estimator_refusal( 429, 'smp_estimator_too_many', __( 'Too many requests from this address; try again later.', 'smp-estimator' ) );
		$response->header( 'Retry-After', (string) $wait );
		return $response;
	}
	$data = json_decode( $request->get_body(), true, 32 );
	if ( ! is_array( $data ) || array_values( $data ) === $data ) {
		return smp_estimator_refusal( 400, 'smp_estimator_invalid_json', __( 'The request must be a JSON object.', 'smp-estimator' ) );
	}
	$bot = isset( $data['bot_check'] ) && is_array( $data['bot_check'] ) ? $data['bot_check'] : array();
	if ( ! isset( $bot['leave_empty'] ) || '' !== $bot['leave_empty'] ) {
		return smp_estimator_refusal( 400, 'smp_estimator_bot', __( 'bot_check.leave_empty: must be present and empty.', 'smp-estimator' ) );
	}
	if ( ! isset( $bot['fill_ms'] ) || ! is_numeric( $bot['fill_ms'] ) || $bot['fill_ms'] < SMP_ESTIMATOR_MIN_FILL_MS ) {
		/* translators: %s: the minimum in milliseconds. */
		return smp_estimator_refusal( 400, 'smp_estimator_bot', sprintf( __( 'bot_check.fill_ms: must be at least %s.', 'smp-estimator' ), SMP_ESTIMATOR_MIN_FILL_MS ) );
	}
	list( $row, $problems ) = smp_estimator_check_request( $data );
	if ( ! empty( $problems ) ) {
		return smp_estimator_refusal(
			400,
			'smp_estimator_invalid',
			implode( '; ', array_map( static fn( $p ) => $p['field'] . ': ' . $p['message'], $problems ) ),
			array( 'problems' => $problems )
		);
	}
	global $wpdb;
	$row['created_at'] = current_time( 'mysql', true );
	$row['status']     = 'new';
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery -- the plugin's own table.
	if ( false === $wpdb->insert( smp_estimator_requests_table(), $row ) ) {
		return smp_estimator_refusal( 500, 'smp_estimator_not_stored', __( 'The request could not be stored.', 'smp-estimator' ) );
	}
	$id = (int) $wpdb->insert_id;
	smp_estimator_notify( $id, $row );
	smp_estimator_count_event( 'request', $row['pattern'] );
	return new WP_REST_Response( array( 'received' => true ), 201 );
}

/**
 * `someone@example.org` as the widget accepts it (src/model/lead.rs,
 * is_email): one `@`, something before it, a dotted domain after it, no
 * spaces or `<>"(),;:[]\`, at most 254 bytes.
 *
 * @param string $text The address.
 * @return bool
 */
function smp_estimator_is_email( $text ) {
	$at = strpos( $text, '@' );
	if ( false === $at || 0 === $at || strlen( $text ) > 254 ) {
		return false;
	}
	$domain = substr( $text, $at + 1 );
	return false === strpos( $domain, '@' )
		&& false !== strpos( $domain, '.' )
		&& '.' !== $domain[0]
		&& '.' !== substr( $domain, -1 )
		&& ! preg_match( '/[\s\p{Cc}<>"(),;:\[\]\\\\]/u', $text );
}

/**
 * A phone number as the widget accepts it (src/model/lead.rs, is_phone):
 * 7 to 15 digits, with `+`, spaces, dashes, dots, brackets and `/`, a `+`
 * only first.
 *
 * @param string $text The number.
 * @return bool
 */
function smp_estimator_is_phone( $text ) {
	$digits = preg_match_all( '/[0-9]/', $text );
	return $digits >= 7 && $digits <= 15
		&& (bool) preg_match( '/^[0-9 +\-.()\/]+$/', $text )
		&& false === strpos( substr( ltrim( $text ), 1 ), '+' );
}

/**
 * Checks a request's fields with the widget's rules and picks what is
 * stored. Each problem names its field in the JSON.
 *
 * @param array $data The decoded request.
 * @return array{0: array, 1: array<int, array{field: string, message: string}>}
 */
function smp_estimator_check_request( $data ) {
	$problems = array();
	$problem  = static function ( $field, $message ) use ( &$problems ) {
		$problems[] = array(
			'field'   => $field,
			'message' => $message,
		);
	};
	$contact  = isset( $data['contact'] ) && is_array( $data['contact'] ) ? $data['contact'] : array();
	$text     = static fn( $value ) => is_string( $value ) ? trim( $value ) : '';

	$name = $text( $contact['name'] ?? null );
	if ( '' === $name ) {
		$problem( 'contact.name', 'must not be empty' );
	} elseif ( mb_strlen( $name, 'UTF-8' ) > 100 || preg_match( '/\p{Cc}/u', $name ) || ! mb_check_encoding( $name, 'UTF-8' ) ) {
		$problem( 'contact.name', 'must be at most 100 characters on one line' );
	}
	$email = $text( $contact['email'] ?? null );
	$phone = $text( $contact['phone'] ?? null );
	if ( '' === $email && '' === $phone ) {
		$problem( 'contact', 'must have an email or a phone number' );
	}
	if ( '' !== $email && ! smp_estimator_is_email( $email ) ) {
		$problem( 'contact.email', 'must be an email address such as name@example.com' );
	}
	if ( '' !== $phone && ! smp_estimator_is_phone( $phone ) ) {
		$problem( 'contact.phone', 'must be a phone number of 7 to 15 digits' );
	}
	$time = $text( $contact['contact_time'] ?? null );
	if ( ! in_array( $time, SMP_ESTIMATOR_CONTACT_TIMES, true ) ) {
		$problem( 'contact.contact_time', 'must be one of ' . implode( ', ', SMP_ESTIMATOR_CONTACT_TIMES ) );
	}
	$consent = isset( $data['consent'] ) && is_array( $data['consent'] ) ? $data['consent'] : array();
	if ( true !== ( $consent['given'] ?? null ) ) {
		$problem( 'consent.given', 'must be true: the visitor must agree to be contacted' );
	}
	$consent_text = $text( $consent['text'] ?? null );
	if ( '' === $consent_text || mb_strlen( $consent_text, 'UTF-8' ) > 500 ) {
		$problem( 'consent.text', 'must be the wording shown, 1 to 500 characters' );
	}
	$input   = isset( $data['input'] ) && is_array( $data['input'] ) ? $data['input'] : null;
	$pattern = is_array( $input ) ? $text( $input['pattern'] ?? null ) : '';
	if ( ! in_array( $pattern, SMP_ESTIMATOR_PATTERNS, true ) ) {
		$problem( 'input.pattern', 'must be one of the engine\'s patterns' );
	}
	$quote    = isset( $data['quote'] ) && is_array( $data['quote'] ) ? $data['quote'] : array();
	$currency = $text( $quote['currency'] ?? null );
	if ( ! preg_match( '/^[A-Z]{3}$/', $currency ) ) {
		$problem( 'quote.currency', 'must be a three-letter currency code' );
	}
	$spread                                  = static function ( $option, $required ) use ( $quote, $problem ) {
		$cost = $quote[ $option ]['cost'] ?? null;
		if ( null === $cost && ! $required ) {
			return array( null, null, null );
		}
		$figures = array();
		foreach ( array( 'min', 'typical', 'max' ) as $which ) {
			$value = is_array( $cost ) ? ( $cost[ $which ] ?? null ) : null;
			if ( ( ! is_int( $value ) && ! is_float( $value ) ) || $value < 0 || $value > 1e12 ) {
				$problem( "quote.{$option}.cost.{$which}", 'must be an amount of at least 0' );
				return array( null, null, null );
			}
			$figures[] = (int) round( $value );
		}
		return $figures;
	};
	list( $smp_min, $smp_typical, $smp_max ) = $spread( 'smp', true );
	list( $transplant_min, $transplant_typical, $transplant_max ) = $spread( 'transplant', false );
	$page = $text( $data['page'] ?? null );
	if ( '' !== $page && ( strlen( $page ) > 2000 || ! preg_match( '#^https?://#i', $page ) ) ) {
		$problem( 'page', 'must be the page\'s http(s) address, at most 2000 characters' );
	}
	$campaign = array();
	foreach ( ( isset( $data['campaign'] ) && is_array( $data['campaign'] ) ? $data['campaign'] : array() ) as $key => $value ) {
		if ( ! in_array( $key, SMP_ESTIMATOR_CAMPAIGN_KEYS, true ) || ! is_string( $value ) || mb_strlen( $value, 'UTF-8' ) > 200 ) {
			$problem( 'campaign.' . $key, 'must be a utm_* parameter of at most 200 characters' );
			continue;
		}
		$campaign[ $key ] = $value;
	}
	$row = array(
		'name'               => $name,
		'email'              => $email,
		'phone'              => $phone,
		'contact_time'       => $time,
		'consent_text'       => $consent_text,
		'pattern'            => $pattern,
		'currency'           => $currency,
		'smp_min'            => $smp_min,
		'smp_typical'        => $smp_typical,
		'smp_max'            => $smp_max,
		'transplant_min'     => $transplant_min,
		'transplant_typical' => $transplant_typical,
		'transplant_max'     => $transplant_max,
		'input_json'         => (string) wp_json_encode( $input ),
		'quote_json'         => (string) wp_json_encode( $quote ),
		'page'               => $page,
		'campaign_json'      => (string) wp_json_encode( (object) $campaign ),
	);
	return array( $row, $problems );
}

/**
 * Where notifications go: the addresses set on the settings page, else the
 * site's admin address. Never the visitor's: a form that mails whoever it
 * is given is a relay for spam.
 *
 * @return string[]
 */
function smp_estimator_notify_addresses() {
	$options = smp_estimator_requests_options();
	$list    = array_filter( array_map( 'trim', explode( ',', (string) $options['notify'] ) ), 'is_email' );
	return $list ? array_values( $list ) : array( (string) get_option( 'admin_email' ) );
}

/**
 * Money as the notification writes it: `GBP 2,800`.
 *
 * @param string   $currency ISO 4217 code.
 * @param int|null $amount   Whole units.
 * @return string
 */
function smp_estimator_money( $currency, $amount ) {
	return null === $amount ? '' : $currency . ' ' . number_format_i18n( (float) $amount );
}

/**
 * What a request says about how to reach the visitor and what they were
 * quoted, labelled: the part the admin page and the personal-data export
 * both show.
 *
 * @param array $row A stored request.
 * @return array<string, string> Values by label.
 */
function smp_estimator_request_contact_and_quote( $row ) {
	return array(
		__( 'Email', 'smp-estimator' )                    => $row['email'],
		__( 'Phone', 'smp-estimator' )                    => $row['phone'],
		__( 'Best time', 'smp-estimator' )                => smp_estimator_contact_time_label( $row['contact_time'] ),
		__( 'Pattern', 'smp-estimator' )                  => smp_estimator_pattern_label( $row['pattern'] ),
		__( 'SMP estimate', 'smp-estimator' )             => smp_estimator_quoted( $row, 'smp' ),
		__( 'Hair transplant estimate', 'smp-estimator' ) => smp_estimator_quoted( $row, 'transplant' ),
	);
}

/**
 * A request's quoted figures in one line for an option (`GBP 2,800 (2,400
 * to 3,200)`), or "not advised" for a transplant the engine does not advise.
 *
 * @param array  $row    A stored request.
 * @param string $option 'smp' or 'transplant'.
 * @return string
 */
function smp_estimator_quoted( $row, $option ) {
	if ( null === $row[ $option . '_typical' ] || '' === $row[ $option . '_typical' ] ) {
		return __( 'not advised', 'smp-estimator' );
	}
	return sprintf(
		/* translators: 1: typical amount with currency, 2: lowest, 3: highest. */
		__( '%1$s (%2$s to %3$s)', 'smp-estimator' ),
		smp_estimator_money( $row['currency'], $row[ $option . '_typical' ] ),
		number_format_i18n( (float) $row[ $option . '_min' ] ),
		number_format_i18n( (float) $row[ $option . '_max' ] )
	);
}

/**
 * The plain-text summary the clinic is mailed. Plain text, so a name such as
 * `<img src=x onerror=…>` is only ever those characters.
 *
 * @param int   $id  The request's id.
 * @param array $row The stored request.
 * @return string
 */
function smp_estimator_notification_body( $id, $row ) {
	$campaign = json_decode( (string) $row['campaign_json'], true );
	$lines    = array(
		/* translators: %s: the site's name. */
		sprintf( __( 'A visitor asked for a consultation on %s.', 'smp-estimator' ), wp_specialchars_decode( get_bloginfo( 'name' ), ENT_QUOTES ) ),
		'',
		__( 'Name:', 'smp-estimator' ) . ' ' . $row['name'],
		__( 'Email:', 'smp-estimator' ) . ' ' . ( '' !== $row['email'] ? $row['email'] : '-' ),
		__( 'Phone:', 'smp-estimator' ) . ' ' . ( '' !== $row['phone'] ? $row['phone'] : '-' ),
		__( 'Best time:', 'smp-estimator' ) . ' ' . smp_estimator_contact_time_label( $row['contact_time'] ),
		'',
		__( 'Pattern:', 'smp-estimator' ) . ' ' . smp_estimator_pattern_label( $row['pattern'] ),
		__( 'SMP estimate:', 'smp-estimator' ) . ' ' . smp_estimator_quoted( $row, 'smp' ),
		__( 'Hair transplant estimate:', 'smp-estimator' ) . ' ' . smp_estimator_quoted( $row, 'transplant' ),
		__( 'Page:', 'smp-estimator' ) . ' ' . ( '' !== $row['page'] ? $row['page'] : '-' ),
	);
	if ( is_array( $campaign ) && $campaign ) {
		$lines[] = __( 'Campaign:', 'smp-estimator' ) . ' ' . http_build_query( $campaign, '', ', ' );
	}
	$lines[] = '';
	$lines[] = __( 'Consent, as the visitor saw it:', 'smp-estimator' ) . ' ' . $row['consent_text'];
	$lines[] = '';
	$lines[] = __( 'Open the request in WordPress:', 'smp-estimator' );
	$lines[] = smp_estimator_request_admin_url( $id );
	return implode( "\n", $lines );
}

/**
 * A status in the clinic's words.
 *
 * @param string $status One of SMP_ESTIMATOR_STATUSES.
 * @return string
 */
function smp_estimator_status_label( $status ) {
	$labels = array(
		'new'       => __( 'New', 'smp-estimator' ),
		'contacted' => __( 'Contacted', 'smp-estimator' ),
		'booked'    => __( 'Booked', 'smp-estimator' ),
		'closed'    => __( 'Closed', 'smp-estimator' ),
	);
	return $labels[ $status ] ?? $status;
}

/**
 * The preferred time in the clinic's words.
 *
 * @param string $time A CONTACT_TIMES id.
 * @return string
 */
function smp_estimator_contact_time_label( $time ) {
	$labels = array(
		'any'       => __( 'any time', 'smp-estimator' ),
		'morning'   => __( 'mornings', 'smp-estimator' ),
		'afternoon' => __( 'afternoons', 'smp-estimator' ),
		'evening'   => __( 'evenings', 'smp-estimator' ),
	);
	return $labels[ $time ] ?? $time;
}

/**
 * A pattern as the clinic reads it ("Norwood V" for `norwood-5`): the
 * engine's own name from the widget's catalogues in `widget/i18n/` (the
 * packaging copies English there beside the other languages), in the
 * reader's language when the widget has it, else English, else the id: the
 * names the widget shows visitors, never a second copy of them.
 *
 * @param string $pattern A pattern id.
 * @return string
 */
function smp_estimator_pattern_label( $pattern ) {
	static $catalogues = array();
	// `pt_BR` reads `pt.json`; anything that is not a plain language code reads only English.
	$language = strtolower( strtok( (string) get_user_locale(), '_' ) );
	$key      = 'pattern-' . $pattern;
	foreach ( array_unique( array( $language, 'en' ) ) as $code ) {
		if ( ! preg_match( '/^[a-z]{2,3}$/', $code ) ) {
			continue;
		}
		if ( ! isset( $catalogues[ $code ] ) ) {
			$file                = dirname( SMP_ESTIMATOR_FILE ) . '/widget/i18n/' . $code . '.json';
			$json                = is_readable( $file ) ? json_decode( (string) file_get_contents( $file ), true ) : null; // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a file of the plugin's own.
			$catalogues[ $code ] = is_array( $json ) ? $json : array();
		}
		if ( isset( $catalogues[ $code ][ $key ] ) && is_string( $catalogues[ $code ][ $key ] ) ) {
			return $catalogues[ $code ][ $key ];
		}
	}
	return $pattern;
}

/**
 * The request's page in the admin.
 *
 * @param int $id The request's id.
 * @return string
 */
function smp_estimator_request_admin_url( $id ) {
	return add_query_arg(
		array(
			'page'    => 'smp-estimator-requests',
			'request' => (int) $id,
		),
		admin_url( 'admin.php' )
	);
}

/**
 * Mails the clinic a new request.
 *
 * @param int   $id  The request's id.
 * @param array $row The stored request.
 */
function smp_estimator_notify( $id, $row ) {
	$subject = sprintf(
		/* translators: 1: site name, 2: the visitor's name. */
		__( '[%1$s] Consultation request from %2$s', 'smp-estimator' ),
		wp_specialchars_decode( get_bloginfo( 'name' ), ENT_QUOTES ),
		$row['name']
	);
	$headers = array( 'Content-Type: text/plain; charset=UTF-8' );
	if ( '' !== $row['email'] ) {
		// Checked by smp_estimator_is_email: no spaces, commas or brackets that could add a header or an address.
		$headers[] = 'Reply-To: ' . $row['email'];
	}
	wp_mail( smp_estimator_notify_addresses(), $subject, smp_estimator_notification_body( $id, $row ), $headers );
}

/** WP-Cron, daily: deletes requests older than the retention setting, and counts older than two years. */
function smp_estimator_purge() {
	global $wpdb;
	$months = max( 1, (int) smp_estimator_requests_options()['retention_months'] );
	$cutoff = gmdate( 'Y-m-d H:i:s', strtotime( "-{$months} months" ) );
	$table  = smp_estimator_requests_table();
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the plugin's own table, its name from $wpdb->prefix.
	$wpdb->query( $wpdb->prepare( "DELETE FROM {$table} WHERE created_at < %s", $cutoff ) );
	$counts = smp_estimator_counts_table();
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- as above.
	$wpdb->query( $wpdb->prepare( "DELETE FROM {$counts} WHERE week < %s", gmdate( 'Y-m-d', strtotime( '-2 years' ) ) ) );
}
