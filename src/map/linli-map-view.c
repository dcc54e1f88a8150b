/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-map-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <shumate/shumate.h>

#include <adwaita.h>

#include "linli-building-store.h"
#include "linli-outline-edit-layer.h"
#include "linli-grid-layer.h"
#include "linli-grid-panel.h"
#include "linli-map-points.h"
#include "linli-map-style.h"
#include "linli-base-map.h"
#include "linli-map-view.h"
#include "linli-point-layer.h"
#include "linli-record-names.h"
#include "linli-tile-cache.h"

/* The Map page: the community's grids over a base map, with its buildings,
 * cases, activities and outreach events. With no base map (the default)
 * nothing is fetched from the network and the grids always draw.
 *
 * A click on a point shows what it is in a popover; on a disc of several
 * cases, zooms in on them; on a grid, shows the grid in the side panel. */

/* How often the points are read again, as cases fall overdue. */
#define OVERDUE_CHECK_S 300

/* Zoom levels a click on a disc of cases zooms in by. */
#define CLUSTER_ZOOM_STEP 2
/* Points closer than this (pixels) at the closest zoom still overlap: a
 * disc of them lists them instead of zooming in. */
#define PILE_SPREAD 12.0
/* The most communities whose case filter is remembered. */
#define MAX_REMEMBERED 50
/* Narrower than this, the grid panel is a sheet over the bottom of the
 * map instead of a column beside it. */
#define NARROW_WIDTH 900
/* The most of the map's height the sheet covers. */
#define SHEET_SHARE 0.55
/* Room kept between the map's toolbar and the sheet. */
#define SHEET_GAP 12
/* A press on a building that moves less than this (pixels) is a click. */
#define DRAG_THRESHOLD 4.0
/* Buildings are dragged from this zoom level on, where they stand apart. */
#define BUILDING_DRAG_ZOOM 16

/* The layers Linli draws, in the order of their show-* properties. */
enum {
  LAYER_GRIDS,
  LAYER_BUILDINGS,
  LAYER_CASES,
  LAYER_ACTIVITIES,
  LAYER_OUTREACH,
  N_LAYERS
};

struct _LinliMapView
{
  GtkWidget             parent_instance;

  AdwFlap              *flap;
  GtkSeparator         *separator;
  GtkWidget            *overlay;
  ShumateMap           *map;
  ShumateScale         *scale;
  ShumateLicense       *license;
  GtkWidget            *toolbar;
  gboolean              narrow;      /* the panel is a sheet over the map */
  guint                 refold_id;
  LinliGridPanel       *grid_panel;
  GtkGrid              *legend;
  GtkScrolledWindow    *layers_scroller;
  GtkPopover           *point_popover;

  LinliBaseMap         *base_map;      /* its layers under the grids */
  LinliGridLayer       *grid_layer;
  LinliPointLayer      *point_layers[LINLI_MAP_POINT_N_KINDS];
  ShumateMarkerLayer   *pin_layer;
  ShumateMarker        *pin;
  GListModel           *grids;
  LinliRecordNames     *workers;

  LinliStore           *store;
  gulong                store_changed_id;
  guint                 reload_id;
  GCancellable         *points_cancellable;  /* the read of the points in a thread */
  gboolean              read_cut_short;      /* by taking the view out of its window */
  guint                 clock_id;
  gboolean              browsing;

  gboolean              show[N_LAYERS];
  LinliMapCases         cases;
  LinliMapPeriod        period;
  GSettings            *settings;    /* NULL without the schema */

  /* A building dragged to a new place. */
  GtkGesture           *drag;
  gint64                drag_id;
  double                drag_x, drag_y;
  gboolean              dragging;
  ShumateMarkerLayer   *drag_layer;
  ShumateMarker        *drag_marker;
};

G_DEFINE_FINAL_TYPE (LinliMapView, linli_map_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SHOW_GRIDS,
  PROP_SHOW_BUILDINGS,
  PROP_SHOW_CASES,
  PROP_SHOW_ACTIVITIES,
  PROP_SHOW_OUTREACH,
  PROP_BROWSING,
  PROP_CASES,
  PROP_PERIOD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LOCATION_CLICKED,
  POINTS_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Room kept round a grid brought into view above the sheet. */
#define SHEET_FRAME_MARGIN 16

/* The band of the map neither the toolbar nor the sheet covers, in the
 * view's coordinates, as it is once the sheet is in: the map under all
 * of the view, the sheet over its bottom. FALSE when there is no band to
 * speak of. */
static gboolean
band_above_sheet (LinliMapView *self,
                  double       *top,
                  double       *bottom)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int sheet_height = 0;
  graphene_rect_t bounds;

  if (width <= 0 || height <= 0)
    return FALSE;
  *top = 0;
  if (gtk_widget_get_visible (self->toolbar) &&
      gtk_widget_compute_bounds (self->toolbar, widget, &bounds))
    *top = bounds.origin.y + bounds.size.height;
  /* The sheet may not be in yet: as high as it will be. */
  gtk_widget_measure (adw_flap_get_flap (self->flap), GTK_ORIENTATION_VERTICAL, width,
                      NULL, &sheet_height, NULL, NULL);
  *bottom = height - sheet_height;
  return *bottom - *top > 2 * SHEET_FRAME_MARGIN + 16;
}

/* In a narrow view the sheet covers the bottom of the map: the selected
 * grid's outline is brought into the band above it, zoomed out if it
 * does not fit there, and left alone when all of it is in view already. Worked
 * out in world pixels, as the map will be laid out under the sheet, not
 * as it is while the sheet slides in. */
static void
show_grid_above_sheet (LinliMapView *self,
                       LinliGrid    *grid)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  g_autoptr(LinliGeometry) geometry = NULL;
  const char *boundary = linli_record_get_text (LINLI_RECORD (grid), "boundary");
  double top, bottom, width, height, zoom, fit, lat, lon;
  double cx, cy, x0, y0, x1, y1;
  LinliBounds box;

  if (!self->narrow || boundary == NULL ||
      (geometry = linli_geometry_parse (boundary, NULL)) == NULL ||
      !band_above_sheet (self, &top, &bottom))
    return;
  box = linli_geometry_get_bounds (geometry);
  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));

  /* Where the outline is in the view now: the map's centre is the view's. */
  zoom = shumate_viewport_get_zoom_level (viewport);
  linli_world_from_location (viewport, zoom, shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                             shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), &cx, &cy);
  linli_world_from_location (viewport, zoom, box.max_lat, box.min_lon, &x0, &y0);
  linli_world_from_location (viewport, zoom, box.min_lat, box.max_lon, &x1, &y1);
  x0 += width / 2 - cx, x1 += width / 2 - cx;
  y0 += height / 2 - cy, y1 += height / 2 - cy;
  if (x0 >= 0 && x1 <= width && y0 >= top && y1 <= bottom)
    return;
  /* Brought in with room round it. */
  top += SHEET_FRAME_MARGIN;
  bottom -= SHEET_FRAME_MARGIN;

  /* Zoomed out, in quarter steps, until it fits; never in. */
  fit = MIN ((width - 2 * SHEET_FRAME_MARGIN) / MAX (x1 - x0, 1), (bottom - top) / MAX (y1 - y0, 1));
  if (fit < 1)
    {
      zoom = floor ((zoom + log2 (fit)) * 4) / 4;
      zoom = MAX (zoom, shumate_viewport_get_min_zoom_level (viewport));
      shumate_viewport_set_zoom_level (viewport, zoom);
    }

  /* The outline's middle at the middle of the band: the map's centre as
   * far below it as the band's middle is above the view's. */
  linli_world_from_location (viewport, zoom, (box.min_lat + box.max_lat) / 2,
                             (box.min_lon + box.max_lon) / 2, &cx, &cy);
  linli_location_from_world (viewport, zoom, cx, cy + height / 2 - (top + bottom) / 2, &lat, &lon);
  shumate_map_center_on (self->map, lat, lon);
}

