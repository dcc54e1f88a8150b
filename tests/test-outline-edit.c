/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "linli-outline-edit.h"

/* The editing state machine on its own: no display. Points are in units of
 * STEP degrees near 济宁; one unit is about 100 m north–south. */

#define LON0 116.587
#define LAT0 35.415
#define STEP 0.001

static LinliPoint
pt (double x,
    double y)
{
  LinliPoint p = { LON0 + x * STEP, LAT0 + y * STEP };
  return p;
}

static void
assert_point (LinliOutlineEdit *edit,
              guint          index,
              double         x,
              double         y)
{
  guint n;
  const LinliPoint *points = linli_outline_edit_get_points (edit, &n);

  g_assert_cmpuint (index, <, n);
  g_assert_cmpfloat_with_epsilon (points[index].lon, LON0 + x * STEP, 1e-12);
  g_assert_cmpfloat_with_epsilon (points[index].lat, LAT0 + y * STEP, 1e-12);
}

static guint
n_points (LinliOutlineEdit *edit)
{
  guint n;
  linli_outline_edit_get_points (edit, &n);
  return n;
}

static void
count_cb (LinliOutlineEdit *edit,
          guint         *count)
{
  (*count)++;
}

/* A 10 × 10 square being edited. */
static LinliOutlineEdit *
square_edit (void)
{
  LinliOutlineEdit *edit = linli_outline_edit_new ();
  const LinliPoint ring[] = { pt (0, 0), pt (10, 0), pt (10, 10), pt (0, 10), pt (0, 0) };
  g_autoptr(LinliGeometry) outline = linli_geometry_new ();
  g_autoptr(GError) error = NULL;

  linli_geometry_add_ring (outline, FALSE, ring, G_N_ELEMENTS (ring));
  g_assert_true (linli_outline_edit_start_editing (edit, outline, &error));
  g_assert_no_error (error);
  return edit;
}

