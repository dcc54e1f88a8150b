/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-new-community-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "linli-community-form.h"
#include "linli-geojson.h"
#include "linli-grid-layer.h"
#include "linli-map-view.h"
#include "linli-new-community-dialog.h"
#include "linli-file-pick.h"
#include "linli-tianditu-source.h"
#include "linli-weak-ref.h"

/* Asks for what a new community needs: its name, subdistrict and city, the
 * centre of its map, and where to keep its database. Each problem is shown
 * under its field, and Create stays off until there is none. The dialog
 * emits ::create with the community; it writes nothing itself.
 *
 * The centre is typed in degrees, or clicked on a map: Tianditu (with the
 * user's key) or OpenStreetMap when the computer is online, or the outlines and places of a GeoJSON file
 * the user opens (its coordinates taken as WGS-84). Offline with no file,
 * the map has nothing to show, and the dialog says to type. */

struct _LinliNewCommunityDialog
{
  AdwWindow     parent_instance;

  AdwActionRow *name_row;
  GtkEntry     *name_entry;
  GtkEntry     *subdistrict_entry;
  GtkEntry     *city_entry;
  AdwActionRow *latitude_row;
  GtkEntry     *latitude_entry;
  AdwActionRow *longitude_row;
  GtkEntry     *longitude_entry;
  AdwActionRow *file_row;
  GtkWidget    *file_group;
  AdwActionRow *map_row;
  GtkWidget    *map_frame;
  LinliMapView *map_view;

  gboolean      online;
  char         *geojson_name;  /* the file shown on the map, or NULL */
  LinliGridLayer     *outline_layer;
  ShumateMarkerLayer *place_layer;
  GListStore   *outlines;      /* LinliGrid, never stored */
  GCancellable *picking_geojson;  /* while a GeoJSON file is chosen */

  char         *path;
  gboolean      path_is_open;  /* an open database that has no community yet */
  gboolean      touched[3];   /* name, latitude, longitude: typed into yet */
  GCancellable *picking_path;     /* while the database file is chosen */
};

G_DEFINE_FINAL_TYPE (LinliNewCommunityDialog, linli_new_community_dialog, ADW_TYPE_WINDOW)

enum {
  CREATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
read_form (LinliNewCommunityDialog *self,
           LinliCommunityForm      *form)
{
  form->name = gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
  form->subdistrict = gtk_editable_get_text (GTK_EDITABLE (self->subdistrict_entry));
  form->city = gtk_editable_get_text (GTK_EDITABLE (self->city_entry));
  form->latitude = gtk_editable_get_text (GTK_EDITABLE (self->latitude_entry));
  form->longitude = gtk_editable_get_text (GTK_EDITABLE (self->longitude_entry));
}

/* Shows @error under the field, or @hint when it is fine. A field nobody has
 * typed in yet shows its hint only: an empty form is not an error. */
static void
show_field (AdwActionRow *row,
            GtkEntry     *entry,
            gboolean      touched,
            const char   *error,
            const char   *hint)
{
  gboolean show_error = touched && error != NULL;

  adw_action_row_set_subtitle (row, show_error ? error : hint);
  if (show_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "linli-field-error");
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "linli-field-error");
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                               show_error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

static gboolean
path_is_free (LinliNewCommunityDialog *self)
{
  if (self->path_is_open)
    return TRUE;
  return self->path != NULL && !g_file_test (self->path, G_FILE_TEST_EXISTS);
}

static gboolean
validate (LinliNewCommunityDialog *self)
{
  LinliCommunityForm form;
  LinliCommunityFormErrors errors = { 0 };
  gboolean valid;
  g_autofree char *display = NULL;

  read_form (self, &form);
  valid = linli_community_form_validate (&form, &errors);

  show_field (self->name_row, self->name_entry, self->touched[0], errors.name, NULL);
  show_field (self->latitude_row, self->latitude_entry, self->touched[1], errors.latitude,
              _("Degrees north, such as 35.4575"));
  show_field (self->longitude_row, self->longitude_entry, self->touched[2], errors.longitude,
              _("Degrees east, such as 116.6035"));

  display = self->path ? g_filename_display_name (self->path) : NULL;
  if (!path_is_free (self))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” exists already. Choose another file."), display);
      adw_action_row_set_subtitle (self->file_row, message);
      gtk_widget_add_css_class (GTK_WIDGET (self->file_row), "linli-field-error");
      valid = FALSE;
    }
  else
    {
      adw_action_row_set_subtitle (self->file_row, display);
      gtk_widget_remove_css_class (GTK_WIDGET (self->file_row), "linli-field-error");
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "community.create", valid);
  /* The pin where the degrees typed are. */
  if (errors.latitude == NULL && errors.longitude == NULL)
    {
      double lat, lon;

      if (linli_parse_degrees (form.latitude, 90, &lat) && linli_parse_degrees (form.longitude, 180, &lon))
        linli_map_view_set_pin (self->map_view, lat, lon);
    }
  else
    linli_map_view_set_pin (self->map_view, NAN, NAN);
  linli_community_form_errors_clear (&errors);
  return valid;
}