static void
select_grid (LinliMapView *self,
             gint64        grid_id)
{
  g_autoptr(LinliGrid) grid = NULL;

  if (grid_id != 0 && self->store != NULL)
    grid = linli_store_get (self->store, LINLI_TYPE_GRID, grid_id, NULL);
  linli_grid_layer_set_selected (self->grid_layer, grid != NULL ? grid_id : 0);
  if (grid != NULL)
    linli_grid_panel_show (self->grid_panel, self->store, grid);
  adw_flap_set_reveal_flap (self->flap, grid != NULL);
  if (grid != NULL)
    show_grid_above_sheet (self, grid);
}

/* The window's action that opens a case, an activity or an outreach event
 * in its editor, if the view is in a window that has one: the map shows
 * records, the window edits them. */
static const char *
open_action_of (LinliMapView      *self,
                LinliMapPointKind  kind)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *name = kind == LINLI_MAP_POINT_CASE ? "open-case"
                   : kind == LINLI_MAP_POINT_ACTIVITY ? "open-activity"
                   : kind == LINLI_MAP_POINT_OUTREACH ? "open-outreach"
                   : kind == LINLI_MAP_POINT_BUILDING ? "open-building" : NULL;

  if (name == NULL || !G_IS_ACTION_MAP (root) || g_action_map_lookup_action (G_ACTION_MAP (root), name) == NULL)
    return NULL;
  return kind == LINLI_MAP_POINT_CASE ? "win.open-case"
       : kind == LINLI_MAP_POINT_ACTIVITY ? "win.open-activity"
       : kind == LINLI_MAP_POINT_OUTREACH ? "win.open-outreach" : "win.open-building";
}

static char *
format_time (const char *stored)
{
  g_autoptr(GDateTime) time = stored ? g_date_time_new_from_iso8601 (stored, NULL) : NULL;
  g_autoptr(GDateTime) local = time ? g_date_time_to_local (time) : NULL;

  return local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : NULL;
}

static const char *
kind_label (LinliMapPointKind kind)
{
  switch (kind)
    {
    case LINLI_MAP_POINT_CASE: return _("Case");
    case LINLI_MAP_POINT_BUILDING: return _("Building");
    case LINLI_MAP_POINT_ACTIVITY: return _("Volunteer Activity");
    case LINLI_MAP_POINT_OUTREACH: return _("Outreach Event");
    default: return NULL;
    }
}

static void
point_to (LinliMapView *self,
          double        x,
          double        y)
{
  double px, py;

  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self->map), GTK_WIDGET (self), x, y, &px, &py))
    px = x, py = y;
  gtk_popover_set_pointing_to (self->point_popover, &(GdkRectangle) { (int) px - 4, (int) py - 4, 8, 8 });
}

/* What a point is, in a popover pointing at it. */
static void
show_point (LinliMapView        *self,
            const LinliMapPoint *point,
            double               x,
            double               y)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (point->title);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *when = format_time (point->at);
  const char *action = open_action_of (self, point->kind);
  GtkWidget *status = NULL;

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 30);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  if (point->kind == LINLI_MAP_POINT_CASE)
    {
      g_autoptr(GEnumClass) statuses = g_type_class_ref (LINLI_TYPE_CASE_STATUS);
      GEnumValue *value = g_enum_get_value (statuses, point->status);

      status = gtk_label_new (linli_case_status_label (point->status));
      gtk_widget_add_css_class (status, "linli-status");
      if (value != NULL)
        gtk_widget_add_css_class (status, value->value_nick);
    }
  else if (point->kind == LINLI_MAP_POINT_ACTIVITY)
    status = gtk_label_new (linli_activity_status_label (point->status));
  else
    {
      status = gtk_label_new (kind_label (point->kind));
      gtk_widget_add_css_class (status, "dim-label");
    }
  gtk_box_append (GTK_BOX (line), status);
  if (point->overdue)
    {
      GtkWidget *overdue = gtk_label_new (_("Overdue"));
      gtk_widget_add_css_class (overdue, "linli-deadline");
      gtk_widget_add_css_class (overdue, "red");
      gtk_box_append (GTK_BOX (line), overdue);
    }
  if (when != NULL)
    {
      GtkWidget *date = gtk_label_new (when);
      gtk_widget_add_css_class (date, "dim-label");
      gtk_widget_add_css_class (date, "numeric");
      gtk_widget_set_hexpand (date, TRUE);
      gtk_label_set_xalign (GTK_LABEL (date), 1);
      gtk_box_append (GTK_BOX (line), date);
    }
  gtk_box_append (GTK_BOX (box), line);

  if (action != NULL)
    {
      GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open"));

      gtk_widget_set_halign (open, GTK_ALIGN_END);
      gtk_widget_add_css_class (open, "suggested-action");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (open), action);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "x", point->id);
      g_signal_connect_object (open, "clicked", G_CALLBACK (gtk_popover_popdown),
                               self->point_popover, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (box), open);
    }

  gtk_popover_set_child (self->point_popover, box);
  point_to (self, x, y);
  gtk_popover_popup (self->point_popover);
}

/* A row of the list of a pile: its title, status and time; activated, the
 * window opens the case. */
static GtkWidget *
pile_row (LinliMapView        *self,
          const LinliMapPoint *point,
          const char          *action)
{
  g_autoptr(GEnumClass) statuses = g_type_class_ref (LINLI_TYPE_CASE_STATUS);
  GEnumValue *value = g_enum_get_value (statuses, point->status);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (point->title);
  GtkWidget *status = gtk_label_new (linli_case_status_label (point->status));
  g_autofree char *when = format_time (point->at);

  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 28);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (box), title);
  gtk_widget_add_css_class (status, "linli-status");
  if (value != NULL)
    gtk_widget_add_css_class (status, value->value_nick);
  gtk_box_append (GTK_BOX (line), status);
  if (point->overdue)
    {
      GtkWidget *overdue = gtk_label_new (_("Overdue"));
      gtk_widget_add_css_class (overdue, "linli-deadline");
      gtk_widget_add_css_class (overdue, "red");
      gtk_box_append (GTK_BOX (line), overdue);
    }
  if (when != NULL)
    {
      GtkWidget *date = gtk_label_new (when);
      gtk_widget_add_css_class (date, "dim-label");
      gtk_widget_add_css_class (date, "numeric");
      gtk_widget_set_hexpand (date, TRUE);
      gtk_label_set_xalign (GTK_LABEL (date), 1);
      gtk_box_append (GTK_BOX (line), date);
    }
  gtk_box_append (GTK_BOX (box), line);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* Not an actionable row: a list box then never says it was activated,
   * and the popover would stay. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), action != NULL);
  g_object_set_data_full (G_OBJECT (row), "linli-case-id", g_memdup2 (&point->id, sizeof point->id), g_free);
  gtk_widget_set_tooltip_text (row, point->title);
  return row;
}

static void
pile_row_activated_cb (LinliMapView  *self,
                       GtkListBoxRow *row)
{
  const gint64 *id = g_object_get_data (G_OBJECT (row), "linli-case-id");
  const char *action = open_action_of (self, LINLI_MAP_POINT_CASE);

  gtk_popover_popdown (self->point_popover);
  if (action != NULL && id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), action, "x", *id);
}

