/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-map-view"

#include "config.h"

#include <math.h>
#include <shumate/shumate.h>

#include "linli-grid-layer.h"
#include "linli-map-view.h"

/* The Map page: the community's grids over a base map. With no base map (the
 * default) nothing is fetched from the network and the grids always draw. */

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

  GtkWidget            *overlay;
  ShumateMap           *map;
  ShumateScale         *scale;
  ShumateLicense       *license;

  ShumateMapSource     *base_source;   /* the tiles, or the projection alone */
  ShumateMapLayer      *base_layer;    /* NULL with no base map */
  LinliGridLayer       *grid_layer;
  ShumateMarkerLayer   *pin_layer;
  ShumateMarker        *pin;
  GListModel           *grids;

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
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LOCATION_CLICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A click that did not move the map: where on earth it was. */
static void
click_released_cb (LinliMapView    *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  double lat, lon;

  if (n_press != 1)
    return;
  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self->map), x, y, &lat, &lon);
  g_signal_emit (self, signals[LOCATION_CLICKED], 0, lat, lon);
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

  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_MAP_VIEW);
  g_clear_object (&self->base_source);
  g_clear_object (&self->grids);

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
    default:
      return NULL;
    }
}

static void
linli_map_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LinliMapView *self = LINLI_MAP_VIEW (object);

  if (prop_id >= PROP_SHOW_GRIDS && prop_id < N_PROPS)
    g_value_set_boolean (value, self->show[prop_id - PROP_SHOW_GRIDS]);
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

  if (prop_id >= PROP_SHOW_GRIDS && prop_id < N_PROPS)
    {
      guint layer = prop_id - PROP_SHOW_GRIDS;
      gboolean show = g_value_get_boolean (value);
      GtkWidget *widget = get_layer (self, layer);

      if (self->show[layer] == show)
        return;
      self->show[layer] = show;
      if (widget != NULL)
        gtk_widget_set_visible (widget, show);
      g_object_notify_by_pspec (object, pspec);
    }
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SHUMATE_TYPE_MAP);
  g_type_ensure (SHUMATE_TYPE_SCALE);
  g_type_ensure (SHUMATE_TYPE_LICENSE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliMapView, overlay);
  gtk_widget_class_bind_template_child (widget_class, LinliMapView, map);
  gtk_widget_class_bind_template_child (widget_class, LinliMapView, scale);
  gtk_widget_class_bind_template_child (widget_class, LinliMapView, license);

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
  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_in_cb);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_out_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "map.zoom-out", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "linli-map-view");
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

  {
    GtkGesture *click = gtk_gesture_click_new ();
    g_signal_connect_object (click, "released", G_CALLBACK (click_released_cb), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (click));
  }

  linli_map_view_set_base_map (self, "none");
}

/**
 * linli_map_view_set_base_map:
 * @base_map: "none" or "osm"
 *
 * Shows OpenStreetMap tiles under the grids, or none. The tiles are the only
 * thing the map fetches from the network.
 */
void
linli_map_view_set_base_map (LinliMapView *self,
                             const char   *base_map)
{
  g_autoptr(ShumateMapSourceRegistry) registry = shumate_map_source_registry_new_with_defaults ();
  ShumateViewport *viewport;
  ShumateMapSource *source;

  g_return_if_fail (LINLI_IS_MAP_VIEW (self));

  viewport = shumate_map_get_viewport (self->map);
  source = shumate_map_source_registry_get_by_id (registry, SHUMATE_MAP_SOURCE_OSM_MAPNIK);
  g_set_object (&self->base_source, source);
  /* The viewport projects with the source's tile size even when no tile of
   * it is ever requested. */
  shumate_viewport_set_reference_map_source (viewport, self->base_source);

  if (self->base_layer != NULL)
    {
      shumate_license_remove_map_source (self->license, self->base_source);
      shumate_map_remove_layer (self->map, SHUMATE_LAYER (self->base_layer));
      self->base_layer = NULL;
    }

  if (g_strcmp0 (base_map, "osm") == 0)
    {
      self->base_layer = shumate_map_layer_new (self->base_source, viewport);
      shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (self->base_layer),
                                       SHUMATE_LAYER (self->grid_layer));
      shumate_license_append_map_source (self->license, self->base_source);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->license), self->base_layer != NULL);
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

  g_clear_object (&self->grids);
  if (store != NULL)
    {
      self->grids = linli_store_list (store, LINLI_TYPE_GRID);
      community = linli_store_dup_community (store);
    }
  linli_grid_layer_set_grids (self->grid_layer, self->grids);

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