/* What the map can show, said in the row above it. */
static void
update_map (LinliNewCommunityDialog *self)
{
  g_autoptr(LinliRecord) base = linli_record_new (LINLI_TYPE_COMMUNITY);
  g_autofree char *hint = NULL;
  g_autofree char *key = linli_tianditu_dup_key ();
  /* Tianditu where the user has a key for it, as the office's maps are. */
  gboolean tianditu = self->online && linli_tianditu_check_key (key, NULL);

  linli_record_set_text (base, "base_map", tianditu ? "tianditu" : self->online ? "osm" : "none");
  linli_map_view_set_base_map (self->map_view, LINLI_COMMUNITY (base));
  if (self->geojson_name != NULL)
    /* TRANSLATORS: %s is the name of a GeoJSON file */
    hint = g_strdup_printf (_("Click the map where the community is: the outlines and places of “%s” are drawn."),
                            self->geojson_name);
  else if (tianditu)
    hint = g_strdup (_("Click the map where the community is, or type the degrees. Map data © Tianditu."));
  else if (self->online)
    hint = g_strdup (_("Click the map where the community is, or type the degrees. Map data © OpenStreetMap contributors."));
  else
    hint = g_strdup (_("Offline, there is no map to click: type the degrees, or open a GeoJSON file of the area, "
                       "such as its grids, and click on it."));
  adw_action_row_set_subtitle (self->map_row, hint);
  gtk_widget_set_visible (self->map_frame, self->online || self->geojson_name != NULL);
}

static void
location_clicked_cb (LinliNewCommunityDialog *self,
                     double                   latitude,
                     double                   longitude)
{
  char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (lat, sizeof lat, "%.6f", latitude);
  g_ascii_formatd (lon, sizeof lon, "%.6f", longitude);
  gtk_editable_set_text (GTK_EDITABLE (self->latitude_entry), lat);
  gtk_editable_set_text (GTK_EDITABLE (self->longitude_entry), lon);
}

static void
extend (LinliBounds *bounds,
        double       lon,
        double       lat)
{
  bounds->min_lon = MIN (bounds->min_lon, lon);
  bounds->max_lon = MAX (bounds->max_lon, lon);
  bounds->min_lat = MIN (bounds->min_lat, lat);
  bounds->max_lat = MAX (bounds->max_lat, lat);
}

/**
 * linli_new_community_dialog_show_geojson:
 * @data: the file's contents
 * @name: the file's name, as the dialog says it
 *
 * Draws the outlines and places of a GeoJSON file on the map, to click
 * the centre on, and shows all of them.
 *
 * Returns: %FALSE with @error set when it is not GeoJSON Linli can read
 */