/* The cases piled at one place, which no zoom would part: a list of them
 * in a popover, the most urgent first; a click opens one. */
static void
show_pile (LinliMapView *self,
           GPtrArray    *members,
           double        x,
           double        y)
{
  const char *action = open_action_of (self, LINLI_MAP_POINT_CASE);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading;
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *text = NULL;

  /* TRANSLATORS: the heading of the list of the cases at one place */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Case Here", "%u Cases Here", members->len),
                          members->len);
  heading = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_add_css_class (list, "linli-pile-list");
  for (guint i = 0; i < members->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), pile_row (self, g_ptr_array_index (members, i), action));
  g_signal_connect_object (list, "row-activated", G_CALLBACK (pile_row_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_widget_set_size_request (scrolled, 300, -1);
  gtk_box_append (GTK_BOX (box), scrolled);

  gtk_popover_set_child (self->point_popover, box);
  point_to (self, x, y);
  gtk_popover_popup (self->point_popover);
}

/* The top symbol at (@x, @y) of the map, from the last layer drawn down. */
static const LinliMapPoint *
point_at (LinliMapView *self,
          double        x,
          double        y,
          guint        *count,
          double       *lat,
          double       *lon)
{
  static const LinliMapPointKind order[] = {
    LINLI_MAP_POINT_OUTREACH, LINLI_MAP_POINT_ACTIVITY, LINLI_MAP_POINT_CASE, LINLI_MAP_POINT_BUILDING,
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const LinliMapPoint *point = linli_point_layer_hit (self->point_layers[order[i]], x, y, count, lat, lon);
      if (point != NULL)
        return point;
    }
  return NULL;
}

/**
 * linli_map_view_click:
 * @x: widget x of the map
 * @y: widget y of the map
 *
 * Does what a click there does: shows the point there; zooms in on a disc
 * of cases, or lists them if they are piled at one place that no zoom
 * would part; asks the window to open the building there; or selects the
 * grid there (none outside every grid): the management grid, or if it is
 * selected already the public sentiment grid.
 */
void
linli_map_view_click (LinliMapView *self,
                      double        x,
                      double        y)
{
  ShumateViewport *viewport;
  const LinliMapPoint *point;
  double lat, lon;
  guint count = 0;

  g_return_if_fail (LINLI_IS_MAP_VIEW (self));

  viewport = shumate_map_get_viewport (self->map);
  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self->map), x, y, &lat, &lon);
  g_signal_emit (self, signals[LOCATION_CLICKED], 0, lat, lon);
  if (!self->browsing)
    return;
  /* For Escape, and the keyboard shortcuts of the map. */
  gtk_widget_grab_focus (GTK_WIDGET (self));

  point = point_at (self, x, y, &count, &lat, &lon);
  if (point != NULL && count > 1)
    {
      LinliPointLayer *layer = self->point_layers[point->kind];
      double zoom = shumate_viewport_get_zoom_level (viewport);
      double max_zoom = shumate_viewport_get_max_zoom_level (viewport);
      double spread = 0;
      g_autoptr(GPtrArray) members = linli_point_layer_hit_members (layer, x, y, NULL, NULL, &spread);

      /* Zoomed in as far as the map goes, they would still overlap. */
      if (members != NULL && spread * exp2 (max_zoom - zoom) < PILE_SPREAD)
        show_pile (self, members, x, y);
      else
        {
          shumate_viewport_set_zoom_level (viewport, MIN (zoom + CLUSTER_ZOOM_STEP, max_zoom));
          shumate_map_center_on (self->map, lat, lon);
        }
    }
  else if (point != NULL && point->kind == LINLI_MAP_POINT_BUILDING)
    {
      const char *action = open_action_of (self, point->kind);

      if (action != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), action, "x", point->id);
      else
        show_point (self, point, x, y);
    }
  else if (point != NULL)
    show_point (self, point, x, y);
  else if (self->show[LAYER_GRIDS])
    {
      gint64 management, sentiment;

      /* The management grid there; clicked again, the public sentiment
       * grid it lies in, which spans several and is mostly covered. */
      linli_grid_layer_locate (self->grid_layer, lat, lon, &management, &sentiment);
      if (management != 0 && (management != linli_map_view_get_selected_grid (self) || sentiment == 0))
        select_grid (self, management);
      else
        select_grid (self, sentiment);
    }
}

/* A click that did not move the map. */
static void
click_released_cb (LinliMapView    *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  if (n_press != 1)
    return;
  linli_map_view_click (self, x, y);
}

static void
select_grid_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  select_grid (LINLI_MAP_VIEW (widget), g_variant_get_int64 (parameter));
}

static void reload_points (LinliMapView *self);

/* The file the choice of cases is remembered for. */
static const char *
remembered_key (LinliMapView *self)
{
  return self->settings != NULL && self->store != NULL ? linli_store_get_path (self->store) : NULL;
}

/* The choice of cases for this database, the most recent first, others
 * after it up to MAX_REMEMBERED. */
static void
remember_filter (LinliMapView *self)
{
  const char *key = remembered_key (self);
  g_autoptr(GVariant) old = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *path, *cases, *period;
  guint n = 1;

  if (key == NULL)
    return;
  old = g_settings_get_value (self->settings, "map-case-filters");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{s(ss)}"));
  g_variant_builder_add (&builder, "{s(ss)}", key, linli_map_cases_to_nick (self->cases),
                         linli_map_period_to_nick (self->period));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s(&s&s)}", &path, &cases, &period))
    if (!g_str_equal (path, key) && n++ < MAX_REMEMBERED)
      g_variant_builder_add (&builder, "{s(ss)}", path, cases, period);
  g_settings_set_value (self->settings, "map-case-filters", g_variant_builder_end (&builder));
}

static void
set_case_filter (LinliMapView   *self,
                 LinliMapCases   cases,
                 LinliMapPeriod  period,
                 gboolean        remember)
{
  gboolean cases_changed = self->cases != cases;
  gboolean period_changed = self->period != period;

  if (!cases_changed && !period_changed)
    return;
  self->cases = cases;
  self->period = period;
  /* Chosen in the Layers popover: remembered and drawn at once. Restored
   * with a new store, which set_store() draws. */
  if (remember)
    {
      remember_filter (self);
      reload_points (self);
    }
  if (cases_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASES]);
  if (period_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

/* The choice remembered for the database, or the default: open cases of
 * any time. */
static void
restore_filter (LinliMapView *self)
{
  const char *key = remembered_key (self);
  int cases = LINLI_MAP_CASES_OPEN, period = LINLI_MAP_PERIOD_ANY;

  if (key != NULL)
    {
      g_autoptr(GVariant) all = g_settings_get_value (self->settings, "map-case-filters");
      const char *cases_nick, *period_nick;

      if (g_variant_lookup (all, key, "(&s&s)", &cases_nick, &period_nick))
        {
          cases = linli_map_cases_from_nick (cases_nick);
          period = linli_map_period_from_nick (period_nick);
          if (cases < 0)
            cases = LINLI_MAP_CASES_OPEN;
          if (period < 0)
            period = LINLI_MAP_PERIOD_ANY;
        }
    }
  set_case_filter (self, cases, period, FALSE);
}

static void
set_points (LinliMapView *self,
            GArray       *points)
{
  for (guint i = 0; i < LINLI_MAP_POINT_N_KINDS; i++)
    linli_point_layer_set_points (self->point_layers[i], points);
}

static void
sets_made_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LinliMapView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sets = linli_point_sets_new_finish (result, &error);

  /* A newer read replaced it, or the view went away. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->points_cancellable);
  g_assert (sets != NULL && sets->len == LINLI_MAP_POINT_N_KINDS);
  for (guint i = 0; i < LINLI_MAP_POINT_N_KINDS; i++)
    linli_point_layer_set_point_set (self->point_layers[i], g_steal_pointer (&g_ptr_array_index (sets, i)));
  g_signal_emit (self, signals[POINTS_LOADED], 0);
}

static void
points_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LinliMapView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) points = linli_map_points_load_cases_finish (LINLI_STORE (source), result, &error);
  ShumateViewport *viewport;

  /* A newer read replaced it, or the view went away. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (points == NULL)
    {
      g_clear_object (&self->points_cancellable);
      g_warning ("Cannot read the places of the records: %s", error->message);
      g_signal_emit (self, signals[POINTS_LOADED], 0);
      return;
    }
  /* Placed and clustered at the view's level in a thread too: at a
   * million cases that is tens of milliseconds the window would stop. */
  viewport = shumate_map_get_viewport (self->map);
  linli_point_sets_new_async (points, linli_world_tile_size (viewport), shumate_viewport_get_zoom_level (viewport),
                              self->points_cancellable, sets_made_cb, g_object_ref (self));
}

