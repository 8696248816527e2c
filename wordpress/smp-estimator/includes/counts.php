<?php
/**
 * The clinic's numbers, off unless it turns them on: per week, the
 * estimates shown (by pattern), the booking-link clicks and the requests
 * sent. A small script on the widget's pages (front/counts.js) sends each
 * as a `navigator.sendBeacon` of two words; the plugin adds one to a weekly
 * total. No cookie is set, no identifier made, no address kept (the rate
 * limit keeps a salted hash of it for ten minutes).
 *
 * @package SmpEstimator
 */

defined( 'ABSPATH' ) || exit;

/** What is counted, in the dashboard's order. */
define( 'SMP_ESTIMATOR_COUNT_EVENTS', array( 'estimate', 'booking', 'request' ) );
/** Beacons one address may send in ten minutes: a visitor trying every pattern sends about twenty. */
define( 'SMP_ESTIMATOR_COUNT_LIMIT', 120 );

/**
 * Adds one to this week's total of `$event` (for `$pattern`), when the
 * clinic counts.
 *
 * @param string $event   One of SMP_ESTIMATOR_COUNT_EVENTS.
 * @param string $pattern A pattern id, or ''.
 */
function smp_estimator_count_event( $event, $pattern ) {
	if ( ! smp_estimator_requests_options()['counts'] ) {
		return;
	}
	global $wpdb;
	$table = smp_estimator_counts_table();
	// The week starts on Monday, in the site's time zone.
	$week = current_datetime()->modify( 'monday this week' )->format( 'Y-m-d' );
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the plugin's own table; one atomic upsert.
	$wpdb->query( $wpdb->prepare( "INSERT INTO {$table} (week, event, pattern, total) VALUES (%s, %s, %s, 1) ON DUPLICATE KEY UPDATE total = total + 1", $week, $event, $pattern ) );
}

/**
 * POST /smp-estimator/v1/counts (`event`, `pattern`), from the beacon.
 *
 * @param WP_REST_Request $request The request.
 * @return WP_REST_Response
 */
function smp_estimator_receive_count( $request ) {
	$wait = smp_estimator_rate_limited( 'count', SMP_ESTIMATOR_COUNT_LIMIT );
	if ( $wait > 0 ) {
		$response = smp_estimator_refusal( 429, 'smp_estimator_too_many', __( 'Too many counts from this address; try again later.', 'smp-estimator' ) );
		$response->header( 'Retry-After', (string) $wait );
		return $response;
	}
	$event   = (string) $request->get_param( 'event' );
	$pattern = (string) $request->get_param( 'pattern' );
	if ( ! in_array( $event, SMP_ESTIMATOR_COUNT_EVENTS, true ) ) {
		return smp_estimator_refusal( 400, 'smp_estimator_invalid', 'event: must be one of ' . implode( ', ', SMP_ESTIMATOR_COUNT_EVENTS ) );
	}
	if ( ( '' !== $pattern && ! in_array( $pattern, SMP_ESTIMATOR_PATTERNS, true ) ) || ( 'estimate' === $event && '' === $pattern ) ) {
		return smp_estimator_refusal( 400, 'smp_estimator_invalid', 'pattern: must be one of the engine\'s patterns' );
	}
	// Requests stored here are counted when they are stored, so only those that reached them.
	if ( 'request' !== $event || 'wordpress' !== smp_estimator_requests_options()['mode'] ) {
		smp_estimator_count_event( $event, $pattern );
	}
	return new WP_REST_Response( null, 204 );
}

/**
 * The front-end script that sends the beacons, on pages with a widget,
 * while the clinic counts.
 */
function smp_estimator_enqueue_counts() {
	if ( ! smp_estimator_requests_options()['counts'] ) {
		return;
	}
	wp_enqueue_script( 'smp-estimator-counts', plugins_url( 'front/counts.js', SMP_ESTIMATOR_FILE ), array(), SMP_ESTIMATOR_VERSION, true );
}

/**
 * The last `$weeks` weeks' totals, oldest first, each with its estimates by
 * pattern.
 *
 * @param int $weeks How many weeks.
 * @return array<string, array{estimate: int, booking: int, request: int, patterns: array<string, int>}>
 */
function smp_estimator_weekly_counts( $weeks ) {
	global $wpdb;
	$monday = current_datetime()->modify( 'monday this week' );
	$table  = array();
	for ( $i = $weeks - 1; $i >= 0; $i-- ) {
		$table[ $monday->modify( "-{$i} weeks" )->format( 'Y-m-d' ) ] = array(
			'estimate' => 0,
			'booking'  => 0,
			'request'  => 0,
			'patterns' => array(),
		);
	}
	$counts = smp_estimator_counts_table();
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the plugin's own table.
	$rows = $wpdb->get_results( $wpdb->prepare( "SELECT week, event, pattern, total FROM {$counts} WHERE week >= %s", array_key_first( $table ) ), ARRAY_A );
	foreach ( (array) $rows as $row ) {
		if ( ! isset( $table[ $row['week'] ][ $row['event'] ] ) ) {
			continue;
		}
		$table[ $row['week'] ][ $row['event'] ] += (int) $row['total'];
		if ( 'estimate' === $row['event'] ) {
			$table[ $row['week'] ]['patterns'][ $row['pattern'] ] = (int) $row['total'];
		}
	}
	return $table;
}