gboolean
linli_new_community_dialog_show_geojson (LinliNewCommunityDialog  *self,
                                         const char               *data,
                                         gsize                     length,
                                         const char               *name,
                                         GError                  **error)
{
  g_autoptr(LinliGeojsonFile) file = NULL;
  LinliBounds bounds = { INFINITY, INFINITY, -INFINITY, -INFINITY };
  guint n;

  g_return_val_if_fail (LINLI_IS_NEW_COMMUNITY_DIALOG (self), FALSE);

  file = linli_geojson_file_parse (data, length, error);
  if (file == NULL)
    return FALSE;

  g_list_store_remove_all (self->outlines);
  shumate_marker_layer_remove_all (self->place_layer);
  n = linli_geojson_file_get_n_features (file);
  for (guint i = 0; i < n; i++)
    {
      if (linli_geojson_file_get_kind (file, i) == LINLI_GEOJSON_FEATURE_AREA)
        {
          const LinliGeometry *geometry = linli_geojson_file_get_geometry (file, i);
          g_autofree char *boundary = linli_geometry_to_geojson (geometry);
          g_autofree char *code = g_strdup_printf ("%u", i + 1);
          g_autoptr(LinliRecord) grid = linli_record_new (LINLI_TYPE_GRID);
          LinliBounds b = linli_geometry_get_bounds (geometry);

          linli_record_set_text (grid, "code", code);
          linli_record_set_text (grid, "name", "");
          linli_record_set_enum (grid, "kind", LINLI_GRID_KIND_MANAGEMENT);
          linli_record_set_text (grid, "color", "#3584e4");
          linli_record_set_text (grid, "boundary", boundary);
          g_list_store_append (self->outlines, grid);
          extend (&bounds, b.min_lon, b.min_lat);
          extend (&bounds, b.max_lon, b.max_lat);
        }
      else
        {
          LinliPoint p = linli_geojson_file_get_point (file, i);
          ShumateMarker *marker = shumate_marker_new ();

          shumate_marker_set_child (marker, gtk_image_new_from_icon_name ("mark-location-symbolic"));
          shumate_location_set_location (SHUMATE_LOCATION (marker), p.lat, p.lon);
          shumate_marker_layer_add_marker (self->place_layer, marker);
          extend (&bounds, p.lon, p.lat);
        }
    }
  linli_grid_layer_set_grids (self->outline_layer, G_LIST_MODEL (self->outlines));

  g_free (self->geojson_name);
  self->geojson_name = g_strdup (name);
  update_map (self);
  if (isfinite (bounds.min_lon))
    linli_map_view_show_bounds (self->map_view, bounds.min_lat, bounds.min_lon, bounds.max_lat, bounds.max_lon);
  return TRUE;
}

/* For tests: the network as the dialog sees it. */
void
linli_new_community_dialog_set_online (LinliNewCommunityDialog *self,
                                       gboolean                 online)
{
  g_return_if_fail (LINLI_IS_NEW_COMMUNITY_DIALOG (self));

  self->online = online;
  update_map (self);
}

static void
network_changed_cb (LinliNewCommunityDialog *self)
{
  GNetworkMonitor *monitor = g_network_monitor_get_default ();

  linli_new_community_dialog_set_online (self,
                                         g_network_monitor_get_connectivity (monitor) == G_NETWORK_CONNECTIVITY_FULL);
}

static void
geojson_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LinliNewCommunityDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (source));
  gsize length;

  if (!g_file_load_contents_finish (G_FILE (source), result, &data, &length, NULL, &error) ||
      !linli_new_community_dialog_show_geojson (self, data, length, name, &error))
    {
      /* TRANSLATORS: %s says why a GeoJSON file cannot be shown */
      g_autofree char *message = g_strdup_printf (_("The file cannot be shown: %s"), error->message);
      adw_action_row_set_subtitle (self->map_row, message);
    }
}

static void
geojson_chosen_cb (GFile    *file,
                   gpointer  data)
{
  g_autoptr(LinliNewCommunityDialog) self = g_weak_ref_get (data);

  if (self == NULL)
    return;
  g_clear_object (&self->picking_geojson);
  if (file != NULL)
    g_file_load_contents_async (file, NULL, geojson_loaded_cb, g_object_ref (self));
}

