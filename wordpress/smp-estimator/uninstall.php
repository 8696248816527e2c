<?php
/**
 * Deleting the plugin removes its one option (the clinic's settings).
 *
 * @package SmpEstimator
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'smp_estimator_settings' );
