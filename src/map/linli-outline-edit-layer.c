/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-outline-edit-layer"

#include "config.h"

#include <math.h>

#include "linli-outline-edit-layer.h"

/* Draws the outline being drawn or edited, with a handle on every point, and
 * the problems "Check grids" found; turns clicks, drags and the pointer into
 * steps of the LinliOutlineEdit state machine. Problems are numbered overlaps
 * first, then buildings in no grid, as the coverage panel lists them. */

#define EARTH_RADIUS_M 6371008.8
#define HANDLE_RADIUS 5.0

struct _LinliOutlineEditLayer
{
  ShumateLayer     parent_instance;

  LinliOutlineEdit   *edit;
  LinliCoverage   *coverage;
  int              highlight;     /* a problem, or -1 */
  guint            crossing_a;    /* two edges of the outline that cross, */
  guint            crossing_b;    /* or G_MAXUINT */
  gboolean         has_pointer;
  double           pointer_x, pointer_y;
  GtkGesture      *click;
  GtkGesture      *drag;
  GtkEventController *motion;
  GtkWidget       *events;       /* the widget the gestures listen on */
};

G_DEFINE_FINAL_TYPE (LinliOutlineEditLayer, linli_outline_edit_layer, SHUMATE_TYPE_LAYER)

enum {
  FINISH,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static LinliPoint
to_location (LinliOutlineEditLayer *self,
             double              x,
             double              y)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  LinliPoint p;

  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self), x, y, &p.lat, &p.lon);
  return p;
}

static void
to_widget (LinliOutlineEditLayer *self,
           LinliPoint          p,
           double             *x,
           double             *y)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));

  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self), p.lat, p.lon, x, y);
}

/**
 * linli_outline_edit_layer_tolerance_m:
 *
 * Returns: how many metres on the ground the pick tolerance spans at @x, @y
 */
double
linli_outline_edit_layer_tolerance_m (LinliOutlineEditLayer *self,
                                   double              x,
                                   double              y)
{
  LinliPoint a = to_location (self, x, y);
  LinliPoint b = to_location (self, x + LINLI_OUTLINE_EDIT_LAYER_TOLERANCE_PX, y);

  return fabs (b.lon - a.lon) * EARTH_RADIUS_M * cos (a.lat * G_PI / 180) * G_PI / 180;
}

/* The gestures listen on the map, before its layers and its own gestures:
 * turns a position there into one on this layer. Returns FALSE for a
 * position on a child of the layer, such as a button of the hint bar. */
static gboolean
from_events (LinliOutlineEditLayer *self,
             double             *x,
             double             *y)
{
  GtkWidget *picked;

  if (self->events != NULL && self->events != GTK_WIDGET (self))
    {
      double lx, ly;
      if (!gtk_widget_translate_coordinates (self->events, GTK_WIDGET (self), *x, *y, &lx, &ly))
        return FALSE;
      *x = lx;
      *y = ly;
    }
  picked = gtk_widget_pick (GTK_WIDGET (self), *x, *y, GTK_PICK_DEFAULT);
  return picked == NULL || picked == GTK_WIDGET (self);
}

/**
 * linli_outline_edit_layer_click:
 * @n_press: 1 for a click, 2 for the second click of a double click
 *
 * While drawing, a click places a point, and a double click or a click on
 * the first point closes the outline (::finish). While editing, a click on
 * a point selects it, on an edge adds a point there, elsewhere selects
 * nothing.
 */
void
linli_outline_edit_layer_click (LinliOutlineEditLayer *self,
                             int                 n_press,
                             double              x,
                             double              y)
{
  LinliPoint at = to_location (self, x, y);
  double tolerance = linli_outline_edit_layer_tolerance_m (self, x, y);
  guint n_points;
  int point, edge;
  LinliPoint foot;

  linli_outline_edit_get_points (self->edit, &n_points);
  switch (linli_outline_edit_get_state (self->edit))
    {
    case LINLI_OUTLINE_EDIT_DRAWING:
      if (n_press >= 2 ||
          (n_points >= 3 && linli_outline_edit_find_point (self->edit, at, tolerance) == 0))
        g_signal_emit (self, signals[FINISH], 0);
      else
        linli_outline_edit_add_point (self->edit, linli_outline_edit_snap (self->edit, at, tolerance));
      break;

    case LINLI_OUTLINE_EDIT_EDITING:
      if (n_press >= 2)
        break;
      point = linli_outline_edit_find_point (self->edit, at, tolerance);
      if (point >= 0)
        linli_outline_edit_select (self->edit, point);
      else if ((edge = linli_outline_edit_find_edge (self->edit, at, tolerance, &foot)) >= 0)
        linli_outline_edit_insert_point (self->edit, edge, linli_outline_edit_snap (self->edit, foot, tolerance));
      else
        linli_outline_edit_select (self->edit, -1);
      break;

    case LINLI_OUTLINE_EDIT_IDLE:
    default:
      break;
    }
}

