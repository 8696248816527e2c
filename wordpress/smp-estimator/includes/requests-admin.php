<?php
/**
 * The admin side of consultation requests: the "SMP estimator" menu with
 * the count of new requests, the list, one request's page, the status
 * change, delete, bulk actions and CSV export. Every action checks
 * `manage_options` and a nonce before it reads anything else.
 *
 * @package SmpEstimator
 */

defined( 'ABSPATH' ) || exit;

/** Adds SMP estimator → Consultation requests and → Visitor numbers. */
function smp_estimator_add_requests_pages() {
	$new    = smp_estimator_status_counts()['new'];
	$bubble = $new ? sprintf( ' <span class="awaiting-mod count-%1$d"><span class="pending-count">%2$s</span></span>', (int) $new, esc_html( number_format_i18n( $new ) ) ) : '';
	add_menu_page(
		__( 'Consultation requests', 'smp-estimator' ),
		esc_html__( 'SMP estimator', 'smp-estimator' ) . $bubble,
		'manage_options',
		'smp-estimator-requests',
		'smp_estimator_requests_page',
		'dashicons-calculator',
		26
	);
	$hook = add_submenu_page(
		'smp-estimator-requests',
		__( 'Consultation requests', 'smp-estimator' ),
		esc_html__( 'Consultation requests', 'smp-estimator' ) . $bubble,
		'manage_options',
		'smp-estimator-requests',
		'smp_estimator_requests_page'
	);
	add_submenu_page(
		'smp-estimator-requests',
		__( 'Visitor numbers', 'smp-estimator' ),
		__( 'Visitor numbers', 'smp-estimator' ),
		'manage_options',
		'smp-estimator-numbers',
		'smp_estimator_numbers_page'
	);
	if ( $hook ) {
		add_action( 'load-' . $hook, 'smp_estimator_requests_actions' );
	}
	add_action(
		'admin_enqueue_scripts',
		static function ( $current ) {
			if ( false !== strpos( (string) $current, 'smp-estimator-requests' ) || false !== strpos( (string) $current, 'smp-estimator-numbers' ) ) {
				wp_enqueue_style( 'smp-estimator-requests', plugins_url( 'admin/requests.css', SMP_ESTIMATOR_FILE ), array(), SMP_ESTIMATOR_VERSION );
			}
		}
	);
}

/**
 * Requests per status.
 *
 * @return array<string, int>
 */
function smp_estimator_status_counts() {
	global $wpdb;
	$counts = array_fill_keys( SMP_ESTIMATOR_STATUSES, 0 );
	if ( get_option( 'smp_estimator_db_version' ) !== SMP_ESTIMATOR_DB_VERSION ) {
		return $counts;
	}
	$table = smp_estimator_requests_table();
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the plugin's own table, no input.
	foreach ( (array) $wpdb->get_results( "SELECT status, COUNT(*) AS n FROM {$table} GROUP BY status", ARRAY_A ) as $row ) {
		if ( isset( $counts[ $row['status'] ] ) ) {
			$counts[ $row['status'] ] = (int) $row['n'];
		}
	}
	return $counts;
}

/**
 * A stored UTC time in the site's time zone and format.
 *
 * @param string $utc `Y-m-d H:i:s`, UTC.
 * @return string
 */
function smp_estimator_local_time( $utc ) {
	return wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), strtotime( $utc . ' UTC' ) );
}

/**
 * The WHERE clause (placeholders only) and its values for a status filter and a search.
 *
 * @param string $status '' for all.
 * @param string $search '' for none: otherwise name, email, phone, pattern id or pattern name contains it.
 * @return array{0: string, 1: array}
 */
function smp_estimator_requests_where( $status, $search ) {
	global $wpdb;
	$where = array( '1=1' );
	$args  = array();
	if ( '' !== $status ) {
		$where[] = 'status = %s';
		$args[]  = $status;
	}
	if ( '' !== $search ) {
		$like = '%' . $wpdb->esc_like( $search ) . '%';
		$or   = 'name LIKE %s OR email LIKE %s OR phone LIKE %s OR pattern LIKE %s';
		array_push( $args, $like, $like, $like, $like );
		// The list shows pattern names ("Norwood V"), so a search for one finds its id too.
		$named = array_values( array_filter( SMP_ESTIMATOR_PATTERNS, static fn( $id ) => false !== stripos( smp_estimator_pattern_label( $id ), $search ) ) );
		if ( $named ) {
			$or  .= ' OR pattern IN (' . implode( ',', array_fill( 0, count( $named ), '%s' ) ) . ')';
			$args = array_merge( $args, $named );
		}
		$where[] = '(' . $or . ')';
	}
	return array( implode( ' AND ', $where ), $args );
}

/**
 * One request.
 *
 * @param int $id Its id.
 * @return array|null
 */
