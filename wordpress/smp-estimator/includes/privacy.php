<?php
/**
 * WordPress's privacy tools for consultation requests: Tools → Export
 * Personal Data and Erase Personal Data find a visitor's requests by their
 * email address, and Settings → Privacy offers text for the policy.
 *
 * @package SmpEstimator
 */

defined( 'ABSPATH' ) || exit;

/** Requests handled per call of the exporter or eraser (WordPress calls again until done). */
define( 'SMP_ESTIMATOR_PRIVACY_BATCH', 50 );

/**
 * Registers the exporter.
 *
 * @param array $exporters WordPress's exporters.
 * @return array
 */
function smp_estimator_register_exporter( $exporters ) {
	$exporters['smp-estimator'] = array(
		'exporter_friendly_name' => __( 'SMP estimator consultation requests', 'smp-estimator' ),
		'callback'               => 'smp_estimator_export_personal_data',
	);
	return $exporters;
}

/**
 * Registers the eraser.
 *
 * @param array $erasers WordPress's erasers.
 * @return array
 */
function smp_estimator_register_eraser( $erasers ) {
	$erasers['smp-estimator'] = array(
		'eraser_friendly_name' => __( 'SMP estimator consultation requests', 'smp-estimator' ),
		'callback'             => 'smp_estimator_erase_personal_data',
	);
	return $erasers;
}

/**
 * A visitor's requests, for Tools → Export Personal Data.
 *
 * @param string $email The address the export is for.
 * @param int    $page  The page of results: 1, 2 and so on.
 * @return array{data: array, done: bool}
 */
function smp_estimator_export_personal_data( $email, $page = 1 ) {
	global $wpdb;
	$table = smp_estimator_requests_table();
	$page  = max( 1, (int) $page );
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the plugin's own table.
	$rows = $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$table} WHERE email = %s ORDER BY id LIMIT %d OFFSET %d", $email, SMP_ESTIMATOR_PRIVACY_BATCH, ( $page - 1 ) * SMP_ESTIMATOR_PRIVACY_BATCH ), ARRAY_A );
	$data = array();
	foreach ( (array) $rows as $row ) {
		$fields = array(
			__( 'Received (UTC)', 'smp-estimator' ) => $row['created_at'],
			__( 'Name', 'smp-estimator' )           => $row['name'],
		) + smp_estimator_request_contact_and_quote( $row ) + array(
			__( 'Page', 'smp-estimator' )              => $row['page'],
			__( 'Consent, as shown', 'smp-estimator' ) => $row['consent_text'],
			__( 'Status', 'smp-estimator' )            => smp_estimator_status_label( $row['status'] ),
		);
		$item   = array();
		foreach ( $fields as $name => $value ) {
			if ( '' !== (string) $value ) {
				$item[] = array(
					'name'  => $name,
					'value' => $value,
				);
			}
		}
		$data[] = array(
			'group_id'    => 'smp-estimator-requests',
			'group_label' => __( 'Consultation requests', 'smp-estimator' ),
			'item_id'     => 'smp-estimator-request-' . (int) $row['id'],
			'data'        => $item,
		);
	}
	return array(
		'data' => $data,
		'done' => count( (array) $rows ) < SMP_ESTIMATOR_PRIVACY_BATCH,
	);
}

/**
 * Deletes a visitor's requests, for Tools → Erase Personal Data. A request
 * is nothing without its contact details, so it is deleted whole.
 *
 * @param string $email The address to erase.
 * @param int    $page  Unused: each call deletes the next batch.
 * @return array{items_removed: bool, items_retained: bool, messages: array, done: bool}
 */
function smp_estimator_erase_personal_data( $email, $page = 1 ) {
	global $wpdb;
	$table = smp_estimator_requests_table();
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the plugin's own table.
	$deleted = (int) $wpdb->query( $wpdb->prepare( "DELETE FROM {$table} WHERE email = %s LIMIT %d", $email, SMP_ESTIMATOR_PRIVACY_BATCH ) );
	return array(
		'items_removed'  => $deleted > 0,
		'items_retained' => false,
		'messages'       => array(),
		'done'           => $deleted < SMP_ESTIMATOR_PRIVACY_BATCH,
	);
}

/** Suggested text for the site's privacy policy (Settings → Privacy → Policy Guide). */
function smp_estimator_privacy_policy_content() {
	if ( ! function_exists( 'wp_add_privacy_policy_content' ) ) {
		return;
	}
	$months = (int) smp_estimator_requests_options()['retention_months'];
	$text   = '<p class="privacy-policy-tutorial">' . esc_html__( 'The SMP estimator computes prices in the visitor\'s browser and sends nothing unless the visitor asks for a consultation.', 'smp-estimator' ) . '</p>'
		. '<p><strong class="privacy-policy-tutorial">' . esc_html__( 'Suggested text:', 'smp-estimator' ) . ' </strong>'
		. esc_html(
			sprintf(
				/* translators: %d: months requests are kept. */
				_n(
					'When you ask for a consultation through our price estimator, we store your name, your email address or phone number, the time you prefer to be contacted, the consent you gave, your answers and the estimate you saw, the page you were on and its campaign tags. We use them only to contact you about that consultation. Our staff receive them by email. We delete them after %d month, or sooner when you ask us to.',
					'When you ask for a consultation through our price estimator, we store your name, your email address or phone number, the time you prefer to be contacted, the consent you gave, your answers and the estimate you saw, the page you were on and its campaign tags. We use them only to contact you about that consultation. Our staff receive them by email. We delete them after %d months, or sooner when you ask us to.',
					$months,
					'smp-estimator'
				),
				$months
			)
		)
		. '</p>';
	wp_add_privacy_policy_content( __( 'SMP Estimator', 'smp-estimator' ), wp_kses_post( $text ) );
}