/* A press while drawing or editing belongs to the outline, not to the map
 * under it: the map would select the grid clicked. */
static void
click_pressed_cb (LinliOutlineEditLayer *self,
                  int                 n_press,
                  double              x,
                  double              y,
                  GtkGestureClick    *gesture)
{
  if (linli_outline_edit_get_state (self->edit) == LINLI_OUTLINE_EDIT_IDLE || !from_events (self, &x, &y))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  /* Enter and Delete are for the outline now, not for the button that
   * started it. */
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (n_press >= 2)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      linli_outline_edit_layer_click (self, n_press, x, y);
    }
}

static void
click_released_cb (LinliOutlineEditLayer *self,
                   int                 n_press,
                   double              x,
                   double              y,
                   GtkGestureClick    *gesture)
{
  if (n_press != 1 || linli_outline_edit_get_state (self->edit) == LINLI_OUTLINE_EDIT_IDLE ||
      !from_events (self, &x, &y))
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  linli_outline_edit_layer_click (self, n_press, x, y);
}

/* Dragging a point of an outline being edited moves it; a drag anywhere
 * else pans the map as usual. */
static void
drag_begin_cb (LinliOutlineEditLayer *self,
               double              x,
               double              y,
               GtkGestureDrag     *gesture)
{
  int point = -1;

  if (linli_outline_edit_get_state (self->edit) == LINLI_OUTLINE_EDIT_EDITING && from_events (self, &x, &y))
    point = linli_outline_edit_find_point (self->edit, to_location (self, x, y),
                                        linli_outline_edit_layer_tolerance_m (self, x, y));
  if (point < 0 || !linli_outline_edit_begin_drag (self->edit, point))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
drag_update_cb (LinliOutlineEditLayer *self,
                double              dx,
                double              dy,
                GtkGestureDrag     *gesture)
{
  double x, y;

  if (linli_outline_edit_get_dragged (self->edit) < 0)
    return;
  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  from_events (self, &x, &y);
  /* A corner of a neighbouring grid close by takes the point. */
  linli_outline_edit_drag_to (self->edit,
                           linli_outline_edit_snap (self->edit, to_location (self, x + dx, y + dy),
                                                 linli_outline_edit_layer_tolerance_m (self, x + dx, y + dy)));
}

static void
drag_end_cb (LinliOutlineEditLayer *self,
             double              dx,
             double              dy,
             GtkGestureDrag     *gesture)
{
  linli_outline_edit_end_drag (self->edit);
}

static void
drag_cancel_cb (LinliOutlineEditLayer *self,
                GdkEventSequence   *sequence,
                GtkGesture         *gesture)
{
  linli_outline_edit_cancel_drag (self->edit);
}

static void
motion_cb (LinliOutlineEditLayer       *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  if (!from_events (self, &x, &y))
    return;
  self->has_pointer = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
  /* Only the line to the pointer follows it. */
  if (linli_outline_edit_get_state (self->edit) == LINLI_OUTLINE_EDIT_DRAWING)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
leave_cb (LinliOutlineEditLayer *self)
{
  self->has_pointer = FALSE;
  if (linli_outline_edit_get_state (self->edit) == LINLI_OUTLINE_EDIT_DRAWING)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------------ */
/* Drawing */

static void
trace_outline (LinliOutlineEditLayer  *self,
               cairo_t             *cr,
               const LinliGeometry *outline)
{
  for (guint r = 0; r < linli_geometry_get_n_rings (outline); r++)
    {
      guint n;
      const LinliPoint *points = linli_geometry_get_ring (outline, r, &n, NULL);

      for (guint i = 0; i < n; i++)
        {
          double x, y;
          to_widget (self, points[i], &x, &y);
          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
    }
}

static void
draw_marker (cairo_t       *cr,
             double         x,
             double         y,
             double         radius,
             const GdkRGBA *color,
             gboolean       highlighted)
{
  if (highlighted)
    {
      cairo_arc (cr, x, y, radius * 2.2, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, 0.25);
      cairo_fill (cr);
    }
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
}

static void
draw_coverage (LinliOutlineEditLayer *self,
               cairo_t            *cr)
{
  const GdkRGBA red = { 0.88, 0.11, 0.14, 1 };     /* @red_3 */
  const GdkRGBA orange = { 0.90, 0.38, 0.0, 1 };   /* @orange_4 */
  guint n_overlaps = linli_coverage_get_n_overlaps (self->coverage);
  const double dashes[] = { 6, 4 };

  /* The area two grids both cover, filled: one outline clipped by the
   * other. */
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (guint i = 0; i < n_overlaps; i++)
    {
      const LinliCoverageOverlap *overlap = linli_coverage_get_overlap (self->coverage, i);
      const LinliGeometry *a = linli_coverage_get_outline (self->coverage, overlap->grid_a);
      const LinliGeometry *b = linli_coverage_get_outline (self->coverage, overlap->grid_b);

      if (a == NULL || b == NULL)
        continue;
      cairo_save (cr);
      cairo_new_path (cr);
      trace_outline (self, cr, b);
      cairo_clip (cr);
      trace_outline (self, cr, a);
      cairo_set_source_rgba (cr, red.red, red.green, red.blue, (int) i == self->highlight ? 0.35 : 0.22);
      cairo_fill (cr);
      cairo_restore (cr);
    }

  /* Both outlines of every overlapping pair, dashed in red. */
  cairo_set_line_width (cr, 2.5);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  for (guint i = 0; i < n_overlaps; i++)
    {
      const LinliCoverageOverlap *overlap = linli_coverage_get_overlap (self->coverage, i);
      const LinliGeometry *a = linli_coverage_get_outline (self->coverage, overlap->grid_a);
      const LinliGeometry *b = linli_coverage_get_outline (self->coverage, overlap->grid_b);

      cairo_new_path (cr);
      if (a != NULL)
        trace_outline (self, cr, a);
      if (b != NULL)
        trace_outline (self, cr, b);
      cairo_set_source_rgba (cr, red.red, red.green, red.blue, (int) i == self->highlight ? 1 : 0.7);
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint i = 0; i < n_overlaps; i++)
    {
      const LinliCoverageOverlap *overlap = linli_coverage_get_overlap (self->coverage, i);
      double x, y;

      to_widget (self, overlap->point, &x, &y);
      draw_marker (cr, x, y, 7, &red, (int) i == self->highlight);
    }
  for (guint i = 0; i < linli_coverage_get_n_gaps (self->coverage); i++)
    {
      const LinliCoverageGap *gap = linli_coverage_get_gap (self->coverage, i);
      double x, y;

      to_widget (self, gap->point, &x, &y);
      draw_marker (cr, x, y, 6, &orange, (int) (n_overlaps + i) == self->highlight);
    }
}

static void
draw_edit (LinliOutlineEditLayer *self,
           cairo_t            *cr)
{
  GdkRGBA accent = { 0.21, 0.52, 0.89, 1 };   /* @accent_bg_color */
  const GdkRGBA red = { 0.88, 0.11, 0.14, 1 };
  LinliOutlineEditState state = linli_outline_edit_get_state (self->edit);
  guint n, crossing_a = self->crossing_a, crossing_b = self->crossing_b;
  const LinliPoint *points = linli_outline_edit_get_points (self->edit, &n);
  int selected = linli_outline_edit_get_selected (self->edit);
  g_autofree double *xs = g_new (double, n + 1);
  g_autofree double *ys = g_new (double, n + 1);
  const double dashes[] = { 5, 4 };

  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    to_widget (self, points[i], &xs[i], &ys[i]);

  /* The area, once it is closed. */
  if (state == LINLI_OUTLINE_EDIT_EDITING)
    {
      cairo_move_to (cr, xs[0], ys[0]);
      for (guint i = 1; i < n; i++)
        cairo_line_to (cr, xs[i], ys[i]);
      cairo_close_path (cr);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.18);
      cairo_fill (cr);
    }

  /* The edges; while drawing the closing edge and the one to the pointer
   * are dashed. */
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < n; i++)
    {
      guint j = (i + 1) % n;
      gboolean closing = j == 0;

      if (n == 1 || (closing && state == LINLI_OUTLINE_EDIT_DRAWING && n < 3))
        break;
      cairo_move_to (cr, xs[i], ys[i]);
      cairo_line_to (cr, xs[j], ys[j]);
      if (i == crossing_a || i == crossing_b)
        gdk_cairo_set_source_rgba (cr, &red);
      else
        gdk_cairo_set_source_rgba (cr, &accent);
      if (closing && state == LINLI_OUTLINE_EDIT_DRAWING)
        cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  if (state == LINLI_OUTLINE_EDIT_DRAWING && self->has_pointer)
    {
      cairo_move_to (cr, xs[n - 1], ys[n - 1]);
      cairo_line_to (cr, self->pointer_x, self->pointer_y);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.7);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* A handle on every point: the selected one filled, the first one larger
   * while drawing, as clicking it closes the outline. */
  for (guint i = 0; i < n; i++)
    {
      double r = HANDLE_RADIUS;

      if ((int) i == selected)
        r += 2;
      else if (i == 0 && state == LINLI_OUTLINE_EDIT_DRAWING && n >= 3)
        r += 1.5;
      cairo_arc (cr, xs[i], ys[i], r, 0, 2 * G_PI);
      if ((int) i == selected)
        gdk_cairo_set_source_rgba (cr, &accent);
      else
        cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
}

static void
linli_outline_edit_layer_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  LinliOutlineEditLayer *self = LINLI_OUTLINE_EDIT_LAYER (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  if ((self->coverage != NULL || linli_outline_edit_get_state (self->edit) != LINLI_OUTLINE_EDIT_IDLE) &&
      width > 0 && height > 0)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      if (self->coverage != NULL)
        draw_coverage (self, cr);
      draw_edit (self, cr);
      cairo_destroy (cr);
    }
  /* The hint bar and the panel on top. */
  GTK_WIDGET_CLASS (linli_outline_edit_layer_parent_class)->snapshot (widget, snapshot);
}

static void
viewport_changed_cb (LinliOutlineEditLayer *self)
{
  if (self->coverage != NULL || linli_outline_edit_get_state (self->edit) != LINLI_OUTLINE_EDIT_IDLE)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
edit_changed_cb (LinliOutlineEditLayer *self)
{
  /* Checked once per change, not per frame: an imported outline can have
   * thousands of points. The edges that cross are drawn in red. */
  self->crossing_a = self->crossing_b = G_MAXUINT;
  linli_outline_edit_validate (self->edit, &self->crossing_a, &self->crossing_b, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
linli_outline_edit_layer_constructed (GObject *object)
{
  LinliOutlineEditLayer *self = LINLI_OUTLINE_EDIT_LAYER (object);
  ShumateViewport *viewport;

  G_OBJECT_CLASS (linli_outline_edit_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  g_signal_connect_object (viewport, "notify::longitude", G_CALLBACK (viewport_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::latitude", G_CALLBACK (viewport_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::zoom-level", G_CALLBACK (viewport_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::rotation", G_CALLBACK (viewport_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
linli_outline_edit_layer_dispose (GObject *object)
{
  LinliOutlineEditLayer *self = LINLI_OUTLINE_EDIT_LAYER (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  linli_outline_edit_layer_unlisten (self);
  g_clear_object (&self->click);
  g_clear_object (&self->drag);
  g_clear_object (&self->motion);
  if (self->edit != NULL)
    g_signal_handlers_disconnect_by_data (self->edit, self);
  g_clear_object (&self->edit);
  g_clear_pointer (&self->coverage, linli_coverage_free);

  G_OBJECT_CLASS (linli_outline_edit_layer_parent_class)->dispose (object);
}

static void
linli_outline_edit_layer_class_init (LinliOutlineEditLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = linli_outline_edit_layer_constructed;
  object_class->dispose = linli_outline_edit_layer_dispose;
  widget_class->snapshot = linli_outline_edit_layer_snapshot;

  /**
   * LinliOutlineEditLayer::finish:
   *
   * A new outline was double-clicked or closed on its first point.
   */
  signals[FINISH] =
    g_signal_new ("finish", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
linli_outline_edit_layer_init (LinliOutlineEditLayer *self)
{
  self->highlight = -1;
  self->crossing_a = self->crossing_b = G_MAXUINT;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  self->click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (self->click, "pressed", G_CALLBACK (click_pressed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->click, "released", G_CALLBACK (click_released_cb), self, G_CONNECT_SWAPPED);

  self->drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (self->drag, "drag-begin", G_CALLBACK (drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->drag, "drag-update", G_CALLBACK (drag_update_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->drag, "drag-end", G_CALLBACK (drag_end_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->drag, "cancel", G_CALLBACK (drag_cancel_cb), self, G_CONNECT_SWAPPED);

  self->motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (self->motion, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->motion, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
}

/**
 * linli_outline_edit_layer_listen:
 * @widget: the map the layer is on
 *
 * Takes clicks, drags and the pointer on @widget before its own gestures
 * and the other layers do: the map does not pass input to the layers.
 */
void
linli_outline_edit_layer_listen (LinliOutlineEditLayer *self,
                              GtkWidget          *widget)
{
  g_return_if_fail (LINLI_IS_OUTLINE_EDIT_LAYER (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (self->events == NULL);

  self->events = widget;
  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &self->events);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->click), GTK_PHASE_CAPTURE);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->drag), GTK_PHASE_CAPTURE);
  /* The layer keeps its own reference to each. */
  gtk_widget_add_controller (widget, g_object_ref (GTK_EVENT_CONTROLLER (self->click)));
  gtk_widget_add_controller (widget, g_object_ref (GTK_EVENT_CONTROLLER (self->drag)));
  gtk_widget_add_controller (widget, g_object_ref (self->motion));
}

/* Stops listening on the map. */
void
linli_outline_edit_layer_unlisten (LinliOutlineEditLayer *self)
{
  g_return_if_fail (LINLI_IS_OUTLINE_EDIT_LAYER (self));

  if (self->events == NULL)
    return;
  g_object_remove_weak_pointer (G_OBJECT (self->events), (gpointer *) &self->events);
  gtk_widget_remove_controller (self->events, GTK_EVENT_CONTROLLER (self->click));
  gtk_widget_remove_controller (self->events, GTK_EVENT_CONTROLLER (self->drag));
  gtk_widget_remove_controller (self->events, self->motion);
  self->events = NULL;
}

LinliOutlineEditLayer *
linli_outline_edit_layer_new (ShumateViewport *viewport,
                           LinliOutlineEdit   *edit)
{
  LinliOutlineEditLayer *self;

  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);
  g_return_val_if_fail (LINLI_IS_OUTLINE_EDIT (edit), NULL);

  self = g_object_new (LINLI_TYPE_OUTLINE_EDIT_LAYER, "viewport", viewport, NULL);
  self->edit = g_object_ref (edit);
  g_signal_connect_object (edit, "changed", G_CALLBACK (edit_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

/* Puts @child over the map, placed by its alignment: the hint bar, the
 * list of problems. */
void
linli_outline_edit_layer_add_child (LinliOutlineEditLayer *self,
                                 GtkWidget          *child)
{
  g_return_if_fail (LINLI_IS_OUTLINE_EDIT_LAYER (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

/**
 * linli_outline_edit_layer_set_coverage:
 * @coverage: (nullable) (transfer full): the problems to show, or %NULL
 */
void
linli_outline_edit_layer_set_coverage (LinliOutlineEditLayer *self,
                                    LinliCoverage      *coverage)
{
  g_return_if_fail (LINLI_IS_OUTLINE_EDIT_LAYER (self));

  g_clear_pointer (&self->coverage, linli_coverage_free);
  self->coverage = coverage;
  self->highlight = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Marks one problem more strongly: @problem counts overlaps first, then
 * buildings; -1 for none. */
void
linli_outline_edit_layer_set_highlight (LinliOutlineEditLayer *self,
                                     int                 problem)
{
  g_return_if_fail (LINLI_IS_OUTLINE_EDIT_LAYER (self));

  self->highlight = problem;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Whether an outline is being drawn or edited: the map's clicks and drags
 * are for it. */
gboolean
linli_outline_edit_layer_is_busy (LinliOutlineEditLayer *self)
{
  g_return_val_if_fail (LINLI_IS_OUTLINE_EDIT_LAYER (self), FALSE);
  return linli_outline_edit_get_state (self->edit) != LINLI_OUTLINE_EDIT_IDLE;
}