/* The points are read in a thread: the layers keep drawing the old ones
 * until the new ones arrive, and a newer read cancels an older one. */
static void
reload_points (LinliMapView *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_cancellable_cancel (self->points_cancellable);
  g_clear_object (&self->points_cancellable);
  if (self->store == NULL)
    {
      set_points (self, NULL);
      return;
    }
  now = linli_store_now (self->store);
  self->points_cancellable = g_cancellable_new ();
  linli_map_points_load_cases_async (self->store, now, self->cases, self->period, self->points_cancellable,
                                     points_loaded_cb, g_object_ref (self));
}

static gboolean
reload_cb (gpointer user_data)
{
  LinliMapView *self = user_data;

  self->reload_id = 0;
  reload_points (self);
  /* The counts of the grid shown follow its cases. */
  if (linli_grid_layer_get_selected (self->grid_layer) != 0)
    select_grid (self, linli_grid_layer_get_selected (self->grid_layer));
  return G_SOURCE_REMOVE;
}

/* Time passes: a case can fall overdue without any change to the store. */
static gboolean
clock_cb (gpointer user_data)
{
  reload_points (user_data);
  return G_SOURCE_CONTINUE;
}

static void
store_changed_cb (LinliMapView *self,
                  GType         type,
                  LinliChange   change,
                  gint64        id)
{
  gboolean grid = type == LINLI_TYPE_GRID || type == LINLI_TYPE_WORKER;

  /* Once for a burst of changes, such as an import. */
  if ((linli_map_points_is_source (type) || grid) && self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_cb, self, NULL);
}

static void
zoom_in_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  shumate_map_zoom_in (LINLI_MAP_VIEW (widget)->map);
}

static void
zoom_out_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  shumate_map_zoom_out (LINLI_MAP_VIEW (widget)->map);
}

/* ------------------------------------------------------------------------ */
/* Dragging a building to a new place */

typedef struct
{
  LinliStore  *store;
  LinliRecord *before;
} UndoMove;

static void
undo_move_free (gpointer  data,
                GClosure *closure)
{
  UndoMove *undo = data;

  g_object_unref (undo->store);
  g_object_unref (undo->before);
  g_free (undo);
}

static void
undo_move_cb (AdwToast *toast,
              UndoMove *undo)
{
  g_autoptr(LinliRecord) before = linli_record_copy (undo->before);
  g_autoptr(GError) error = NULL;

  /* Back where it was, in the grid it stood in there. */
  if (!linli_building_save (undo->store, before, &error))
    g_warning ("The building could not be put back: %s", error->message);
}

static void
add_toast (LinliMapView *self,
           AdwToast     *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/**
 * linli_map_view_move_building:
 * @building_id: a stored building
 *
 * Moves the building to (@latitude, @longitude), where it takes the grid
 * it then stands in, and says so with Undo. What a drag of a building
 * does when it is let go.
 */
void
linli_map_view_move_building (LinliMapView *self,
                              gint64        building_id,
                              double        latitude,
                              double        longitude)
{
  g_autoptr(LinliRecord) before = NULL;
  g_autoptr(LinliRecord) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  UndoMove *undo;

  g_return_if_fail (LINLI_IS_MAP_VIEW (self));
  g_return_if_fail (self->store != NULL);

  before = linli_store_get (self->store, LINLI_TYPE_BUILDING, building_id, &error);
  if (before != NULL)
    {
      after = linli_record_copy (before);
      linli_record_set_double (after, "lat", latitude);
      linli_record_set_double (after, "lon", longitude);
    }
  if (after == NULL || !linli_building_save (self->store, after, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The building could not be moved: %s"), error->message);
      add_toast (self, adw_toast_new (message));
      return;
    }
  title = g_strdup_printf (_("Building “%s” moved"), linli_record_get_text (after, "name"));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  undo = g_new (UndoMove, 1);
  undo->store = g_object_ref (self->store);
  undo->before = g_steal_pointer (&before);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_move_cb), undo, undo_move_free, 0);
  add_toast (self, toast);
}

static gboolean
grid_edit_busy (LinliMapView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->map)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (LINLI_IS_OUTLINE_EDIT_LAYER (child) && linli_outline_edit_layer_is_busy (LINLI_OUTLINE_EDIT_LAYER (child)))
      return TRUE;
  return FALSE;
}

static void
drag_begin_cb (LinliMapView   *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  const LinliMapPoint *point = NULL;

  self->drag_id = 0;
  self->dragging = FALSE;
  /* The building on top there, not a case or an event drawn over it. */
  if (self->browsing && self->store != NULL && !linli_store_is_read_only (self->store) &&
      self->show[LAYER_BUILDINGS] && shumate_viewport_get_zoom_level (viewport) >= BUILDING_DRAG_ZOOM &&
      !grid_edit_busy (self))
    point = point_at (self, x, y, NULL, NULL, NULL);
  if (point == NULL || point->kind != LINLI_MAP_POINT_BUILDING)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  /* The map does not pan under it; a press that does not move is still a
   * click, which drag_end_cb() passes on. */
  self->drag_id = point->id;
  self->drag_x = x;
  self->drag_y = y;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
drag_update_cb (LinliMapView   *self,
                double          dx,
                double          dy,
                GtkGestureDrag *gesture)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  double lat, lon;

  if (self->drag_id == 0 || (!self->dragging && hypot (dx, dy) < DRAG_THRESHOLD))
    return;
  if (!self->dragging)
    {
      g_autoptr(LinliRecord) building = linli_store_get (self->store, LINLI_TYPE_BUILDING, self->drag_id, NULL);
      GtkWidget *label = gtk_label_new (building ? linli_record_get_text (building, "name") : NULL);

      if (self->drag_layer == NULL)
        {
          self->drag_layer = shumate_marker_layer_new (viewport);
          shumate_map_add_layer (self->map, SHUMATE_LAYER (self->drag_layer));
          self->drag_marker = shumate_marker_new ();
          shumate_marker_layer_add_marker (self->drag_layer, self->drag_marker);
        }
      gtk_widget_add_css_class (label, "linli-dragged-building");
      shumate_marker_set_child (self->drag_marker, label);
      gtk_widget_set_visible (GTK_WIDGET (self->drag_marker), TRUE);
      self->dragging = TRUE;
    }
  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self->map),
                                              self->drag_x + dx, self->drag_y + dy, &lat, &lon);
  shumate_location_set_location (SHUMATE_LOCATION (self->drag_marker), lat, lon);
}