function smp_estimator_get_request( $id ) {
	global $wpdb;
	$table = smp_estimator_requests_table();
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the plugin's own table.
	$row = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$table} WHERE id = %d", $id ), ARRAY_A );
	return is_array( $row ) ? $row : null;
}

/**
 * The nonce-checked link that deletes one request.
 *
 * @param int $id The request's id.
 * @return string
 */
function smp_estimator_delete_url( $id ) {
	return wp_nonce_url(
		add_query_arg(
			array(
				'action'  => 'delete',
				'request' => (int) $id,
			),
			menu_page_url( 'smp-estimator-requests', false )
		),
		'smp_estimator_delete_' . (int) $id
	);
}

/**
 * The nonce-checked link that exports the list as it is filtered.
 *
 * @return string
 */
function smp_estimator_export_url() {
	$args = array( 'action' => 'export-all' );
	if ( '' !== SMP_Estimator_Requests_Table::current_status() ) {
		$args['status'] = SMP_Estimator_Requests_Table::current_status();
	}
	if ( '' !== SMP_Estimator_Requests_Table::current_search() ) {
		$args['s'] = SMP_Estimator_Requests_Table::current_search();
	}
	return wp_nonce_url( add_query_arg( $args, menu_page_url( 'smp-estimator-requests', false ) ), 'smp_estimator_export' );
}

/**
 * The action asked for: WP_List_Table's bulk menus send `action` (top) or
 * `action2` (bottom); -1 is "Bulk actions".
 *
 * @return string
 */
function smp_estimator_requested_action() {
	// phpcs:disable WordPress.Security.NonceVerification.Recommended -- read to choose which nonce to check.
	foreach ( array( 'action', 'action2' ) as $key ) {
		if ( isset( $_REQUEST[ $key ] ) && '-1' !== $_REQUEST[ $key ] && '' !== $_REQUEST[ $key ] ) {
			return sanitize_key( wp_unslash( $_REQUEST[ $key ] ) );
		}
	}
	// phpcs:enable
	return '';
}

/** Handles the page's actions before anything is printed, then redirects (or sends the CSV). */
function smp_estimator_requests_actions() {
	$action = smp_estimator_requested_action();
	if ( '' === $action ) {
		return;
	}
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to manage consultation requests.', 'smp-estimator' ), 403 );
	}
	global $wpdb;
	$table = smp_estimator_requests_table();
	$back  = menu_page_url( 'smp-estimator-requests', false );
	// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQLPlaceholders -- the plugin's own table; every value is a placeholder (`$in` and `$where` hold only %d/%s).
	if ( 'delete' === $action && isset( $_GET['request'] ) && ! is_array( $_GET['request'] ) ) {
		$id = absint( $_GET['request'] );
		check_admin_referer( 'smp_estimator_delete_' . $id );
		$wpdb->delete( $table, array( 'id' => $id ), array( '%d' ) );
		wp_safe_redirect( add_query_arg( 'smp-done', 'deleted-1', $back ) );
		exit;
	}
	if ( 'set-status' === $action ) {
		$id = isset( $_POST['request'] ) ? absint( $_POST['request'] ) : 0;
		check_admin_referer( 'smp_estimator_status_' . $id );
		$status = isset( $_POST['status'] ) ? sanitize_key( wp_unslash( $_POST['status'] ) ) : '';
		if ( in_array( $status, SMP_ESTIMATOR_STATUSES, true ) ) {
			$wpdb->update( $table, array( 'status' => $status ), array( 'id' => $id ), array( '%s' ), array( '%d' ) );
		}
		wp_safe_redirect( add_query_arg( 'smp-done', 'status', smp_estimator_request_admin_url( $id ) ) );
		exit;
	}
	if ( 'export-all' === $action ) {
		check_admin_referer( 'smp_estimator_export' );
		list( $where, $args ) = smp_estimator_requests_where( SMP_Estimator_Requests_Table::current_status(), SMP_Estimator_Requests_Table::current_search() );
		$sql                  = "SELECT * FROM {$table} WHERE {$where} ORDER BY created_at DESC, id DESC";
		smp_estimator_send_csv( $wpdb->get_results( $args ? $wpdb->prepare( $sql, $args ) : $sql, ARRAY_A ) );
	}
	// The list's bulk actions, on the ticked requests.
	check_admin_referer( 'bulk-requests' );
	$ids = isset( $_REQUEST['request'] ) ? array_filter( array_map( 'absint', (array) wp_unslash( $_REQUEST['request'] ) ) ) : array();
	if ( ! $ids ) {
		wp_safe_redirect( add_query_arg( 'smp-done', 'none', $back ) );
		exit;
	}
	$in = implode( ',', array_fill( 0, count( $ids ), '%d' ) );
	if ( 'export' === $action ) {
		smp_estimator_send_csv( $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$table} WHERE id IN ({$in}) ORDER BY created_at DESC, id DESC", $ids ), ARRAY_A ) );
	}
	if ( 'delete' === $action ) {
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$table} WHERE id IN ({$in})", $ids ) );
		wp_safe_redirect( add_query_arg( 'smp-done', 'deleted-' . count( $ids ), $back ) );
		exit;
	}
	$status = 0 === strpos( $action, 'mark-' ) ? substr( $action, 5 ) : '';
	if ( in_array( $status, SMP_ESTIMATOR_STATUSES, true ) ) {
		$wpdb->query( $wpdb->prepare( "UPDATE {$table} SET status = %s WHERE id IN ({$in})", array_merge( array( $status ), $ids ) ) );
		wp_safe_redirect( add_query_arg( 'smp-done', 'marked-' . count( $ids ), $back ) );
		exit;
	}
	// phpcs:enable
	wp_safe_redirect( $back );
	exit;
}