/** SMP estimator → Numbers: the funnel per week, as a chart and a table. */
function smp_estimator_numbers_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$options  = smp_estimator_requests_options();
	$weeks    = smp_estimator_weekly_counts( 12 );
	$labels   = array(
		'estimate' => __( 'Estimates shown', 'smp-estimator' ),
		'booking'  => __( 'Booking-link clicks', 'smp-estimator' ),
		'request'  => __( 'Requests sent', 'smp-estimator' ),
	);
	$patterns = array();
	foreach ( $weeks as $week ) {
		foreach ( $week['patterns'] as $pattern => $total ) {
			$patterns[ $pattern ] = ( $patterns[ $pattern ] ?? 0 ) + $total;
		}
	}
	arsort( $patterns );
	?>
	<div class="wrap smp-estimator-numbers">
		<h1><?php esc_html_e( 'Visitor numbers', 'smp-estimator' ); ?></h1>
		<?php if ( ! $options['counts'] ) : ?>
			<div class="notice notice-info"><p>
				<?php esc_html_e( 'Counting is off, so nothing is counted. Turn it on under Settings → SMP estimator, "Count estimates, booking clicks and requests".', 'smp-estimator' ); ?>
			</p></div>
		<?php endif; ?>
		<p><?php esc_html_e( 'Per week (from Monday): how many estimates visitors saw (one per pattern they looked at), how many followed your booking link, and how many sent a consultation request. No cookie, no identifier and no IP address is kept: these are totals only.', 'smp-estimator' ); ?></p>
		<?php smp_estimator_numbers_chart( $weeks, $labels ); ?>
		<table class="widefat striped smp-estimator-weeks">
			<thead><tr>
				<th scope="col"><?php esc_html_e( 'Week of', 'smp-estimator' ); ?></th>
				<?php foreach ( $labels as $event => $label ) : ?>
					<th scope="col" class="num"><?php echo esc_html( $label ); ?></th>
				<?php endforeach; ?>
			</tr></thead>
			<tbody>
				<?php foreach ( array_reverse( $weeks, true ) as $week => $row ) : ?>
					<tr data-week="<?php echo esc_attr( $week ); ?>">
						<th scope="row"><?php echo esc_html( date_i18n( get_option( 'date_format' ), strtotime( $week ) ) ); ?></th>
						<?php foreach ( array_keys( $labels ) as $event ) : ?>
							<td class="num" data-event="<?php echo esc_attr( $event ); ?>"><?php echo esc_html( number_format_i18n( $row[ $event ] ) ); ?></td>
						<?php endforeach; ?>
					</tr>
				<?php endforeach; ?>
			</tbody>
		</table>
		<h2><?php esc_html_e( 'Estimates by pattern, last 12 weeks', 'smp-estimator' ); ?></h2>
		<?php if ( $patterns ) : ?>
			<table class="widefat striped smp-estimator-patterns">
				<thead><tr><th scope="col"><?php esc_html_e( 'Pattern', 'smp-estimator' ); ?></th><th scope="col" class="num"><?php esc_html_e( 'Estimates shown', 'smp-estimator' ); ?></th></tr></thead>
				<tbody>
					<?php foreach ( $patterns as $pattern => $total ) : ?>
						<tr data-pattern="<?php echo esc_attr( $pattern ); ?>"><th scope="row"><?php echo esc_html( smp_estimator_pattern_label( $pattern ) ); ?></th><td class="num"><?php echo esc_html( number_format_i18n( $total ) ); ?></td></tr>
					<?php endforeach; ?>
				</tbody>
			</table>
		<?php else : ?>
			<p><?php esc_html_e( 'No estimates counted yet.', 'smp-estimator' ); ?></p>
		<?php endif; ?>
	</div>
	<?php
}

/**
 * The weeks as grouped bars in an SVG drawn on the server (no script, no
 * library); the table below holds the same figures for screen readers.
 *
 * @param array $weeks  smp_estimator_weekly_counts().
 * @param array $labels Event => label.
 */
function smp_estimator_numbers_chart( $weeks, $labels ) {
	$width   = 720;
	$height  = 220;
	$bottom  = 190;
	$top     = 20;
	$highest = 1;
	foreach ( $weeks as $row ) {
		$highest = max( $highest, $row['estimate'], $row['booking'], $row['request'] );
	}
	$group = ( $width - 50 ) / count( $weeks );
	$bar   = $group / 4;
	echo '<figure class="smp-estimator-chart"><svg viewBox="0 0 ' . esc_attr( $width ) . ' ' . esc_attr( $height ) . '" role="img" aria-labelledby="smp-estimator-chart-caption">';
	printf( '<line x1="30" y1="%1$d" x2="%2$d" y2="%1$d" class="axis" />', (int) $bottom, (int) $width );
	printf( '<text x="26" y="%d" class="tick">%s</text>', (int) $top + 4, esc_html( number_format_i18n( $highest ) ) );
	printf( '<text x="26" y="%d" class="tick">0</text>', (int) $bottom );
	$index = 0;
	foreach ( $weeks as $week => $row ) {
		$x = 40 + $index * $group;
		$n = 0;
		foreach ( array_keys( $labels ) as $event ) {
			$h = ( $bottom - $top ) * $row[ $event ] / $highest;
			printf(
				'<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" class="bar-%s"><title>%s</title></rect>',
				(float) ( $x + $n * $bar ),
				(float) ( $bottom - $h ),
				(float) ( $bar - 1 ),
				(float) $h,
				esc_attr( $event ),
				esc_html( $labels[ $event ] . ', ' . $week . ': ' . number_format_i18n( $row[ $event ] ) )
			);
			++$n;
		}
		printf( '<text x="%.1f" y="%d" class="week">%s</text>', (float) ( $x + $bar * 1.5 ), (int) $bottom + 16, esc_html( wp_date( 'j M', strtotime( $week . ' 12:00' ) ) ) );
		++$index;
	}
	echo '</svg><figcaption id="smp-estimator-chart-caption">';
	foreach ( $labels as $event => $label ) {
		echo '<span class="key key-' . esc_attr( $event ) . '">' . esc_html( $label ) . '</span> ';
	}
	echo '</figcaption></figure>';
}
