<?php
/**
 * The clinic's list of consultation requests: WordPress's own list table,
 * newest first, with search, the status views and bulk actions.
 *
 * @package SmpEstimator
 */

defined( 'ABSPATH' ) || exit;

if ( ! class_exists( 'WP_List_Table' ) ) {
	require_once ABSPATH . 'wp-admin/includes/class-wp-list-table.php';
}

/** SMP estimator → Consultation requests. */
class SMP_Estimator_Requests_Table extends WP_List_Table {

	/** Its nonce action is WordPress's `bulk-requests`. */
	public function __construct() {
		parent::__construct(
			array(
				'singular' => 'request',
				'plural'   => 'requests',
				'ajax'     => false,
			)
		);
	}

	/**
	 * The columns.
	 *
	 * @return array<string, string>
	 */
	public function get_columns() {
		return array(
			'cb'         => '<input type="checkbox" />',
			'name'       => __( 'Name', 'smp-estimator' ),
			'contact'    => __( 'Contact', 'smp-estimator' ),
			'pattern'    => __( 'Pattern', 'smp-estimator' ),
			'smp'        => __( 'SMP estimate', 'smp-estimator' ),
			'transplant' => __( 'Transplant estimate', 'smp-estimator' ),
			'status'     => __( 'Status', 'smp-estimator' ),
			'created_at' => __( 'Received', 'smp-estimator' ),
		);
	}

	/**
	 * The status filter from the address, if it is one.
	 *
	 * @return string
	 */
	public static function current_status() {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a filter for display only.
		$status = isset( $_REQUEST['status'] ) ? sanitize_key( wp_unslash( $_REQUEST['status'] ) ) : '';
		return in_array( $status, SMP_ESTIMATOR_STATUSES, true ) ? $status : '';
	}

	/**
	 * The search from the address.
	 *
	 * @return string
	 */
	public static function current_search() {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a filter for display only.
		return isset( $_REQUEST['s'] ) ? trim( sanitize_text_field( wp_unslash( $_REQUEST['s'] ) ) ) : '';
	}

	/**
	 * "All | New (2) | Contacted | …".
	 *
	 * @return array<string, string>
	 */
	protected function get_views() {
		$counts  = smp_estimator_status_counts();
		$current = self::current_status();
		$base    = menu_page_url( 'smp-estimator-requests', false );
		$views   = array(
			'all' => sprintf(
				'<a href="%s"%s>%s <span class="count">(%s)</span></a>',
				esc_url( $base ),
				'' === $current ? ' class="current" aria-current="page"' : '',
				esc_html__( 'All', 'smp-estimator' ),
				esc_html( number_format_i18n( array_sum( $counts ) ) )
			),
		);
		foreach ( SMP_ESTIMATOR_STATUSES as $status ) {
			$views[ $status ] = sprintf(
				'<a href="%s"%s>%s <span class="count">(%s)</span></a>',
				esc_url( add_query_arg( 'status', $status, $base ) ),
				$status === $current ? ' class="current" aria-current="page"' : '',
				esc_html( smp_estimator_status_label( $status ) ),
				esc_html( number_format_i18n( $counts[ $status ] ) )
			);
		}
		return $views;
	}

	/**
	 * The bulk actions: a status, delete, or export as CSV.
	 *
	 * @return array<string, string>
	 */
	protected function get_bulk_actions() {
		$actions = array();
		foreach ( SMP_ESTIMATOR_STATUSES as $status ) {
			/* translators: %s: a status, such as "Contacted". */
			$actions[ 'mark-' . $status ] = sprintf( __( 'Mark as %s', 'smp-estimator' ), smp_estimator_status_label( $status ) );
		}
		$actions['export'] = __( 'Export as CSV', 'smp-estimator' );
		$actions['delete'] = __( 'Delete', 'smp-estimator' );
		return $actions;
	}