/**
 * A CSV cell that a spreadsheet cannot run: text starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return is a formula to Excel, LibreOffice
 * and Google Sheets (a visitor could type `=HYPERLINK(…)` as their name),
 * so it gets a leading apostrophe, which they show as text (OWASP's advice
 * on CSV injection).
 *
 * @param mixed $value A value.
 * @return string
 */
function smp_estimator_csv_cell( $value ) {
	$text = null === $value ? '' : (string) $value;
	if ( '' !== $text && false !== strpos( "=+-@\t\r", $text[0] ) ) {
		$text = "'" . $text;
	}
	return $text;
}

/**
 * Sends requests as a CSV download and ends the request.
 *
 * @param array $rows Stored requests.
 */
function smp_estimator_send_csv( $rows ) {
	$columns = array(
		'id'                 => 'id',
		'created_at'         => 'received_utc',
		'status'             => 'status',
		'name'               => 'name',
		'email'              => 'email',
		'phone'              => 'phone',
		'contact_time'       => 'contact_time',
		'pattern'            => 'pattern',
		'pattern_name'       => 'pattern_name',
		'currency'           => 'currency',
		'smp_min'            => 'smp_min',
		'smp_typical'        => 'smp_typical',
		'smp_max'            => 'smp_max',
		'transplant_min'     => 'transplant_min',
		'transplant_typical' => 'transplant_typical',
		'transplant_max'     => 'transplant_max',
		'page'               => 'page',
		'campaign_json'      => 'campaign',
		'consent_text'       => 'consent_text',
	);
	nocache_headers();
	header( 'Content-Type: text/csv; charset=utf-8' );
	header( 'Content-Disposition: attachment; filename="consultation-requests-' . gmdate( 'Y-m-d' ) . '.csv"' );
	header( 'X-Content-Type-Options: nosniff' );
	$out = fopen( 'php://output', 'w' );
	// A byte-order mark, so that Excel reads the names as UTF-8.
	fwrite( $out, "\xEF\xBB\xBF" ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fwrite
	fputcsv( $out, array_values( $columns ) );
	foreach ( (array) $rows as $row ) {
		$row['pattern_name'] = smp_estimator_pattern_label( (string) ( $row['pattern'] ?? '' ) );
		fputcsv( $out, array_map( static fn( $key ) => smp_estimator_csv_cell( $row[ $key ] ?? '' ), array_keys( $columns ) ) );
	}
	fclose( $out ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose
	exit;
}

/** SMP estimator → Consultation requests: the list, or one request. */
function smp_estimator_requests_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- which request to show.
	$id = isset( $_GET['request'] ) && ! isset( $_GET['action'] ) ? absint( $_GET['request'] ) : 0;
	if ( $id ) {
		smp_estimator_request_page( $id );
		return;
	}
	$table = new SMP_Estimator_Requests_Table();
	$table->prepare_items();
	?>
	<div class="wrap smp-estimator-requests">
		<h1 class="wp-heading-inline"><?php esc_html_e( 'Consultation requests', 'smp-estimator' ); ?></h1>
		<a href="<?php echo esc_url( smp_estimator_export_url() ); ?>" class="page-title-action" id="smp-estimator-export"><?php esc_html_e( 'Export as CSV', 'smp-estimator' ); ?></a>
		<hr class="wp-header-end">
		<?php smp_estimator_done_notice(); ?>
		<?php $table->views(); ?>
		<form method="get">
			<input type="hidden" name="page" value="smp-estimator-requests">
			<?php if ( '' !== SMP_Estimator_Requests_Table::current_status() ) : ?>
				<input type="hidden" name="status" value="<?php echo esc_attr( SMP_Estimator_Requests_Table::current_status() ); ?>">
			<?php endif; ?>
			<?php $table->search_box( __( 'Search requests', 'smp-estimator' ), 'smp-estimator-search' ); ?>
			<?php $table->display(); ?>
		</form>
	</div>
	<?php
}

/** The notice after an action. */
function smp_estimator_done_notice() {
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- only chooses which notice to show.
	$done = isset( $_GET['smp-done'] ) ? sanitize_key( wp_unslash( $_GET['smp-done'] ) ) : '';
	if ( '' === $done ) {
		return;
	}
	$count = (int) preg_replace( '/\D/', '', $done );
	if ( 0 === strpos( $done, 'deleted' ) ) {
		/* translators: %s: how many requests. */
		$text = sprintf( _n( '%s request deleted.', '%s requests deleted.', $count, 'smp-estimator' ), number_format_i18n( $count ) );
	} elseif ( 0 === strpos( $done, 'marked' ) ) {
		/* translators: %s: how many requests. */
		$text = sprintf( _n( '%s request updated.', '%s requests updated.', $count, 'smp-estimator' ), number_format_i18n( $count ) );
	} elseif ( 'status' === $done ) {
		$text = __( 'Status updated.', 'smp-estimator' );
	} else {
		$text = __( 'Tick at least one request first.', 'smp-estimator' );
	}
	echo '<div class="notice notice-success is-dismissible"><p>' . esc_html( $text ) . '</p></div>';
}

/**
 * One request: everything it holds, and its status.
 *
 * @param int $id The request's id.
 */
function smp_estimator_request_page( $id ) {
	$row  = smp_estimator_get_request( $id );
	$back = menu_page_url( 'smp-estimator-requests', false );
	if ( null === $row ) {
		echo '<div class="wrap"><h1>' . esc_html__( 'Consultation request', 'smp-estimator' ) . '</h1><p>' . esc_html__( 'This request no longer exists (deleted, erased or past the retention period).', 'smp-estimator' ) . '</p><p><a href="' . esc_url( $back ) . '">' . esc_html__( 'All requests', 'smp-estimator' ) . '</a></p></div>';
		return;
	}
	$campaign = json_decode( (string) $row['campaign_json'], true );
	$input    = json_decode( (string) $row['input_json'], true );
	$fields   = array(
		__( 'Received', 'smp-estimator' ) => smp_estimator_local_time( $row['created_at'] ),
	) + smp_estimator_request_contact_and_quote( $row ) + array(
		__( 'Answers', 'smp-estimator' )           => is_array( $input ) ? http_build_query( array_filter( $input, static fn( $v ) => null !== $v && ! is_array( $v ) ), '', ', ' ) : '',
		__( 'Page', 'smp-estimator' )              => $row['page'],
		__( 'Campaign', 'smp-estimator' )          => is_array( $campaign ) ? http_build_query( $campaign, '', ', ' ) : '',
		__( 'Consent, as shown', 'smp-estimator' ) => $row['consent_text'],
	);
	?>
	<div class="wrap smp-estimator-request">
		<h1><?php echo esc_html( $row['name'] ); ?></h1>
		<?php smp_estimator_done_notice(); ?>
		<table class="form-table" role="presentation"><tbody>
			<?php foreach ( $fields as $label => $value ) : ?>
				<tr><th scope="row"><?php echo esc_html( $label ); ?></th><td><?php echo esc_html( '' !== $value ? $value : '-' ); ?></td></tr>
			<?php endforeach; ?>
		</tbody></table>
		<form method="post" action="<?php echo esc_url( $back ); ?>" class="smp-estimator-status-form">
			<?php wp_nonce_field( 'smp_estimator_status_' . (int) $row['id'] ); ?>
			<input type="hidden" name="action" value="set-status">
			<input type="hidden" name="request" value="<?php echo esc_attr( $row['id'] ); ?>">
			<label for="smp-estimator-status"><?php esc_html_e( 'Status', 'smp-estimator' ); ?></label>
			<select id="smp-estimator-status" name="status">
				<?php foreach ( SMP_ESTIMATOR_STATUSES as $status ) : ?>
					<option value="<?php echo esc_attr( $status ); ?>"<?php selected( $row['status'], $status ); ?>><?php echo esc_html( smp_estimator_status_label( $status ) ); ?></option>
				<?php endforeach; ?>
			</select>
			<?php submit_button( __( 'Update status', 'smp-estimator' ), 'primary', 'submit', false ); ?>
			<a class="submitdelete smp-estimator-delete" href="<?php echo esc_url( smp_estimator_delete_url( $row['id'] ) ); ?>"><?php esc_html_e( 'Delete this request', 'smp-estimator' ); ?></a>
		</form>
		<p><a href="<?php echo esc_url( $back ); ?>">&larr; <?php esc_html_e( 'All requests', 'smp-estimator' ); ?></a></p>
	</div>
	<?php
}
