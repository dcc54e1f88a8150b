/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-map-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <shumate/shumate.h>

#include "linli-grid-layer.h"
#include "linli-grid-panel.h"
#include "linli-map-points.h"
#include "linli-map-style.h"
#include "linli-base-map.h"
#include "linli-map-view.h"
#include "linli-point-layer.h"
#include "linli-record-names.h"

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

  GtkWidget            *box;
  GtkWidget            *overlay;
  ShumateMap           *map;
  ShumateScale         *scale;
  ShumateLicense       *license;
  GtkWidget            *toolbar;
  GtkRevealer          *panel_revealer;
  LinliGridPanel       *grid_panel;
  GtkGrid              *legend;
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
  guint                 clock_id;
  gboolean              browsing;

  gboolean              show[N_LAYERS];
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
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LOCATION_CLICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
  gtk_revealer_set_reveal_child (self->panel_revealer, grid != NULL);
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
                   : kind == LINLI_MAP_POINT_OUTREACH ? "open-outreach" : NULL;

  if (name == NULL || !G_IS_ACTION_MAP (root) || g_action_map_lookup_action (G_ACTION_MAP (root), name) == NULL)
    return NULL;
  return kind == LINLI_MAP_POINT_CASE ? "win.open-case"
       : kind == LINLI_MAP_POINT_ACTIVITY ? "win.open-activity" : "win.open-outreach";
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
  double px, py;

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
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self->map), GTK_WIDGET (self), x, y, &px, &py))
    px = x, py = y;
  gtk_popover_set_pointing_to (self->point_popover, &(GdkRectangle) { (int) px - 4, (int) py - 4, 8, 8 });
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
 * Does what a click there does: shows the point there, zooms in on a disc
 * of cases, or selects the grid there (none outside every grid): the
 * management grid, or if it is selected already the public sentiment grid.
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
      double zoom = shumate_viewport_get_zoom_level (viewport) + CLUSTER_ZOOM_STEP;
      shumate_viewport_set_zoom_level (viewport, MIN (zoom, shumate_viewport_get_max_zoom_level (viewport)));
      shumate_map_center_on (self->map, lat, lon);
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

static void
reload_points (LinliMapView *self)
{
  g_autoptr(GArray) points = NULL;

  if (self->store != NULL)
    {
      g_autoptr(GDateTime) now = linli_store_now (self->store);
      g_autoptr(GError) error = NULL;

      points = linli_map_points_load (self->store, now, &error);
      if (points == NULL)
        g_warning ("Cannot read the places of the records: %s", error->message);
    }
  for (guint i = 0; i < LINLI_MAP_POINT_N_KINDS; i++)
    linli_point_layer_set_points (self->point_layers[i], points);
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

static void
linli_map_view_dispose (GObject *object)
{
  LinliMapView *self = LINLI_MAP_VIEW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->clock_id, g_source_remove);
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
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SHUMATE_TYPE_MAP);
  g_type_ensure (SHUMATE_TYPE_SCALE);
  g_type_ensure (SHUMATE_TYPE_LICENSE);
  g_type_ensure (LINLI_TYPE_GRID_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliMapView, box);
  gtk_widget_class_bind_template_child (widget_class, LinliMapView, overlay);
  gtk_widget_class_bind_template_child (widget_class, LinliMapView, map);
  gtk_widget_class_bind_template_child (widget_class, LinliMapView, scale);
  gtk_widget_class_bind_template_child (widget_class, LinliMapView, license);
  gtk_widget_class_bind_template_child (widget_class, LinliMapView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, LinliMapView, panel_revealer);
  gtk_widget_class_bind_template_child (widget_class, LinliMapView, grid_panel);
  gtk_widget_class_bind_template_child (widget_class, LinliMapView, legend);

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

  gtk_widget_class_install_property_action (widget_class, "map.show-grids", "show-grids");
  gtk_widget_class_install_property_action (widget_class, "map.show-buildings", "show-buildings");
  gtk_widget_class_install_property_action (widget_class, "map.show-cases", "show-cases");
  gtk_widget_class_install_property_action (widget_class, "map.show-activities", "show-activities");
  gtk_widget_class_install_property_action (widget_class, "map.show-outreach", "show-outreach");
  gtk_widget_class_install_action (widget_class, "map.select-grid", "x", select_grid_cb);
  /* Escape lets go of the grid shown in the side panel. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "map.select-grid", "x", (gint64) 0);
  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_in_cb);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_out_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "map.zoom-out", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
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
  add_legend_row (self, row++, &(LegendSymbol) { LINLI_MAP_POINT_CASE, 0, 3, FALSE },
                  gtk_label_new (_("Cases close together, with their number")));
  add_legend_row (self, row++, &(LegendSymbol) { LINLI_MAP_POINT_BUILDING, 0, 1, FALSE },
                  gtk_label_new (_("Building")));
  add_legend_row (self, row++, &(LegendSymbol) { LINLI_MAP_POINT_ACTIVITY, LINLI_ACTIVITY_STATUS_PLANNED, 1, FALSE },
                  gtk_label_new (_("Volunteer activity")));
  add_legend_row (self, row++, &(LegendSymbol) { LINLI_MAP_POINT_OUTREACH, 0, 1, FALSE },
                  gtk_label_new (_("Anti-fraud outreach event")));
}

static void
linli_map_view_init (LinliMapView *self)
{
  ShumateViewport *viewport;

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < N_LAYERS; i++)
    self->show[i] = TRUE;

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
 * Centres the map on the community and draws its grids.
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

/* The grid shown in the side panel, or 0. */
gint64
linli_map_view_get_selected_grid (LinliMapView *self)
{
  g_return_val_if_fail (LINLI_IS_MAP_VIEW (self), 0);
  return gtk_revealer_get_reveal_child (self->panel_revealer)
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