static void
drag_stop (LinliMapView *self)
{
  self->drag_id = 0;
  self->dragging = FALSE;
  if (self->drag_marker != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->drag_marker), FALSE);
}

static void
drag_end_cb (LinliMapView   *self,
             double          dx,
             double          dy,
             GtkGestureDrag *gesture)
{
  gint64 id = self->drag_id;
  gboolean moved = self->dragging;

  drag_stop (self);
  if (id == 0)
    return;
  if (!moved)
    linli_map_view_click (self, self->drag_x, self->drag_y);
  else
    {
      double lat, lon;

      shumate_viewport_widget_coords_to_location (shumate_map_get_viewport (self->map), GTK_WIDGET (self->map),
                                                  self->drag_x + dx, self->drag_y + dy, &lat, &lon);
      linli_map_view_move_building (self, id, lat, lon);
    }
}

static void
drag_cancel_cb (LinliMapView *self)
{
  drag_stop (self);
}

/* The Layers popover fits the map's height, scrolling what does not. */
static void
layers_show_cb (LinliMapView *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  gtk_scrolled_window_set_max_content_height (self->layers_scroller, MAX (height - 96, 160));
}

/* The grids' and buildings' names keep below the map's toolbar. */
static void
linli_map_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  LinliMapView *self = LINLI_MAP_VIEW (widget);
  graphene_rect_t bounds;
  double inset = 0;

  if (gtk_widget_get_visible (self->toolbar) &&
      gtk_widget_compute_bounds (self->toolbar, GTK_WIDGET (self->map), &bounds))
    inset = bounds.origin.y + bounds.size.height + 6;
  linli_grid_layer_set_top_inset (self->grid_layer, inset);
  linli_point_layer_set_top_inset (self->point_layers[LINLI_MAP_POINT_BUILDING], inset);

  GTK_WIDGET_CLASS (linli_map_view_parent_class)->snapshot (widget, snapshot);
}

static void
linli_map_view_root (GtkWidget *widget)
{
  LinliMapView *self = LINLI_MAP_VIEW (widget);

  GTK_WIDGET_CLASS (linli_map_view_parent_class)->root (widget);
  if (self->read_cut_short && self->store != NULL && self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_LOW, reload_cb, self, NULL);
  self->read_cut_short = FALSE;
}

/* Out of its window, the view reads nothing: a read still running in a
 * thread would go on after the window, when the file may be gone. Put
 * back in a window, it reads again. */
static void
linli_map_view_unroot (GtkWidget *widget)
{
  LinliMapView *self = LINLI_MAP_VIEW (widget);

  self->read_cut_short = self->points_cancellable != NULL || self->reload_id != 0;
  g_cancellable_cancel (self->points_cancellable);
  g_clear_object (&self->points_cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  GTK_WIDGET_CLASS (linli_map_view_parent_class)->unroot (widget);
}

static void
linli_map_view_dispose (GObject *object)
{
  LinliMapView *self = LINLI_MAP_VIEW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->clock_id, g_source_remove);
  g_clear_handle_id (&self->refold_id, g_source_remove);
  g_cancellable_cancel (self->points_cancellable);
  g_clear_object (&self->points_cancellable);
  g_clear_signal_handler (&self->store_changed_id, self->store);
  g_clear_object (&self->store);
  if (self->point_popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->point_popover));
      self->point_popover = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_MAP_VIEW);
  g_clear_object (&self->base_map);
  g_clear_object (&self->grids);
  g_clear_object (&self->workers);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (linli_map_view_parent_class)->dispose (object);
}

static GtkWidget *
get_layer (LinliMapView *self,
           guint         layer)
{
  switch (layer)
    {
    case LAYER_GRIDS:
      return GTK_WIDGET (self->grid_layer);
    case LAYER_BUILDINGS:
      return GTK_WIDGET (self->point_layers[LINLI_MAP_POINT_BUILDING]);
    case LAYER_CASES:
      return GTK_WIDGET (self->point_layers[LINLI_MAP_POINT_CASE]);
    case LAYER_ACTIVITIES:
      return GTK_WIDGET (self->point_layers[LINLI_MAP_POINT_ACTIVITY]);
    case LAYER_OUTREACH:
      return GTK_WIDGET (self->point_layers[LINLI_MAP_POINT_OUTREACH]);
    default:
      return NULL;
    }
}

static void
set_browsing (LinliMapView *self,
              gboolean      browsing)
{
  if (self->browsing == browsing)
    return;
  self->browsing = browsing;
  gtk_widget_set_visible (self->toolbar, browsing);
  if (!browsing)
    {
      select_grid (self, 0);
      gtk_popover_popdown (self->point_popover);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BROWSING]);
}

static void
linli_map_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LinliMapView *self = LINLI_MAP_VIEW (object);

  if (prop_id >= PROP_SHOW_GRIDS && prop_id <= PROP_SHOW_OUTREACH)
    g_value_set_boolean (value, self->show[prop_id - PROP_SHOW_GRIDS]);
  else if (prop_id == PROP_BROWSING)
    g_value_set_boolean (value, self->browsing);
  else if (prop_id == PROP_CASES)
    g_value_set_string (value, linli_map_cases_to_nick (self->cases));
  else if (prop_id == PROP_PERIOD)
    g_value_set_string (value, linli_map_period_to_nick (self->period));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
linli_map_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LinliMapView *self = LINLI_MAP_VIEW (object);

  if (prop_id >= PROP_SHOW_GRIDS && prop_id <= PROP_SHOW_OUTREACH)
    {
      guint layer = prop_id - PROP_SHOW_GRIDS;
      gboolean show = g_value_get_boolean (value);
      GtkWidget *widget = get_layer (self, layer);

      if (self->show[layer] == show)
        return;
      self->show[layer] = show;
      if (widget != NULL)
        gtk_widget_set_visible (widget, show);
      /* The grids' names show with the grids, and keep clear of the
       * points shown. */
      if (layer == LAYER_GRIDS)
        gtk_widget_set_visible (GTK_WIDGET (linli_grid_layer_get_label_layer (self->grid_layer)), show);
      gtk_widget_queue_draw (GTK_WIDGET (linli_grid_layer_get_label_layer (self->grid_layer)));
      if (layer == LAYER_GRIDS && !show)
        select_grid (self, 0);
      g_object_notify_by_pspec (object, pspec);
    }
  else if (prop_id == PROP_BROWSING)
    set_browsing (self, g_value_get_boolean (value));
  else if (prop_id == PROP_CASES || prop_id == PROP_PERIOD)
    {
      int cases = prop_id == PROP_CASES ? linli_map_cases_from_nick (g_value_get_string (value)) : (int) self->cases;
      int period = prop_id == PROP_PERIOD ? linli_map_period_from_nick (g_value_get_string (value)) : (int) self->period;

      if (cases < 0 || period < 0)
        {
          g_warning ("No such choice of cases: %s", g_value_get_string (value));
          return;
        }
      set_case_filter (self, cases, period, TRUE);
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static gboolean
refold_cb (gpointer user_data)
{
  LinliMapView *self = user_data;

  self->refold_id = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self->flap));
  return G_SOURCE_REMOVE;
}

/* Beside the map where there is room; in a narrow view a sheet over the
 * bottom of the map, at most SHEET_SHARE of it and never over the map's
 * toolbar, closed with its button, Escape or a swipe down, opened again by
 * a click on a grid. */