static void
test_draw (void)
{
  g_autoptr(LinliOutlineEdit) edit = linli_outline_edit_new ();
  g_autoptr(LinliGeometry) geometry = NULL;
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  g_signal_connect (edit, "changed", G_CALLBACK (count_cb), &changes);
  g_assert_cmpint (linli_outline_edit_get_state (edit), ==, LINLI_OUTLINE_EDIT_IDLE);
  /* Nothing to add to when not drawing. */
  g_assert_false (linli_outline_edit_add_point (edit, pt (0, 0)));

  linli_outline_edit_start_drawing (edit);
  g_assert_cmpint (linli_outline_edit_get_state (edit), ==, LINLI_OUTLINE_EDIT_DRAWING);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_false (linli_outline_edit_can_undo (edit));

  g_assert_true (linli_outline_edit_add_point (edit, pt (0, 0)));
  g_assert_true (linli_outline_edit_add_point (edit, pt (10, 0)));
  /* The second click of a double click lands on the last point. */
  g_assert_false (linli_outline_edit_add_point (edit, pt (10, 0)));
  g_assert_false (linli_outline_edit_add_point (edit, (LinliPoint) { NAN, LAT0 }));
  g_assert_cmpuint (n_points (edit), ==, 2);
  g_assert_cmpuint (changes, ==, 3);
  g_assert_true (linli_outline_edit_get_modified (edit));

  /* Two points: refused, and still drawing. */
  g_assert_false (linli_outline_edit_finish (edit, &error));
  g_assert_error (error, LINLI_OUTLINE_EDIT_ERROR, LINLI_OUTLINE_EDIT_ERROR_TOO_FEW_POINTS);
  g_assert_cmpint (linli_outline_edit_get_state (edit), ==, LINLI_OUTLINE_EDIT_DRAWING);
  g_clear_error (&error);

  /* Three on one line: no area. */
  g_assert_true (linli_outline_edit_add_point (edit, pt (20, 0)));
  g_assert_false (linli_outline_edit_finish (edit, &error));
  g_assert_error (error, LINLI_OUTLINE_EDIT_ERROR, LINLI_OUTLINE_EDIT_ERROR_NO_AREA);
  g_clear_error (&error);
  g_assert_true (linli_outline_edit_undo (edit));
  g_assert_cmpuint (n_points (edit), ==, 2);

  g_assert_true (linli_outline_edit_add_point (edit, pt (10, 10)));
  g_assert_true (linli_outline_edit_finish (edit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (linli_outline_edit_get_state (edit), ==, LINLI_OUTLINE_EDIT_EDITING);

  geometry = linli_outline_edit_to_geometry (edit);
  g_assert_cmpuint (linli_geometry_get_n_rings (geometry), ==, 1);
  g_assert_true (linli_geometry_contains (geometry, LON0 + 7 * STEP, LAT0 + 3 * STEP));
  g_assert_false (linli_geometry_contains (geometry, LON0 + 3 * STEP, LAT0 + 7 * STEP));

  /* Undo opens the outline again, then takes the points back one by one. */
  g_assert_true (linli_outline_edit_undo (edit));
  g_assert_cmpint (linli_outline_edit_get_state (edit), ==, LINLI_OUTLINE_EDIT_DRAWING);
  g_assert_cmpuint (n_points (edit), ==, 3);
  g_assert_true (linli_outline_edit_undo (edit));
  g_assert_true (linli_outline_edit_undo (edit));
  g_assert_true (linli_outline_edit_undo (edit));
  g_assert_cmpuint (n_points (edit), ==, 0);
  g_assert_false (linli_outline_edit_undo (edit));
  g_assert_false (linli_outline_edit_get_modified (edit));
}

static void
test_refuse_crossing (void)
{
  g_autoptr(LinliOutlineEdit) edit = linli_outline_edit_new ();
  g_autoptr(GError) error = NULL;
  guint a, b;

  linli_outline_edit_start_drawing (edit);
  /* A bow tie. */
  linli_outline_edit_add_point (edit, pt (0, 0));
  linli_outline_edit_add_point (edit, pt (10, 10));
  linli_outline_edit_add_point (edit, pt (10, 0));
  linli_outline_edit_add_point (edit, pt (0, 10));
  g_assert_false (linli_outline_edit_validate (edit, &a, &b, NULL));
  g_assert_cmpuint (a, ==, 0);
  g_assert_cmpuint (b, ==, 2);
  g_assert_false (linli_outline_edit_finish (edit, &error));
  g_assert_error (error, LINLI_OUTLINE_EDIT_ERROR, LINLI_OUTLINE_EDIT_ERROR_SELF_INTERSECTING);
  g_assert_nonnull (error->message);
  g_assert_cmpint (linli_outline_edit_get_state (edit), ==, LINLI_OUTLINE_EDIT_DRAWING);
  g_assert_cmpuint (n_points (edit), ==, 4);

  /* Dragging a point of the closed square across the far edge. */
  g_clear_object (&edit);
  g_clear_error (&error);
  edit = square_edit ();
  g_assert_true (linli_outline_edit_begin_drag (edit, 3));
  linli_outline_edit_drag_to (edit, pt (5, -5));
  linli_outline_edit_end_drag (edit);
  g_assert_false (linli_outline_edit_finish (edit, &error));
  g_assert_error (error, LINLI_OUTLINE_EDIT_ERROR, LINLI_OUTLINE_EDIT_ERROR_SELF_INTERSECTING);
  g_assert_true (linli_outline_edit_undo (edit));
  g_assert_true (linli_outline_edit_validate (edit, NULL, NULL, NULL));
  assert_point (edit, 3, 0, 10);
}

static void
test_start_editing (void)
{
  g_autoptr(LinliOutlineEdit) edit = square_edit ();
  g_autoptr(LinliGeometry) holed = linli_geometry_new ();
  const LinliPoint outer[] = { pt (0, 0), pt (10, 0), pt (10, 10), pt (0, 10), pt (0, 0) };
  const LinliPoint inner[] = { pt (2, 2), pt (4, 2), pt (4, 4), pt (2, 2) };
  const LinliPoint line[] = { pt (0, 0), pt (1, 0), pt (0, 0) };
  g_autoptr(LinliGeometry) too_short = linli_geometry_new ();
  g_autoptr(GError) error = NULL;

  /* The closing point is not kept. */
  g_assert_cmpint (linli_outline_edit_get_state (edit), ==, LINLI_OUTLINE_EDIT_EDITING);
  g_assert_cmpuint (n_points (edit), ==, 4);
  g_assert_false (linli_outline_edit_get_modified (edit));
  g_assert_false (linli_outline_edit_can_undo (edit));

  linli_geometry_add_ring (holed, FALSE, outer, G_N_ELEMENTS (outer));
  linli_geometry_add_ring (holed, TRUE, inner, G_N_ELEMENTS (inner));
  g_assert_false (linli_outline_edit_start_editing (edit, holed, &error));
  g_assert_error (error, LINLI_OUTLINE_EDIT_ERROR, LINLI_OUTLINE_EDIT_ERROR_NOT_EDITABLE);
  g_clear_error (&error);
  /* What was being edited is left alone. */
  g_assert_cmpuint (n_points (edit), ==, 4);

  linli_geometry_add_ring (too_short, FALSE, line, G_N_ELEMENTS (line));
  g_assert_false (linli_outline_edit_start_editing (edit, too_short, &error));
  g_assert_error (error, LINLI_OUTLINE_EDIT_ERROR, LINLI_OUTLINE_EDIT_ERROR_TOO_FEW_POINTS);

  linli_outline_edit_cancel (edit);
  g_assert_cmpint (linli_outline_edit_get_state (edit), ==, LINLI_OUTLINE_EDIT_IDLE);
  g_assert_cmpuint (n_points (edit), ==, 0);
  g_assert_false (linli_outline_edit_can_undo (edit));
}

static void
test_drag (void)
{
  g_autoptr(LinliOutlineEdit) edit = square_edit ();
  guint changes = 0;

  g_signal_connect (edit, "changed", G_CALLBACK (count_cb), &changes);
  g_assert_false (linli_outline_edit_begin_drag (edit, 4));
  g_assert_true (linli_outline_edit_begin_drag (edit, 2));
  g_assert_cmpint (linli_outline_edit_get_dragged (edit), ==, 2);
  g_assert_cmpint (linli_outline_edit_get_selected (edit), ==, 2);
  /* One drag at a time; no undo in the middle of one. */
  g_assert_false (linli_outline_edit_begin_drag (edit, 1));
  g_assert_false (linli_outline_edit_can_undo (edit));
  linli_outline_edit_drag_to (edit, pt (11, 11));
  linli_outline_edit_drag_to (edit, pt (12, 13));
  assert_point (edit, 2, 12, 13);
  linli_outline_edit_end_drag (edit);
  g_assert_cmpint (linli_outline_edit_get_dragged (edit), ==, -1);
  g_assert_cmpuint (changes, ==, 4);

  /* A drag that ends where it started leaves no step. */
  g_assert_true (linli_outline_edit_begin_drag (edit, 0));
  linli_outline_edit_end_drag (edit);
  /* A cancelled drag puts the point back and leaves no step. */
  g_assert_true (linli_outline_edit_begin_drag (edit, 1));
  linli_outline_edit_drag_to (edit, pt (30, 0));
  linli_outline_edit_cancel_drag (edit);
  assert_point (edit, 1, 10, 0);

  /* The whole first drag is one step. */
  g_assert_true (linli_outline_edit_undo (edit));
  assert_point (edit, 2, 10, 10);
  g_assert_false (linli_outline_edit_can_undo (edit));
  g_assert_false (linli_outline_edit_get_modified (edit));
}

static void
test_find (void)
{
  g_autoptr(LinliOutlineEdit) edit = square_edit ();
  double unit_m = 0.001 * 6371008.8 * G_PI / 180;   /* one unit north, in metres */
  LinliPoint foot;

  g_assert_cmpint (linli_outline_edit_find_point (edit, pt (10.1, 9.9), 0.5 * unit_m), ==, 2);
  g_assert_cmpint (linli_outline_edit_find_point (edit, pt (5, 5), 0.5 * unit_m), ==, -1);
  g_assert_cmpint (linli_outline_edit_find_point (edit, pt (0.2, 0.3), 0.5 * unit_m), ==, 0);
  /* The nearer of two. */
  g_assert_cmpint (linli_outline_edit_find_point (edit, pt (0, 6), 6 * unit_m), ==, 3);

  g_assert_cmpint (linli_outline_edit_find_edge (edit, pt (5, 0.1), 0.5 * unit_m, &foot), ==, 0);
  g_assert_cmpfloat_with_epsilon (foot.lon, LON0 + 5 * STEP, 1e-9);
  g_assert_cmpfloat_with_epsilon (foot.lat, LAT0, 1e-12);
  g_assert_cmpint (linli_outline_edit_find_edge (edit, pt (10.2, 4), 0.5 * unit_m, NULL), ==, 1);
  /* The closing edge, from the last point back to the first. */
  g_assert_cmpint (linli_outline_edit_find_edge (edit, pt (-0.1, 5), 0.5 * unit_m, &foot), ==, 3);
  g_assert_cmpint (linli_outline_edit_find_edge (edit, pt (5, 5), 0.5 * unit_m, NULL), ==, -1);

  /* While drawing there are no edges to insert on. */
  linli_outline_edit_start_drawing (edit);
  linli_outline_edit_add_point (edit, pt (0, 0));
  linli_outline_edit_add_point (edit, pt (10, 0));
  g_assert_cmpint (linli_outline_edit_find_edge (edit, pt (5, 0), unit_m, NULL), ==, -1);
  g_assert_cmpint (linli_outline_edit_find_point (edit, pt (10, 0), unit_m), ==, 1);
}

static void
test_insert (void)
{
  g_autoptr(LinliOutlineEdit) edit = square_edit ();

  g_assert_false (linli_outline_edit_insert_point (edit, 4, pt (5, 5)));
  g_assert_true (linli_outline_edit_insert_point (edit, 3, pt (-1, 5)));
  g_assert_cmpuint (n_points (edit), ==, 5);
  assert_point (edit, 4, -1, 5);
  g_assert_cmpint (linli_outline_edit_get_selected (edit), ==, 4);

  g_assert_true (linli_outline_edit_insert_point (edit, 0, pt (5, -1)));
  assert_point (edit, 1, 5, -1);
  assert_point (edit, 2, 10, 0);
  g_assert_true (linli_outline_edit_validate (edit, NULL, NULL, NULL));

  g_assert_true (linli_outline_edit_undo (edit));
  g_assert_true (linli_outline_edit_undo (edit));
  g_assert_cmpuint (n_points (edit), ==, 4);
  g_assert_cmpint (linli_outline_edit_get_selected (edit), ==, -1);

  /* Not while drawing. */
  linli_outline_edit_start_drawing (edit);
  linli_outline_edit_add_point (edit, pt (0, 0));
  linli_outline_edit_add_point (edit, pt (10, 0));
  g_assert_false (linli_outline_edit_insert_point (edit, 0, pt (5, 0)));
}

static void
test_delete (void)
{
  g_autoptr(LinliOutlineEdit) edit = square_edit ();
  g_autoptr(GError) error = NULL;

  /* Nothing selected. */
  g_assert_false (linli_outline_edit_delete_selected (edit, &error));
  g_assert_no_error (error);

  linli_outline_edit_insert_point (edit, 1, pt (12, 5));
  linli_outline_edit_select (edit, 0);
  g_assert_cmpint (linli_outline_edit_get_selected (edit), ==, 0);
  g_assert_true (linli_outline_edit_delete_selected (edit, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_points (edit), ==, 4);
  assert_point (edit, 0, 10, 0);
  g_assert_cmpint (linli_outline_edit_get_selected (edit), ==, -1);

  /* Three points left: the fourth may go, the third may not. */
  linli_outline_edit_select (edit, 1);
  g_assert_true (linli_outline_edit_delete_selected (edit, NULL));
  linli_outline_edit_select (edit, 1);
  g_assert_false (linli_outline_edit_delete_selected (edit, &error));
  g_assert_error (error, LINLI_OUTLINE_EDIT_ERROR, LINLI_OUTLINE_EDIT_ERROR_TOO_FEW_POINTS);
  g_assert_cmpuint (n_points (edit), ==, 3);

  /* Undo brings them back, selected as they were. */
  g_assert_true (linli_outline_edit_undo (edit));
  g_assert_cmpuint (n_points (edit), ==, 4);
  g_assert_cmpint (linli_outline_edit_get_selected (edit), ==, 1);
  g_assert_true (linli_outline_edit_undo (edit));
  assert_point (edit, 0, 0, 0);
  g_assert_cmpint (linli_outline_edit_get_selected (edit), ==, 0);

  /* While drawing any point may go. */
  linli_outline_edit_start_drawing (edit);
  linli_outline_edit_add_point (edit, pt (0, 0));
  linli_outline_edit_select (edit, 0);
  g_assert_true (linli_outline_edit_delete_selected (edit, NULL));
  g_assert_cmpuint (n_points (edit), ==, 0);
}

static void
test_cancel (void)
{
  g_autoptr(LinliOutlineEdit) edit = linli_outline_edit_new ();
  guint changes = 0;

  linli_outline_edit_start_drawing (edit);
  linli_outline_edit_add_point (edit, pt (0, 0));
  linli_outline_edit_add_point (edit, pt (1, 0));
  g_signal_connect (edit, "changed", G_CALLBACK (count_cb), &changes);
  linli_outline_edit_cancel (edit);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (linli_outline_edit_get_state (edit), ==, LINLI_OUTLINE_EDIT_IDLE);
  g_assert_cmpuint (n_points (edit), ==, 0);
  g_assert_false (linli_outline_edit_undo (edit));
  /* Cancelling when idle changes nothing. */
  linli_outline_edit_cancel (edit);
  g_assert_cmpuint (changes, ==, 1);
}

static void
test_snap (void)
{
  g_autoptr(LinliOutlineEdit) edit = linli_outline_edit_new ();
  const LinliPoint corners[] = { pt (10, 0), pt (10, 10), pt (10.3, 10) };
  double unit_m = 0.001 * 6371008.8 * G_PI / 180;
  LinliPoint p;

  /* Nothing to snap to: the point stays. */
  p = linli_outline_edit_snap (edit, pt (9.9, 0.1), unit_m);
  g_assert_cmpfloat (p.lon, ==, pt (9.9, 0.1).lon);

  linli_outline_edit_set_snap_points (edit, corners, G_N_ELEMENTS (corners));
  p = linli_outline_edit_snap (edit, pt (9.9, 0.1), 0.5 * unit_m);
  g_assert_cmpfloat (p.lon, ==, corners[0].lon);
  g_assert_cmpfloat (p.lat, ==, corners[0].lat);
  /* The nearest of two. */
  p = linli_outline_edit_snap (edit, pt (10.2, 10), 0.5 * unit_m);
  g_assert_cmpfloat (p.lon, ==, corners[2].lon);
  /* Too far. */
  p = linli_outline_edit_snap (edit, pt (5, 5), 0.5 * unit_m);
  g_assert_cmpfloat (p.lon, ==, pt (5, 5).lon);
  g_assert_cmpfloat (p.lat, ==, pt (5, 5).lat);

  linli_outline_edit_set_snap_points (edit, NULL, 0);
  p = linli_outline_edit_snap (edit, pt (9.9, 0.1), unit_m);
  g_assert_cmpfloat (p.lon, ==, pt (9.9, 0.1).lon);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/outline-edit/draw", test_draw);
  g_test_add_func ("/outline-edit/refuse-crossing", test_refuse_crossing);
  g_test_add_func ("/outline-edit/start-editing", test_start_editing);
  g_test_add_func ("/outline-edit/drag", test_drag);
  g_test_add_func ("/outline-edit/find", test_find);
  g_test_add_func ("/outline-edit/insert", test_insert);
  g_test_add_func ("/outline-edit/delete", test_delete);
  g_test_add_func ("/outline-edit/cancel", test_cancel);
  g_test_add_func ("/outline-edit/snap", test_snap);

  return g_test_run ();
}
