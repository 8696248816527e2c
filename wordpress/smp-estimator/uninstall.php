<?php
/**
 * Deleting the plugin removes everything it made, on every site of a
 * multisite network: the requests and counts tables, its options, the
 * daily clean-up and the rate limit's transients.
 *
 * @package SmpEstimator
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

/** Removes the plugin's data from the current site. */
function smp_estimator_uninstall_site() {
	global $wpdb;
	// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.SchemaChange -- the plugin's own tables, named from $wpdb->prefix.
	$wpdb->query( "DROP TABLE IF EXISTS {$wpdb->prefix}smp_estimator_requests" );
	$wpdb->query( "DROP TABLE IF EXISTS {$wpdb->prefix}smp_estimator_counts" );
	$wpdb->query(
		$wpdb->prepare(
			"DELETE FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s",
			$wpdb->esc_like( '_transient_smp_est_' ) . '%',
			$wpdb->esc_like( '_transient_timeout_smp_est_' ) . '%'
		)
	);
	// phpcs:enable
	foreach ( array( 'smp_estimator_settings', 'smp_estimator_requests', 'smp_estimator_db_version' ) as $option ) {
		delete_option( $option );
	}
	wp_clear_scheduled_hook( 'smp_estimator_purge' );
}

if ( is_multisite() ) {
	// 'number' => 0: every site, not the first 100.
	foreach ( get_sites(
		array(
			'fields' => 'ids',
			'number' => 0,
		)
	) as $site_id ) {
		switch_to_blog( (int) $site_id );
		smp_estimator_uninstall_site();
		restore_current_blog();
	}
} else {
	smp_estimator_uninstall_site();
}
