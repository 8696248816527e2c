<?php
/**
 * The widget on the site's pages: the shortcode [smp_estimator], the block
 * smp-estimator/estimator, and the widget's module script, loaded only on
 * pages that show one.
 *
 * @package SmpEstimator
 */

defined( 'ABSPATH' ) || exit;

/**
 * The element's settings, as its data attributes without `data-`
 * (docs/settings.md). Shortcode and block attributes take these names; underscores
 * work as well as hyphens (`booking_url`, `booking-url`).
 *
 * @return string[]
 */
function smp_estimator_setting_names() {
	return array(
		'lang',
		'currency',
		'locale',
		'clinic-name',
		'booking-url',
		'rounding-step',
		'accent',
		'font',
		'lead-endpoint',
		'lead-email',
		'lead-consent',
		'datalayer',
		'config-url',
		'load',
		'pattern',
		'area-cm2',
		'goal',
		'donor',
		'years',
	);
}

/** Registers the module script, the shortcode and the block. */
function smp_estimator_register() {
	$src = plugins_url( 'widget/smp-estimator.js', SMP_ESTIMATOR_FILE );
	if ( function_exists( 'wp_register_script_module' ) ) {
		// WordPress 6.5 and later: a script module. Its tag gets the integrity
		// hash through `wp_script_attributes` (smp_estimator_module_attributes).
		wp_register_script_module( 'smp-estimator', $src, array(), SMP_ESTIMATOR_VERSION );
		add_filter( 'wp_script_attributes', 'smp_estimator_module_attributes' );
	} else {
		// WordPress 6.1 to 6.4: a classic script whose tag becomes a module's.
		wp_register_script( 'smp-estimator', $src, array(), SMP_ESTIMATOR_VERSION, true );
		add_filter( 'script_loader_tag', 'smp_estimator_module_tag', 10, 3 );
	}
	add_shortcode( 'smp_estimator', 'smp_estimator_shortcode' );
	register_block_type( __DIR__ . '/../block', array( 'render_callback' => 'smp_estimator_render_block' ) );
}

/**
 * The module's Subresource Integrity hash, from the package's integrity.json.
 *
 * @return string The hash, or '' if the file is missing or unreadable.
 */
function smp_estimator_integrity() {
	static $integrity = null;
	if ( null === $integrity ) {
		$integrity = '';
		$file      = dirname( SMP_ESTIMATOR_FILE ) . '/widget/integrity.json';
		// A local file of the plugin's own, not a remote request.
		$hashes = is_readable( $file ) ? json_decode( (string) file_get_contents( $file ), true ) : null; // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
		if ( is_array( $hashes ) && isset( $hashes['smp-estimator.js'] ) && is_string( $hashes['smp-estimator.js'] ) ) {
			$integrity = $hashes['smp-estimator.js'];
		}
	}
	return $integrity;
}

/**
 * WordPress 6.1 to 6.4: the classic script's tag as a module's, with its hash.
 *
 * @param string $tag    The tag WordPress made.
 * @param string $handle The script's handle.
 * @param string $src    The script's address.
 * @return string
 */
function smp_estimator_module_tag( $tag, $handle, $src ) {
	if ( 'smp-estimator' !== $handle ) {
		return $tag;
	}
	return wp_get_script_tag(
		smp_estimator_with_integrity(
			array(
				'type' => 'module',
				'src'  => $src,
				'id'   => 'smp-estimator-js',
			)
		)
	);
}

/**
 * WordPress 6.5 and later: the hash on the script module's tag.
 *
 * @param array $attributes The tag's attributes.
 * @return array
 */
function smp_estimator_module_attributes( $attributes ) {
	if ( isset( $attributes['id'] ) && 'smp-estimator-js-module' === $attributes['id'] ) {
		$attributes = smp_estimator_with_integrity( $attributes );
	}
	return $attributes;
}

/**
 * Adds `integrity` and `crossorigin` (the module checks the WebAssembly and
 * the stylesheet against their own hashes, so this one hash covers all three).
 *
 * @param array $attributes A script tag's attributes.
 * @return array
 */
function smp_estimator_with_integrity( $attributes ) {
	$integrity = smp_estimator_integrity();
	if ( '' !== $integrity ) {
		$attributes['integrity']   = $integrity;
		$attributes['crossorigin'] = 'anonymous';
	}
	return $attributes;
}

/** Loads the widget's module on this page (printed with the page's scripts). */
function smp_estimator_enqueue() {
	if ( function_exists( 'wp_enqueue_script_module' ) ) {
		wp_enqueue_script_module( 'smp-estimator' );
	} else {
		wp_enqueue_script( 'smp-estimator' );
	}
}

/**
 * The clinic's saved settings (Settings → SMP estimator).
 *
 * @return object|null The settings object, or null when none are saved.
 */
function smp_estimator_saved_settings() {
	$saved = json_decode( (string) get_option( SMP_ESTIMATOR_OPTION, '' ) );
	return is_object( $saved ) ? $saved : null;
}

