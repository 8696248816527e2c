<?php
/**
 * The editor script's dependencies (plain JavaScript, no build step).
 *
 * @package SmpEstimator
 */

defined( 'ABSPATH' ) || exit;

return array(
	'dependencies' => array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
	'version'      => '0.1.0',
);