static void
open_geojson_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LinliNewCommunityDialog *self = LINLI_NEW_COMMUNITY_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(LinliFilePick) pick = NULL;

  if (self->picking_geojson != NULL)
    return;
  pick = linli_file_pick_new (_("Open a GeoJSON File of the Area"));
  linli_file_pick_set_accept_label (pick, _("_Open"));
  gtk_file_filter_set_name (filter, _("GeoJSON files"));
  gtk_file_filter_add_pattern (filter, "*.geojson");
  gtk_file_filter_add_pattern (filter, "*.json");
  linli_file_pick_add_filter (pick, filter);
  self->picking_geojson = g_cancellable_new ();
  linli_file_pick_open (pick, GTK_WINDOW (self), self->picking_geojson, geojson_chosen_cb,
                        linli_weak_ref_new (self), linli_weak_ref_free);
}

static void
name_changed_cb (LinliNewCommunityDialog *self)
{
  self->touched[0] = TRUE;
  validate (self);
}

static void
latitude_changed_cb (LinliNewCommunityDialog *self)
{
  self->touched[1] = TRUE;
  validate (self);
}

static void
longitude_changed_cb (LinliNewCommunityDialog *self)
{
  self->touched[2] = TRUE;
  validate (self);
}

static void
create_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LinliNewCommunityDialog *self = LINLI_NEW_COMMUNITY_DIALOG (widget);
  g_autoptr(LinliCommunity) community = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  LinliCommunityForm form;
  gboolean handled = FALSE;

  memset (self->touched, TRUE, sizeof self->touched);
  if (!validate (self))
    return;

  read_form (self, &form);
  community = linli_community_form_to_record (&form, now);
  g_signal_emit (self, signals[CREATE], 0, community, self->path, &handled);
  if (handled)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
path_chosen_cb (GFile    *file,
                gpointer  data)
{
  g_autoptr(LinliNewCommunityDialog) self = g_weak_ref_get (data);

  if (self == NULL)
    return;
  g_clear_object (&self->picking_path);
  if (file != NULL)
    {
      g_free (self->path);
      self->path = g_file_get_path (file);
      validate (self);
    }
}

static void
choose_file_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LinliNewCommunityDialog *self = LINLI_NEW_COMMUNITY_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(LinliFilePick) pick = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
  g_autofree char *suggestion = g_strdup_printf ("%s.db", *name ? name : _("community"));

  if (self->picking_path != NULL)
    return;

  pick = linli_file_pick_new (_("Save the Community Database"));
  linli_file_pick_set_accept_label (pick, _("_Choose"));
  gtk_file_filter_set_name (filter, _("Linli databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  linli_file_pick_add_filter (pick, filter);
  linli_file_pick_set_initial_name (pick, suggestion);
  self->picking_path = g_cancellable_new ();
  linli_file_pick_save (pick, GTK_WINDOW (self), self->picking_path, path_chosen_cb,
                        linli_weak_ref_new (self), linli_weak_ref_free);
}

static void
linli_new_community_dialog_dispose (GObject *object)
{
  LinliNewCommunityDialog *self = LINLI_NEW_COMMUNITY_DIALOG (object);

  g_cancellable_cancel (self->picking_path);
  g_clear_object (&self->picking_path);
  g_cancellable_cancel (self->picking_geojson);
  g_clear_object (&self->picking_geojson);
  g_clear_object (&self->outlines);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_NEW_COMMUNITY_DIALOG);

  G_OBJECT_CLASS (linli_new_community_dialog_parent_class)->dispose (object);
}

static void
linli_new_community_dialog_finalize (GObject *object)
{
  LinliNewCommunityDialog *self = LINLI_NEW_COMMUNITY_DIALOG (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->geojson_name, g_free);

  G_OBJECT_CLASS (linli_new_community_dialog_parent_class)->finalize (object);
}

