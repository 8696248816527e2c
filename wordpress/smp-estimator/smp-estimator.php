<?php
/**
 * Plugin Name:       SMP Estimator
 * Description:       An instant quote for scalp micropigmentation (SMP), side by side with a hair transplant, from your clinic's own prices, and visitors' consultation requests in your WordPress admin and inbox. Shortcode [smp_estimator] and the block "SMP estimator".
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            SMP Estimator
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       smp-estimator
 *
 * @package SmpEstimator
 */

defined( 'ABSPATH' ) || exit;

define( 'SMP_ESTIMATOR_VERSION', '0.1.0' );
define( 'SMP_ESTIMATOR_FILE', __FILE__ );
/** The option that holds the clinic's settings: one JSON object, as the setup page produced it. */
define( 'SMP_ESTIMATOR_OPTION', 'smp_estimator_settings' );
/** Settings larger than this are refused (the engine's own settings are a few kilobytes). */
define( 'SMP_ESTIMATOR_MAX_SETTINGS_BYTES', 65536 );

require_once __DIR__ . '/includes/requests.php';
require_once __DIR__ . '/includes/counts.php';
require_once __DIR__ . '/includes/privacy.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/settings-page.php';
if ( is_admin() ) {
	require_once __DIR__ . '/includes/class-smp-estimator-requests-table.php';
	require_once __DIR__ . '/includes/requests-admin.php';
}

register_activation_hook( __FILE__, 'smp_estimator_install' );
register_deactivation_hook( __FILE__, 'smp_estimator_deactivate' );
add_action( 'init', 'smp_estimator_maybe_upgrade', 5 );
add_action( 'init', 'smp_estimator_register' );
add_action( 'rest_api_init', 'smp_estimator_register_routes' );
add_filter( 'rest_pre_dispatch', 'smp_estimator_refuse_oversized', 10, 3 );
add_action( 'smp_estimator_purge', 'smp_estimator_purge' );
add_filter( 'wpmu_drop_tables', 'smp_estimator_drop_site_tables', 10, 2 );
add_filter( 'wp_privacy_personal_data_exporters', 'smp_estimator_register_exporter' );
add_filter( 'wp_privacy_personal_data_erasers', 'smp_estimator_register_eraser' );
add_action( 'admin_init', 'smp_estimator_privacy_policy_content' );
add_action( 'admin_init', 'smp_estimator_register_requests_setting' );
add_action( 'admin_menu', 'smp_estimator_add_settings_page' );
add_action( 'admin_menu', 'smp_estimator_add_requests_pages' );