static void
fold_panel (LinliMapView *self,
            int           width,
            int           height)
{
  gboolean narrow = width < NARROW_WIDTH;
  int max_height = -1;

  if (narrow)
    {
      int toolbar_height = 0;

      gtk_widget_measure (self->toolbar, GTK_ORIENTATION_VERTICAL, -1, NULL, &toolbar_height, NULL, NULL);
      max_height = MIN ((int) (height * SHEET_SHARE),
                        height - gtk_widget_get_margin_top (self->toolbar) - toolbar_height - SHEET_GAP);
      max_height = MAX (max_height, 0);
    }
  linli_grid_panel_set_sheet (self->grid_panel, narrow ? width : -1, max_height);

  if (narrow == self->narrow)
    return;
  self->narrow = narrow;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->flap),
                                  narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->separator),
                                  narrow ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  adw_flap_set_fold_policy (self->flap, narrow ? ADW_FLAP_FOLD_POLICY_ALWAYS : ADW_FLAP_FOLD_POLICY_NEVER);
  /* Changed while the view is laid out: laid out again with the change. */
  if (self->refold_id == 0)
    self->refold_id = g_idle_add (refold_cb, self);
}

/* A sheet swiped away lets go of its grid, as its close button does. */
static void
flap_revealed_cb (LinliMapView *self)
{
  if (!adw_flap_get_reveal_flap (self->flap) && linli_grid_layer_get_selected (self->grid_layer) != 0)
    select_grid (self, 0);
}

static void
linli_map_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  LinliMapView *self = LINLI_MAP_VIEW (widget);

  gtk_widget_measure (GTK_WIDGET (self->flap), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
linli_map_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  LinliMapView *self = LINLI_MAP_VIEW (widget);

  fold_panel (self, width, height);
  gtk_widget_allocate (GTK_WIDGET (self->flap), width, height, baseline, NULL);
  if (self->point_popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->point_popover)))
    gtk_popover_present (self->point_popover);
}