	/** Loads the page of requests for the current filter and search, newest first. */
	public function prepare_items() {
		$per_page             = 20;
		$page                 = $this->get_pagenum();
		list( $where, $args ) = smp_estimator_requests_where( self::current_status(), self::current_search() );
		global $wpdb;
		$table = smp_estimator_requests_table();
		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQLPlaceholders -- the plugin's own table; $where holds only placeholders (smp_estimator_requests_where), prepared with $args when it has any.
		$count       = "SELECT COUNT(*) FROM {$table} WHERE {$where}";
		$total       = (int) $wpdb->get_var( $args ? $wpdb->prepare( $count, $args ) : $count );
		$this->items = $wpdb->get_results(
			$wpdb->prepare( "SELECT * FROM {$table} WHERE {$where} ORDER BY created_at DESC, id DESC LIMIT %d OFFSET %d", array_merge( $args, array( $per_page, ( $page - 1 ) * $per_page ) ) ),
			ARRAY_A
		);
		// phpcs:enable
		$this->_column_headers = array( $this->get_columns(), array(), array(), 'name' );
		$this->set_pagination_args(
			array(
				'total_items' => $total,
				'per_page'    => $per_page,
			)
		);
	}

	/** What an empty list says. */
	public function no_items() {
		if ( '' !== self::current_search() || '' !== self::current_status() ) {
			esc_html_e( 'No requests match.', 'smp-estimator' );
		} else {
			esc_html_e( 'No consultation requests yet. They appear here when visitors send one from an estimator on your site.', 'smp-estimator' );
		}
	}

	/**
	 * The row's checkbox.
	 *
	 * @param array $item A request.
	 * @return string
	 */
	protected function column_cb( $item ) {
		return sprintf(
			'<label class="screen-reader-text" for="request-%1$d">%2$s</label><input type="checkbox" id="request-%1$d" name="request[]" value="%1$d" />',
			(int) $item['id'],
			/* translators: %s: the visitor's name. */
			esc_html( sprintf( __( 'Select the request from %s', 'smp-estimator' ), $item['name'] ) )
		);
	}

	/**
	 * The name, linking to the request.
	 *
	 * @param array $item A request.
	 * @return string
	 */
	protected function column_name( $item ) {
		return sprintf( '<strong><a class="row-title" href="%s">%s</a></strong>', esc_url( smp_estimator_request_admin_url( $item['id'] ) ), esc_html( $item['name'] ) );
	}

	/**
	 * View and Delete under the name. Here rather than in column_name(), as
	 * WordPress's own tables do: row_actions() brings the phone layout's
	 * "Show more details" button, and the parent's version of this method
	 * would add a second one to every row.
	 *
	 * @param array  $item        A request.
	 * @param string $column_name The column being drawn.
	 * @param string $primary     The primary column.
	 * @return string
	 */
	protected function handle_row_actions( $item, $column_name, $primary ) {
		if ( $column_name !== $primary ) {
			return '';
		}
		return $this->row_actions(
			array(
				'view'   => sprintf( '<a href="%s">%s</a>', esc_url( smp_estimator_request_admin_url( $item['id'] ) ), esc_html__( 'View', 'smp-estimator' ) ),
				'delete' => sprintf(
					'<a href="%s" class="submitdelete">%s</a>',
					esc_url( smp_estimator_delete_url( $item['id'] ) ),
					esc_html__( 'Delete', 'smp-estimator' )
				),
			)
		);
	}

	/**
	 * Every other column, escaped.
	 *
	 * @param array  $item   A request.
	 * @param string $column The column.
	 * @return string
	 */
	protected function column_default( $item, $column ) {
		switch ( $column ) {
			case 'contact':
				return esc_html( implode( ' · ', array_filter( array( $item['email'], $item['phone'] ) ) ) )
					. '<br><span class="description">' . esc_html( smp_estimator_contact_time_label( $item['contact_time'] ) ) . '</span>';
			case 'pattern':
				return esc_html( smp_estimator_pattern_label( $item['pattern'] ) );
			case 'smp':
				return esc_html( smp_estimator_money( $item['currency'], $item['smp_typical'] ) );
			case 'transplant':
				return esc_html( null === $item['transplant_typical'] ? __( 'not advised', 'smp-estimator' ) : smp_estimator_money( $item['currency'], $item['transplant_typical'] ) );
			case 'status':
				return '<span class="smp-estimator-status-' . esc_attr( $item['status'] ) . '">' . esc_html( smp_estimator_status_label( $item['status'] ) ) . '</span>';
			case 'created_at':
				return esc_html( smp_estimator_local_time( $item['created_at'] ) );
		}
		return '';
	}
}