/**
 * Splits shortcode or block attributes into known settings (by their
 * data-attribute name) and unknown names.
 *
 * @param array $attributes Names to values.
 * @return array{0: array<string, string>, 1: string[]}
 */
function smp_estimator_known_settings( $attributes ) {
	$known   = array();
	$unknown = array();
	foreach ( (array) $attributes as $key => $value ) {
		if ( is_int( $key ) ) {
			$unknown[] = (string) $value;
			continue;
		}
		$name = str_replace( '_', '-', strtolower( (string) $key ) );
		if ( in_array( $name, smp_estimator_setting_names(), true ) ) {
			if ( is_scalar( $value ) && '' !== trim( (string) $value ) ) {
				$known[ $name ] = trim( (string) $value );
			}
		} else {
			$unknown[] = (string) $key;
		}
	}
	return array( $known, $unknown );
}

/**
 * Settings that decide where visitors' names, emails and phone numbers go,
 * or load a whole settings file (which can hold those too): an
 * administrator sets them on Settings → SMP estimator. A shortcode or block
 * may set them only on a page whose author can manage options, so that an
 * Author or Editor cannot send the clinic's enquiries elsewhere.
 *
 * @return string[]
 */
function smp_estimator_restricted_names() {
	return array( 'lead-endpoint', 'lead-email', 'lead-consent', 'config-url' );
}

/**
 * Whether the page being rendered was written by someone who can manage
 * options. Outside a post (a template part, a widget area) nobody wrote it:
 * the restricted settings then come from the settings page only.
 *
 * @return bool
 */
function smp_estimator_author_can_manage() {
	$post = get_post();
	return $post instanceof WP_Post && user_can( (int) $post->post_author, 'manage_options' );
}

/**
 * Whether `$url` is on this site's own host: a path (`/smp/clinic.json`),
 * or an http(s) address whose host is the site's, with no user name (which
 * `https://site.example@elsewhere.example/` would carry to fool a prefix
 * check) and no backslash (which browsers read as a slash).
 *
 * @param string $url The address.
 * @return bool
 */
function smp_estimator_is_own_url( $url ) {
	if ( '' === $url || false !== strpos( $url, '\\' ) || 0 === strpos( $url, '//' ) || preg_match( '/[\s\p{Cc}]/u', $url ) ) {
		return false;
	}
	$parts = wp_parse_url( $url );
	if ( false === $parts ) {
		return false;
	}
	if ( ! isset( $parts['scheme'] ) && ! isset( $parts['host'] ) ) {
		// A relative address: resolved against the page, on this site.
		return true;
	}
	if ( ! in_array( strtolower( $parts['scheme'] ?? '' ), array( 'http', 'https' ), true ) || isset( $parts['user'] ) || isset( $parts['pass'] ) || empty( $parts['host'] ) ) {
		return false;
	}
	return strtolower( $parts['host'] ) === strtolower( (string) wp_parse_url( home_url(), PHP_URL_HOST ) );
}

/**
 * Takes out the restricted settings a page may not set, and a settings file
 * on another host.
 *
 * @param array<string, string> $settings Known settings, by data-attribute name.
 * @return array{0: array<string, string>, 1: string[], 2: string[]} What remains, the
 *         names ignored for the author, and the names ignored for their host.
 */
function smp_estimator_guard_settings( $settings ) {
	$for_author = array();
	$for_host   = array();
	$allowed    = null;
	foreach ( smp_estimator_restricted_names() as $name ) {
		if ( ! isset( $settings[ $name ] ) ) {
			continue;
		}
		$allowed = null === $allowed ? smp_estimator_author_can_manage() : $allowed;
		if ( ! $allowed ) {
			$for_author[] = $name;
			unset( $settings[ $name ] );
		}
	}
	if ( isset( $settings['config-url'] ) && ! smp_estimator_is_own_url( $settings['config-url'] ) ) {
		$for_host[] = 'config-url';
		unset( $settings['config-url'] );
	}
	return array( $settings, $for_author, $for_host );
}

/**
 * The saved settings as the page's widgets get them, with where requests
 * go (Settings → SMP estimator, "Consultation requests"): this site's REST
 * route (the clinic's consent wording kept), the settings' own lead
 * endpoint or email, or none.
 *
 * @return object|null
 */
function smp_estimator_page_settings() {
	$saved   = smp_estimator_saved_settings();
	$options = smp_estimator_requests_options();
	if ( 'wordpress' === $options['mode'] ) {
		$endpoint = smp_estimator_request_endpoint();
		$saved    = null === $saved ? new stdClass() : $saved;
		if ( '' === $endpoint ) {
			$saved->lead = null;
		} else {
			$lead = array( 'endpoint' => $endpoint );
			if ( isset( $saved->lead->consent ) && is_string( $saved->lead->consent ) ) {
				$lead['consent'] = $saved->lead->consent;
			}
			$saved->lead = (object) $lead;
		}
	} elseif ( 'off' === $options['mode'] && null !== $saved ) {
		$saved->lead = null;
	}
	return $saved;
}