static void
linli_map_view_class_init (LinliMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_map_view_dispose;
  object_class->get_property = linli_map_view_get_property;
  object_class->set_property = linli_map_view_set_property;

  properties[PROP_SHOW_GRIDS] =
    g_param_spec_boolean ("show-grids", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_BUILDINGS] =
    g_param_spec_boolean ("show-buildings", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_CASES] =
    g_param_spec_boolean ("show-cases", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_ACTIVITIES] =
    g_param_spec_boolean ("show-activities", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_OUTREACH] =
    g_param_spec_boolean ("show-outreach", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Off in a dialog that only picks a place: no toolbar, no panel, no
   * popovers; a click only says where it was. */
  properties[PROP_BROWSING] =
    g_param_spec_boolean ("browsing", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LinliMapView:cases:
   *
   * Which cases are drawn: "open" (the default), "overdue" or "all"
   * (#LinliMapCases); remembered for each database.
   */
  properties[PROP_CASES] =
    g_param_spec_string ("cases", NULL, NULL, "open",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LinliMapView:period:
   *
   * Reported when, of the cases drawn: "any" (the default), "this-month",
   * "this-quarter" or "this-year" (#LinliMapPeriod).
   */
  properties[PROP_PERIOD] =
    g_param_spec_string ("period", NULL, NULL, "any",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SHUMATE_TYPE_MAP);
  g_type_ensure (SHUMATE_TYPE_SCALE);
  g_type_ensure (SHUMATE_TYPE_LICENSE);
  g_type_ensure (LINLI_TYPE_GRID_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliMapView, overlay);
  gtk_widget_class_bind_template_child (widget_class, LinliMapView, map);
  gtk_widget_class_bind_template_child (widget_class, LinliMapView, scale);
  gtk_widget_class_bind_template_child (widget_class, LinliMapView, license);
  gtk_widget_class_bind_template_child (widget_class, LinliMapView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, LinliMapView, flap);
  gtk_widget_class_bind_template_child (widget_class, LinliMapView, separator);
  gtk_widget_class_bind_template_child (widget_class, LinliMapView, grid_panel);
  gtk_widget_class_bind_template_child (widget_class, LinliMapView, legend);
  gtk_widget_class_bind_template_child (widget_class, LinliMapView, layers_scroller);
  gtk_widget_class_bind_template_callback (widget_class, layers_show_cb);
  widget_class->snapshot = linli_map_view_snapshot;
  widget_class->root = linli_map_view_root;
  widget_class->unroot = linli_map_view_unroot;

  /**
   * LinliMapView::location-clicked:
   * @latitude: WGS-84 degrees
   * @longitude: WGS-84 degrees
   *
   * The map was clicked, not dragged, at this place.
   */
  signals[LOCATION_CLICKED] =
    g_signal_new ("location-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  /**
   * LinliMapView::points-loaded:
   *
   * A read of the points in its thread has finished and the layers draw
   * what it read (or, when it failed, what they drew before).
   */
  signals[POINTS_LOADED] =
    g_signal_new ("points-loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_property_action (widget_class, "map.show-grids", "show-grids");
  gtk_widget_class_install_property_action (widget_class, "map.show-buildings", "show-buildings");
  gtk_widget_class_install_property_action (widget_class, "map.show-cases", "show-cases");
  gtk_widget_class_install_property_action (widget_class, "map.show-activities", "show-activities");
  gtk_widget_class_install_property_action (widget_class, "map.show-outreach", "show-outreach");
  gtk_widget_class_install_property_action (widget_class, "map.cases", "cases");
  gtk_widget_class_install_property_action (widget_class, "map.period", "period");
  gtk_widget_class_install_action (widget_class, "map.select-grid", "x", select_grid_cb);
  /* Escape lets go of the grid shown in the side panel. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "map.select-grid", "x", (gint64) 0);
  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_in_cb);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_out_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "map.zoom-out", NULL);

  widget_class->measure = linli_map_view_measure;
  widget_class->size_allocate = linli_map_view_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "linli-map-view");
}

typedef struct
{
  LinliMapPointKind kind;
  int               status;
  guint             count;
  gboolean          overdue;
} LegendSymbol;

static void
draw_legend_symbol (GtkDrawingArea *area,
                    cairo_t        *cr,
                    int             width,
                    int             height,
                    gpointer        user_data)
{
  const LegendSymbol *symbol = user_data;

  cairo_translate (cr, width / 2.0, height / 2.0);
  linli_point_symbol_draw (cr, GTK_WIDGET (area), symbol->kind, symbol->status, symbol->count, symbol->overdue);
}

static void
add_legend_row (LinliMapView       *self,
                int                 row,
                const LegendSymbol *symbol,
                GtkWidget          *label)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 32);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 30);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_legend_symbol,
                                  g_memdup2 (symbol, sizeof *symbol), g_free);
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  /* The popover as narrow as its choices, a long meaning on two lines. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 26);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_grid_attach (self->legend, area, 0, row, 1, 1);
  gtk_grid_attach (self->legend, label, 1, row, 1, 1);
}

/* What each colour and symbol means. The statuses are labelled as the
 * Cases page labels them, in the same colours. */
static void
fill_legend (LinliMapView *self)
{
  static const LinliCaseStatus statuses[] = {
    LINLI_CASE_STATUS_REGISTERED, LINLI_CASE_STATUS_ASSIGNED, LINLI_CASE_STATUS_IN_PROGRESS,
    LINLI_CASE_STATUS_ESCALATED, LINLI_CASE_STATUS_SUSPENDED, LINLI_CASE_STATUS_RESOLVED,
  };
  g_autoptr(GEnumClass) klass = g_type_class_ref (LINLI_TYPE_CASE_STATUS);
  int row = 0;

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      LegendSymbol symbol = { LINLI_MAP_POINT_CASE, statuses[i], 1, FALSE };
      GtkWidget *label = gtk_label_new (linli_case_status_label (statuses[i]));

      gtk_widget_add_css_class (label, "linli-status");
      gtk_widget_add_css_class (label, g_enum_get_value (klass, statuses[i])->value_nick);
      add_legend_row (self, row++, &symbol, label);
    }
  add_legend_row (self, row++, &(LegendSymbol) { LINLI_MAP_POINT_CASE, LINLI_CASE_STATUS_IN_PROGRESS, 1, TRUE },
                  gtk_label_new (_("Overdue case")));
  add_legend_row (self, row++, &(LegendSymbol) { LINLI_MAP_POINT_CASE, LINLI_CASE_STATUS_REGISTERED, 3, FALSE },
                  gtk_label_new (_("Cases close together: their number, in the colour of the most urgent")));
  add_legend_row (self, row++, &(LegendSymbol) { LINLI_MAP_POINT_BUILDING, 0, 1, FALSE },
                  gtk_label_new (_("Building")));
  add_legend_row (self, row++, &(LegendSymbol) { LINLI_MAP_POINT_ACTIVITY, LINLI_ACTIVITY_STATUS_PLANNED, 1, FALSE },
                  gtk_label_new (_("Volunteer activity")));
  add_legend_row (self, row++, &(LegendSymbol) { LINLI_MAP_POINT_OUTREACH, 0, 1, FALSE },
                  gtk_label_new (_("Anti-fraud outreach event")));
}

/* A new key draws the community's Tianditu map with it. */
static void
tianditu_key_changed_cb (LinliMapView *self)
{
  g_autoptr(LinliCommunity) community = NULL;

  if (self->store == NULL || (community = linli_store_dup_community (self->store)) == NULL)
    return;
  linli_map_view_set_base_map (self, community);
}

static void
linli_map_view_init (LinliMapView *self)
{
  ShumateViewport *viewport;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (flap_revealed_cb), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < N_LAYERS; i++)
    self->show[i] = TRUE;
  self->cases = LINLI_MAP_CASES_OPEN;
  self->period = LINLI_MAP_PERIOD_ANY;

  viewport = shumate_map_get_viewport (self->map);
  shumate_viewport_set_min_zoom_level (viewport, 3);
  shumate_viewport_set_max_zoom_level (viewport, 19);
  shumate_scale_set_viewport (self->scale, viewport);
  shumate_scale_set_unit (self->scale, SHUMATE_UNIT_METRIC);

  self->grid_layer = linli_grid_layer_new (viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->grid_layer));
  /* Buildings lowest, the few activities and outreach events on top. */
  for (guint i = 0; i < LINLI_MAP_POINT_N_KINDS; i++)
    {
      static const LinliMapPointKind order[] = {
        LINLI_MAP_POINT_BUILDING, LINLI_MAP_POINT_CASE, LINLI_MAP_POINT_ACTIVITY, LINLI_MAP_POINT_OUTREACH,
      };
      self->point_layers[order[i]] = linli_point_layer_new (viewport, order[i]);
      shumate_map_add_layer (self->map, SHUMATE_LAYER (self->point_layers[order[i]]));
      linli_grid_layer_avoid (self->grid_layer, self->point_layers[order[i]]);
    }
  /* The grids' names over the points, which would hide them, and moved
   * off them where there is room. */
  shumate_map_add_layer (self->map, linli_grid_layer_get_label_layer (self->grid_layer));

  self->browsing = TRUE;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  self->point_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->point_popover), GTK_WIDGET (self));
  fill_legend (self);

  {
    GtkGesture *click = gtk_gesture_click_new ();
    g_signal_connect_object (click, "released", G_CALLBACK (click_released_cb), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (click));
  }
  /* Before the map's own gestures, which would pan it. */
  self->drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->drag), GTK_PHASE_CAPTURE);
  g_signal_connect_object (self->drag, "drag-begin", G_CALLBACK (drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->drag, "drag-update", G_CALLBACK (drag_update_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->drag, "drag-end", G_CALLBACK (drag_end_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->drag, "cancel", G_CALLBACK (drag_cancel_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (self->drag));

  /* The choice of cases is remembered for each database where the schema
   * is installed; a dialog's map elsewhere still works. */
  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

    if (schema != NULL && g_settings_schema_has_key (schema, "map-case-filters"))
      self->settings = g_settings_new_full (schema, NULL, NULL);
  }
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::tianditu-key",
                             G_CALLBACK (tianditu_key_changed_cb), self, G_CONNECT_SWAPPED);

  linli_map_view_set_base_map (self, NULL);
}

/**
 * linli_map_view_set_base_map:
 * @community: (nullable): the community whose base map to show; %NULL
 *   shows none
 *
 * Draws the community's base map under the grids (see LinliBaseMap). Tiles
 * are the only thing the map fetches from the network.
 */
void
linli_map_view_set_base_map (LinliMapView   *self,
                             LinliCommunity *community)
{
  g_return_if_fail (LINLI_IS_MAP_VIEW (self));
  g_return_if_fail (community == NULL || LINLI_IS_COMMUNITY (community));

  /* Other columns of the community change more often than its base map. */
  if (self->base_map != NULL && linli_base_map_matches (self->base_map, community))
    return;
  if (self->base_map != NULL)
    linli_base_map_detach (self->base_map);
  g_clear_object (&self->base_map);
  self->base_map = linli_base_map_new (community);
  if (linli_base_map_get_problem (self->base_map) != NULL)
    g_debug ("No base map: %s", linli_base_map_get_problem (self->base_map));
  linli_base_map_attach (self->base_map, self->map, SHUMATE_LAYER (self->grid_layer), self->license);

  gtk_widget_set_visible (GTK_WIDGET (self->license), linli_base_map_has_tiles (self->base_map));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * linli_map_view_set_store:
 * @store: (nullable): the open database
 *
 * Centres the map on the community and draws its grids. Its points are
 * read in a thread, started at once when the map is shown, else once the
 * main loop is idle, so that the window's first frame does not wait for
 * them; #LinliMapView::points-loaded says when they are drawn.
 */
void
linli_map_view_set_store (LinliMapView *self,
                          LinliStore   *store)
{
  g_autoptr(LinliCommunity) community = NULL;

  g_return_if_fail (LINLI_IS_MAP_VIEW (self));
  g_return_if_fail (store == NULL || LINLI_IS_STORE (store));

  if (store != self->store)
    {
      g_clear_handle_id (&self->reload_id, g_source_remove);
      g_clear_handle_id (&self->clock_id, g_source_remove);
      g_clear_signal_handler (&self->store_changed_id, self->store);
      g_set_object (&self->store, store);
      if (store != NULL)
        {
          self->store_changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb),
                                                            self, G_CONNECT_SWAPPED);
          self->clock_id = g_timeout_add_seconds (OVERDUE_CHECK_S, clock_cb, self);
        }
      select_grid (self, 0);
      gtk_popover_popdown (self->point_popover);

      g_clear_object (&self->grids);
      g_clear_object (&self->workers);
      if (store != NULL)
        {
          self->grids = linli_store_list (store, LINLI_TYPE_GRID);
          self->workers = linli_record_names_new (store, LINLI_TYPE_WORKER, "name");
        }
      linli_grid_layer_set_workers (self->grid_layer, self->workers);
      linli_grid_layer_set_grids (self->grid_layer, self->grids);
      restore_filter (self);
      /* The points of another file are not this one's. Before the map is
       * drawn, its first frame comes first: their read starts once the
       * main loop has nothing more urgent, after it. On screen, it starts
       * at once. Either way it runs in a thread. */
      g_cancellable_cancel (self->points_cancellable);
      g_clear_object (&self->points_cancellable);
      set_points (self, NULL);
      if (store != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self)))
        self->reload_id = g_idle_add_full (G_PRIORITY_LOW, reload_cb, self, NULL);
      else
        reload_points (self);
    }
  if (store != NULL)
    community = linli_store_dup_community (store);

  if (community != NULL)
    {
      ShumateViewport *viewport = shumate_map_get_viewport (self->map);
      shumate_viewport_set_zoom_level (viewport, linli_record_get_double (LINLI_RECORD (community), "zoom"));
      shumate_map_center_on (self->map,
                             linli_record_get_double (LINLI_RECORD (community), "center_lat"),
                             linli_record_get_double (LINLI_RECORD (community), "center_lon"));
    }
}