static void
linli_new_community_dialog_class_init (LinliNewCommunityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_new_community_dialog_dispose;
  object_class->finalize = linli_new_community_dialog_finalize;

  /**
   * LinliNewCommunityDialog::create:
   * @community: the new community, not yet stored
   * @path: the file to create
   *
   * Returns: %TRUE when the community was created and the dialog may close
   */
  signals[CREATE] =
    g_signal_new ("create",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 2, LINLI_TYPE_COMMUNITY, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-new-community-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliNewCommunityDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, LinliNewCommunityDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliNewCommunityDialog, subdistrict_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliNewCommunityDialog, city_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliNewCommunityDialog, latitude_row);
  gtk_widget_class_bind_template_child (widget_class, LinliNewCommunityDialog, latitude_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliNewCommunityDialog, longitude_row);
  gtk_widget_class_bind_template_child (widget_class, LinliNewCommunityDialog, longitude_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliNewCommunityDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, LinliNewCommunityDialog, file_group);
  gtk_widget_class_bind_template_child (widget_class, LinliNewCommunityDialog, map_row);
  gtk_widget_class_bind_template_child (widget_class, LinliNewCommunityDialog, map_frame);
  gtk_widget_class_bind_template_child (widget_class, LinliNewCommunityDialog, map_view);
  gtk_widget_class_bind_template_callback (widget_class, location_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, latitude_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, longitude_changed_cb);

  gtk_widget_class_install_action (widget_class, "community.create", NULL, create_cb);
  gtk_widget_class_install_action (widget_class, "community.choose-file", NULL, choose_file_cb);
  gtk_widget_class_install_action (widget_class, "community.open-geojson", NULL, open_geojson_cb);

  g_type_ensure (LINLI_TYPE_MAP_VIEW);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
linli_new_community_dialog_init (LinliNewCommunityDialog *self)
{
  ShumateViewport *viewport;

  gtk_widget_init_template (GTK_WIDGET (self));

  viewport = linli_map_view_get_viewport (self->map_view);
  self->outlines = g_list_store_new (LINLI_TYPE_GRID);
  self->outline_layer = linli_grid_layer_new (viewport);
  linli_map_view_add_overlay (self->map_view, SHUMATE_LAYER (self->outline_layer));
  self->place_layer = shumate_marker_layer_new (viewport);
  linli_map_view_add_overlay (self->map_view, SHUMATE_LAYER (self->place_layer));
  /* China, before anything is typed, clicked or opened. */
  linli_map_view_center_on (self->map_view, 35.0, 105.0, 3);

  g_signal_connect_object (g_network_monitor_get_default (), "notify::connectivity",
                           G_CALLBACK (network_changed_cb), self, G_CONNECT_SWAPPED);
  network_changed_cb (self);

  /* The name is asked first: typing starts there, not on Cancel. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_entry));
}

/**
 * linli_new_community_dialog_new:
 * @default_path: the file proposed for the new database
 */
LinliNewCommunityDialog *
linli_new_community_dialog_new (GtkWindow  *parent,
                                const char *default_path)
{
  LinliNewCommunityDialog *self;

  self = g_object_new (LINLI_TYPE_NEW_COMMUNITY_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->path = g_strdup (default_path);
  validate (self);
  return self;
}

/**
 * linli_new_community_dialog_new_for_file:
 * @path: an open database that has no community yet
 *
 * Asks for the community of a database that exists already, such as one
 * made by `linli --database=FILE`; there is no file to choose.
 */
LinliNewCommunityDialog *
linli_new_community_dialog_new_for_file (GtkWindow  *parent,
                                         const char *path)
{
  LinliNewCommunityDialog *self = linli_new_community_dialog_new (parent, path);

  self->path_is_open = TRUE;
  gtk_widget_set_visible (self->file_group, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "community.choose-file", FALSE);
  gtk_window_set_title (GTK_WINDOW (self), _("Set Up the Community"));
  validate (self);
  return self;
}

const char *
linli_new_community_dialog_get_path (LinliNewCommunityDialog *self)
{
  g_return_val_if_fail (LINLI_IS_NEW_COMMUNITY_DIALOG (self), NULL);
  return self->path;
}