/**
 * The widget's element: the saved settings as its inline JSON, the
 * shortcode's or block's own settings as data attributes (which win).
 *
 * @param array  $settings Known settings, by data-attribute name.
 * @param string $wrapper  Further attributes for the element (the block's class), already escaped.
 * @return string
 */
function smp_estimator_element( $settings, $wrapper = '' ) {
	smp_estimator_enqueue();
	$html = '<div data-smp-estimator';
	if ( '' !== $wrapper ) {
		$html .= ' ' . $wrapper;
	}
	foreach ( $settings as $name => $value ) {
		$html .= sprintf( ' data-%s="%s"', esc_attr( $name ), esc_attr( $value ) );
	}
	if ( smp_estimator_requests_options()['counts'] ) {
		// Where front/counts.js sends this widget's counts.
		$html .= sprintf( ' data-smp-counts="%s"', esc_url( rest_url( 'smp-estimator/v1/counts' ) ) );
		smp_estimator_enqueue_counts();
	}
	$html .= '>';
	$saved = smp_estimator_page_settings();
	if ( null !== $saved ) {
		// Hex-escaped so that nothing in a setting (`</script>`) can end the element early.
		$html .= '<script type="application/json">' . wp_json_encode( $saved, JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT ) . '</script>';
	}
	return $html . '</div>';
}

/**
 * For those who can edit the page, not its visitors: settings this page
 * may not set, and why.
 *
 * @param string[] $for_author Restricted names ignored because of the page's author.
 * @param string[] $for_host   Names ignored because their address is on another host.
 * @return string
 */
function smp_estimator_guard_notice( $for_author, $for_host ) {
	if ( ( empty( $for_author ) && empty( $for_host ) ) || ! current_user_can( 'edit_posts' ) ) {
		return '';
	}
	$notes = array();
	if ( $for_author ) {
		$notes[] = sprintf(
			/* translators: %s: the ignored attribute names. */
			__( 'SMP estimator: ignored %s. Where consultation requests go, and any settings file, are set by an administrator on Settings → SMP estimator (or on a page an administrator wrote), so that visitors\' details reach only the clinic. Only editors see this note.', 'smp-estimator' ),
			implode( ', ', $for_author )
		);
	}
	if ( $for_host ) {
		$notes[] = sprintf(
			/* translators: %s: this site's host name. */
			__( 'SMP estimator: ignored config-url. The settings file must be on this site (%s). Only editors see this note.', 'smp-estimator' ),
			(string) wp_parse_url( home_url(), PHP_URL_HOST )
		);
	}
	return implode( '', array_map( static fn( $note ) => '<p class="smp-estimator-notice">' . esc_html( $note ) . '</p>', $notes ) );
}

/**
 * For those who can edit the page, not its visitors: which attributes were
 * ignored, so that a typo does not go unnoticed.
 *
 * @param string[] $unknown Ignored attribute names.
 * @return string
 */
function smp_estimator_unknown_notice( $unknown ) {
	if ( empty( $unknown ) || ! current_user_can( 'edit_posts' ) ) {
		return '';
	}
	return '<p class="smp-estimator-notice">' . esc_html(
		sprintf(
			/* translators: 1: the ignored attribute names, 2: the known ones. */
			__( 'SMP estimator: ignored %1$s (not a setting; the settings are %2$s). Only editors see this note.', 'smp-estimator' ),
			implode( ', ', $unknown ),
			implode( ', ', smp_estimator_setting_names() )
		)
	) . '</p>';
}

/**
 * [smp_estimator currency="EUR" booking-url="https://clinic.example/book"]
 *
 * @param array|string $atts The shortcode's attributes ('' when it has none).
 * @return string
 */
function smp_estimator_shortcode( $atts ) {
	list( $known, $unknown )                  = smp_estimator_known_settings( is_array( $atts ) ? $atts : array() );
	$defaults                                 = array_fill_keys( smp_estimator_setting_names(), '' );
	$settings                                 = array_filter( shortcode_atts( $defaults, $known, 'smp_estimator' ), 'strlen' );
	list( $settings, $for_author, $for_host ) = smp_estimator_guard_settings( $settings );
	return smp_estimator_unknown_notice( $unknown ) . smp_estimator_guard_notice( $for_author, $for_host ) . smp_estimator_element( $settings );
}

/**
 * The block's server-side render (block.json names the same settings with
 * underscores).
 *
 * @param array $attributes The block's attributes.
 * @return string
 */
function smp_estimator_render_block( $attributes ) {
	list( $known )                         = smp_estimator_known_settings( $attributes );
	list( $known, $for_author, $for_host ) = smp_estimator_guard_settings( $known );
	return smp_estimator_guard_notice( $for_author, $for_host ) . smp_estimator_element( $known, get_block_wrapper_attributes() );
}