/**
 * linli_map_view_set_pin:
 * @latitude: WGS-84 degrees, or NAN for no pin
 *
 * Marks one place on the map, such as the location of a case.
 */
void
linli_map_view_set_pin (LinliMapView *self,
                        double        latitude,
                        double        longitude)
{
  g_return_if_fail (LINLI_IS_MAP_VIEW (self));

  if (self->pin_layer == NULL)
    {
      GtkWidget *image = gtk_image_new_from_icon_name ("mark-location-symbolic");

      self->pin_layer = shumate_marker_layer_new (shumate_map_get_viewport (self->map));
      shumate_map_add_layer (self->map, SHUMATE_LAYER (self->pin_layer));
      self->pin = shumate_marker_new ();
      gtk_image_set_pixel_size (GTK_IMAGE (image), 32);
      /* The marker centres its child on the place; the empty margin below
       * puts the pin's point there instead. */
      gtk_widget_set_margin_bottom (image, 32);
      gtk_widget_add_css_class (image, "linli-pin");
      shumate_marker_set_child (self->pin, image);
      shumate_marker_layer_add_marker (self->pin_layer, self->pin);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->pin), !isnan (latitude) && !isnan (longitude));
  if (!isnan (latitude) && !isnan (longitude))
    shumate_location_set_location (SHUMATE_LOCATION (self->pin), latitude, longitude);
}

/* Shows @latitude, @longitude in the middle, at @zoom. */
void
linli_map_view_center_on (LinliMapView *self,
                          double        latitude,
                          double        longitude,
                          double        zoom)
{
  g_return_if_fail (LINLI_IS_MAP_VIEW (self));

  shumate_viewport_set_zoom_level (shumate_map_get_viewport (self->map), zoom);
  shumate_map_center_on (self->map, latitude, longitude);
}

guint
linli_map_view_get_n_grids_drawn (LinliMapView *self)
{
  g_return_val_if_fail (LINLI_IS_MAP_VIEW (self), 0);
  return linli_grid_layer_get_n_drawn (self->grid_layer);
}

/* The map itself, for layers and gestures of other parts of the map page. */
ShumateMap *
linli_map_view_get_map (LinliMapView *self)
{
  g_return_val_if_fail (LINLI_IS_MAP_VIEW (self), NULL);
  return self->map;
}

ShumateViewport *
linli_map_view_get_viewport (LinliMapView *self)
{
  g_return_val_if_fail (LINLI_IS_MAP_VIEW (self), NULL);
  return shumate_map_get_viewport (self->map);
}

/**
 * linli_map_view_add_overlay:
 * @layer: a layer on this map's viewport
 *
 * Draws @layer above the grids and records, such as the outline being
 * edited or the places a check found.
 */
void
linli_map_view_add_overlay (LinliMapView *self,
                            ShumateLayer *layer)
{
  g_return_if_fail (LINLI_IS_MAP_VIEW (self));
  g_return_if_fail (SHUMATE_IS_LAYER (layer));

  shumate_map_add_layer (self->map, layer);
}

/**
 * linli_map_view_is_loading_points:
 *
 * Whether a read of the points is waiting to start or running in its
 * thread: until it is not, the layers may draw older points, or none.
 */
gboolean
linli_map_view_is_loading_points (LinliMapView *self)
{
  g_return_val_if_fail (LINLI_IS_MAP_VIEW (self), FALSE);
  return self->reload_id != 0 || self->points_cancellable != NULL;
}

/* The grid shown in the side panel, or 0. */
gint64
linli_map_view_get_selected_grid (LinliMapView *self)
{
  g_return_val_if_fail (LINLI_IS_MAP_VIEW (self), 0);
  return adw_flap_get_reveal_flap (self->flap)
         ? linli_grid_layer_get_selected (self->grid_layer) : 0;
}

GtkWidget *
linli_map_view_get_grid_panel (LinliMapView *self)
{
  g_return_val_if_fail (LINLI_IS_MAP_VIEW (self), NULL);
  return GTK_WIDGET (self->grid_panel);
}

GtkWidget *
linli_map_view_get_point_popover (LinliMapView *self)
{
  g_return_val_if_fail (LINLI_IS_MAP_VIEW (self), NULL);
  return GTK_WIDGET (self->point_popover);
}

/* The layer that draws one kind of point: for tests and the benchmark. */
ShumateLayer *
linli_map_view_get_point_layer (LinliMapView      *self,
                                LinliMapPointKind  kind)
{
  g_return_val_if_fail (LINLI_IS_MAP_VIEW (self), NULL);
  g_return_val_if_fail (kind < LINLI_MAP_POINT_N_KINDS, NULL);
  return SHUMATE_LAYER (self->point_layers[kind]);
}

ShumateLayer *
linli_map_view_get_grid_layer (LinliMapView *self)
{
  g_return_val_if_fail (LINLI_IS_MAP_VIEW (self), NULL);
  return SHUMATE_LAYER (self->grid_layer);
}

/**
 * linli_map_view_show_bounds:
 *
 * Shows the box from (@min_lat, @min_lon) to (@max_lat, @max_lon) as
 * large as the map's size lets it, as after an import of features there.
 */
void
linli_map_view_show_bounds (LinliMapView *self,
                            double        min_lat,
                            double        min_lon,
                            double        max_lat,
                            double        max_lon)
{
  ShumateViewport *viewport;
  double width, height, y0, y1, zoom_x, zoom_y, zoom;

  g_return_if_fail (LINLI_IS_MAP_VIEW (self));
  g_return_if_fail (min_lat <= max_lat && min_lon <= max_lon);

  viewport = shumate_map_get_viewport (self->map);
  /* Not laid out yet: a window's usual map. */
  width = gtk_widget_get_width (GTK_WIDGET (self->map));
  height = gtk_widget_get_height (GTK_WIDGET (self->map));
  if (width <= 0 || height <= 0)
    width = 900, height = 600;
  /* A margin all round, for the toolbar and the symbols at the edge. */
  width = MAX (width - 96, 64);
  height = MAX (height - 96, 64);
  /* At zoom z the world is 256 · 2^z pixels across, in longitude and in
   * Mercator's y alike. */
  y0 = log (tan (G_PI / 4 + CLAMP (min_lat, -85, 85) * G_PI / 360));
  y1 = log (tan (G_PI / 4 + CLAMP (max_lat, -85, 85) * G_PI / 360));
  zoom_x = log2 (width * 360 / (256 * MAX (max_lon - min_lon, 1e-6)));
  zoom_y = log2 (height * 2 * G_PI / (256 * MAX (y1 - y0, 1e-8)));
  zoom = floor (MIN (zoom_x, zoom_y) * 4) / 4;
  zoom = CLAMP (zoom, shumate_viewport_get_min_zoom_level (viewport), 18);
  shumate_viewport_set_zoom_level (viewport, zoom);
  shumate_map_center_on (self->map, (min_lat + max_lat) / 2, (min_lon + max_lon) / 2);
}
