/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-geojson-import-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <shumate/shumate.h>

#include "linli-alert.h"
#include "linli-base-map.h"
#include "linli-event-export.h"
#include "linli-file-pick.h"
#include "linli-geojson-import-dialog.h"
#include "linli-import-dialog.h"
#include "linli-import-errors.h"
#include "linli-grid-layer.h"
#include "linli-import-read.h"
#include "linli-safe-file.h"

/* The preview of a GeoJSON import: the features found, which property is
 * their name and which their code, what the areas become, and in which
 * coordinate system the file is — its outlines drawn on the community's
 * base map as they would be stored. Nothing is written until Import; then
 * everything is, in one transaction, in a job through a writer of the
 * store's own (linli_import_dialog_run()); Cancel writes nothing. */

#define MAX_LISTED 200

struct _LinliGeojsonImportDialog
{
  AdwWindow            parent_instance;

  AdwPreferencesGroup *errors_group;
  GtkListBox          *errors_list;
  AdwPreferencesGroup *file_group;
  GtkLabel            *error_label;
  GtkWidget           *import_button;
  AdwComboRow         *coords_row;
  GtkFrame            *map_frame;
  AdwComboRow         *name_row;
  AdwComboRow         *code_row;
  AdwComboRow         *kind_row;
  AdwPreferencesGroup *features_group;
  GtkListBox          *features_list;

  ShumateMap          *map;
  LinliBaseMap        *base_map;
  LinliGridLayer      *outline_layer;
  ShumateMarkerLayer  *point_layer;

  LinliStore          *store;
  LinliGeojsonFile    *file;
  GListStore          *outlines;     /* LinliGrid, not stored */

  AdwActionRow        *update_row;   /* shown when the file matches what is stored */
  GtkSwitch           *update_switch;
  GtkLabel            *far_label;    /* features far from the community */
  gboolean             has_centre;
  double               centre_lat, centre_lon;
  LinliBounds          bounds;        /* of the features, as they would be stored */
};

/* Farther than this from the community's centre, a feature is likely in
 * another coordinate system or another place altogether. */
#define FAR_M 5000.0

G_DEFINE_FINAL_TYPE (LinliGeojsonImportDialog, linli_geojson_import_dialog, ADW_TYPE_WINDOW)

static void
current_options (LinliGeojsonImportDialog *self,
                 LinliGeojsonImport       *options)
{
  const char * const *keys = linli_geojson_file_get_keys (self->file);
  guint n_keys = g_strv_length ((char **) keys);
  guint name = adw_combo_row_get_selected (self->name_row);
  guint code = adw_combo_row_get_selected (self->code_row);
  guint coords = adw_combo_row_get_selected (self->coords_row);

  options->name_key = name < n_keys ? keys[name] : NULL;
  /* Choice 0 of the code is "the name". */
  options->code_key = code >= 1 && code - 1 < n_keys ? keys[code - 1] : NULL;
  options->grid_kind = adw_combo_row_get_selected (self->kind_row) == 1
                       ? LINLI_GRID_KIND_SENTIMENT : LINLI_GRID_KIND_MANAGEMENT;
  options->coords = coords <= LINLI_COORDS_BD09 ? (LinliCoordSystem) coords : LINLI_COORDS_WGS84;
  options->update = self->update_switch != NULL && gtk_switch_get_active (self->update_switch);
}

static void
show_error (LinliGeojsonImportDialog *self,
            const char               *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_features (LinliGeojsonImportDialog *self)
{
  LinliGeojsonImport options;
  guint n = linli_geojson_file_get_n_features (self->file);
  GtkWidget *child;

  current_options (self, &options);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->features_list))) != NULL)
    gtk_list_box_remove (self->features_list, child);

  for (guint i = 0; i < MIN (n, MAX_LISTED); i++)
    {
      g_autofree char *name = linli_geojson_file_dup_property (self->file, i, options.name_key);
      g_autofree char *code = options.code_key ? linli_geojson_file_dup_property (self->file, i, options.code_key) : NULL;
      g_autofree char *title = name ? g_strdup (name) : g_strdup_printf (_("Feature %u (no name)"), i + 1);
      gboolean is_area = linli_geojson_file_get_kind (self->file, i) == LINLI_GEOJSON_FEATURE_AREA;
      const char *what = is_area ? (options.grid_kind == LINLI_GRID_KIND_SENTIMENT
                                    ? _("Public sentiment grid") : _("Management grid"))
                                 : _("Building");
      g_autofree char *subtitle = code && is_area ? g_strdup_printf ("%s · %s", code, what) : g_strdup (what);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->features_list, row);
    }
  if (n > MAX_LISTED)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more feature",
                                                            "%u more features", n - MAX_LISTED),
                                               n - MAX_LISTED);
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_list_box_append (self->features_list, row);
    }
}

static void
update_check (LinliGeojsonImportDialog *self)
{
  LinliGeojsonImport options;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  guint n_grids = 0, n_buildings = 0;

  current_options (self, &options);
  /* A file imported before: offer to update what it wrote. */
  linli_geojson_file_count_matches (self->file, self->store, &options, &n_grids, &n_buildings);
  gtk_widget_set_visible (GTK_WIDGET (self->update_row), n_grids + n_buildings > 0);
  if (n_grids + n_buildings > 0)
    {
      g_autofree char *grids = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u grid", "%u grids", n_grids), n_grids);
      g_autofree char *buildings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u building", "%u buildings", n_buildings), n_buildings);
      /* TRANSLATORS: "2 grids and 5 buildings" of the file are stored already */
      g_autofree char *subtitle = g_strdup_printf (_("%s and %s of this file are there already, by code or name: "
                                                     "on, their outline, place and name are updated; off, they are added again."),
                                                   grids, buildings);
      adw_action_row_set_subtitle (self->update_row, subtitle);
    }
  ok = linli_geojson_file_check (self->file, self->store, &options, &error);
  show_error (self, ok ? NULL : error->message);
  gtk_widget_set_sensitive (self->import_button, ok);
}

/* Features far from the community, as a file in another coordinate
 * system or of another place has them. */
static void
update_far (LinliGeojsonImportDialog *self)
{
  LinliGeojsonImport options;
  double farthest = 0;
  guint n;

  current_options (self, &options);
  n = self->has_centre ? linli_geojson_file_count_far (self->file, options.coords, self->centre_lat,
                                                       self->centre_lon, FAR_M, &farthest)
                       : 0;
  gtk_widget_set_visible (GTK_WIDGET (self->far_label), n > 0);
  if (n > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u feature lies more than %.0f km from the community, the farthest %.0f km away. Check the coordinate system and the file before importing.",
                                                            "%u features lie more than %.0f km from the community, the farthest %.0f km away. Check the coordinate system and the file before importing.",
                                                            n),
                                               n, FAR_M / 1000, farthest / 1000);
      gtk_label_set_text (self->far_label, text);
    }
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

/* The outlines where they would be stored, and the map around them. */
static void
update_map (LinliGeojsonImportDialog *self,
            gboolean                  fit)
{
  LinliGeojsonImport options;
  LinliBounds bounds = { INFINITY, INFINITY, -INFINITY, -INFINITY };
  guint n = linli_geojson_file_get_n_features (self->file);

  current_options (self, &options);
  g_list_store_remove_all (self->outlines);
  shumate_marker_layer_remove_all (self->point_layer);

  for (guint i = 0; i < n; i++)
    {
      if (linli_geojson_file_get_kind (self->file, i) == LINLI_GEOJSON_FEATURE_AREA)
        {
          g_autoptr(LinliGeometry) geometry =
            linli_china_coords_convert_geometry (linli_geojson_file_get_geometry (self->file, i),
                                                 options.coords, LINLI_COORDS_WGS84);
          g_autofree char *boundary = linli_geometry_to_geojson (geometry);
          g_autofree char *name = linli_geojson_file_dup_property (self->file, i, options.name_key);
          g_autofree char *code = g_strdup_printf ("%u", i + 1);
          g_autoptr(LinliRecord) grid = linli_record_new (LINLI_TYPE_GRID);
          LinliBounds b = linli_geometry_get_bounds (geometry);

          linli_record_set_text (grid, "code", code);
          linli_record_set_text (grid, "name", name ? name : "");
          linli_record_set_enum (grid, "kind", options.grid_kind);
          linli_record_set_text (grid, "color", "#3584e4");
          linli_record_set_text (grid, "boundary", boundary);
          g_list_store_append (self->outlines, grid);
          extend (&bounds, b.min_lon, b.min_lat);
          extend (&bounds, b.max_lon, b.max_lat);
        }
      else
        {
          LinliPoint p = linli_china_coords_convert (linli_geojson_file_get_point (self->file, i),
                                                     options.coords, LINLI_COORDS_WGS84);
          GtkWidget *dot = gtk_image_new_from_icon_name ("mark-location-symbolic");
          ShumateMarker *marker = shumate_marker_new ();

          shumate_marker_set_child (marker, dot);
          shumate_location_set_location (SHUMATE_LOCATION (marker), p.lat, p.lon);
          shumate_marker_layer_add_marker (self->point_layer, marker);
          extend (&bounds, p.lon, p.lat);
        }
    }
  linli_grid_layer_set_grids (self->outline_layer, G_LIST_MODEL (self->outlines));
  self->bounds = bounds;

  if (fit && isfinite (bounds.min_lon))
    {
      ShumateViewport *viewport = shumate_map_get_viewport (self->map);
      /* The frame is about 600 × 280 pixels; 256 pixels span the world's
       * 360° of longitude at zoom 0, and as many of Mercator latitude,
       * stretched by 1 / cos φ. */
      double span_lon = MAX (bounds.max_lon - bounds.min_lon, 1e-5);
      double mid_lat = (bounds.min_lat + bounds.max_lat) / 2;
      double span_lat = MAX (bounds.max_lat - bounds.min_lat, 1e-5) / cos (mid_lat * G_PI / 180);
      double zoom = MIN (log2 (600.0 / 256 * 360 / span_lon), log2 (280.0 / 256 * 360 / span_lat)) - 0.2;

      shumate_viewport_set_zoom_level (viewport, CLAMP (zoom, 3, 18));
      shumate_map_center_on (self->map, mid_lat, (bounds.min_lon + bounds.max_lon) / 2);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->map));
}

static void
mapping_changed_cb (LinliGeojsonImportDialog *self)
{
  update_features (self);
  update_check (self);
}

static void
coords_changed_cb (LinliGeojsonImportDialog *self)
{
  update_map (self, FALSE);
  update_far (self);
}

static void
kind_changed_cb (LinliGeojsonImportDialog *self)
{
  update_features (self);
  update_map (self, FALSE);
  update_check (self);
}

typedef struct
{
  LinliGeojsonFile   *file;
  LinliGeojsonImport  options;    /* its keys the file's */
} Importing;

static void
importing_free (Importing *importing)
{
  linli_geojson_file_free (importing->file);
  g_free (importing);
}

/* A #LinliImportFunc: every feature written through the writer, or none. */
static gboolean
import_job (LinliJob      *job,
            LinliStore    *writer,
            gpointer       data,
            GCancellable  *cancellable,
            GPtrArray    **row_errors,
            guint         *n_imported,
            GError       **error)
{
  Importing *importing = data;
  guint n_grids = 0, n_buildings = 0;

  if (!linli_geojson_file_import_full (importing->file, writer, &importing->options, linli_import_dialog_count_records, job,
                                       cancellable, &n_grids, &n_buildings, error))
    return FALSE;
  *n_imported = n_grids + n_buildings;
  return TRUE;
}

static void
import_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LinliGeojsonImportDialog *self = LINLI_GEOJSON_IMPORT_DIALOG (widget);
  const GType types[] = { LINLI_TYPE_GRID, LINLI_TYPE_BUILDING };
  LinliGeojsonImport options;
  g_autoptr(GError) error = NULL;
  Importing *importing;

  if (linli_import_dialog_get_job (GTK_WINDOW (self)) != NULL)
    return;
  /* What the preview says is wrong starts no job. */
  current_options (self, &options);
  if (!linli_geojson_file_check (self->file, self->store, &options, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Nothing was imported: %s"), error->message);
      show_error (self, message);
      return;
    }
  /* The job has a reference of its own to the file, which nothing
   * changes once it is read. */
  importing = g_new0 (Importing, 1);
  importing->file = linli_geojson_file_ref (self->file);
  importing->options = options;
  show_error (self, NULL);
  linli_import_dialog_run (GTK_WINDOW (self), self->store,
                           _("Records are being imported. Changes can be made again once the import is done or cancelled."),
                           _("Importing grids and buildings…"),
                           types, G_N_ELEMENTS (types), self->errors_group, self->errors_list,
                           import_job, importing, (GDestroyNotify) importing_free);
}

/* Written: the window says what came in and shows it on the map. */
static void
imported_cb (LinliGeojsonImportDialog *self,
             guint                     n_imported)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  guint n_grids = linli_geojson_file_count (self->file, LINLI_GEOJSON_FEATURE_AREA);
  guint n_buildings = linli_geojson_file_count (self->file, LINLI_GEOJSON_FEATURE_POINT);
  g_autofree char *grids = NULL;
  g_autofree char *buildings = NULL;
  g_autofree char *message = NULL;

  if (parent == NULL)
    return;
  grids = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u grid", "%u grids", n_grids), n_grids);
  buildings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u building", "%u buildings", n_buildings), n_buildings);
  /* TRANSLATORS: "Imported 11 grids and 0 buildings" */
  message = g_strdup_printf (_("Imported %s and %s"), grids, buildings);
  gtk_widget_activate_action (GTK_WIDGET (parent), "window.toast", "s", message);
  /* The map, showing what came in. */
  if (n_imported > 0 && isfinite (self->bounds.min_lon))
    gtk_widget_activate_action (GTK_WIDGET (parent), "window.show-area", "(dddd)",
                                self->bounds.min_lat, self->bounds.min_lon,
                                self->bounds.max_lat, self->bounds.max_lon);
}

static void
linli_geojson_import_dialog_dispose (GObject *object)
{
  LinliGeojsonImportDialog *self = LINLI_GEOJSON_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_GEOJSON_IMPORT_DIALOG);
  g_clear_object (&self->base_map);
  g_clear_object (&self->store);
  g_clear_object (&self->outlines);
  g_clear_pointer (&self->file, linli_geojson_file_free);

  G_OBJECT_CLASS (linli_geojson_import_dialog_parent_class)->dispose (object);
}

static void
linli_geojson_import_dialog_class_init (LinliGeojsonImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_geojson_import_dialog_dispose;

  linli_import_dialog_class_setup (widget_class, "/ui/linli-geojson-import-dialog.ui", import_cb);
  /**
   * LinliGeojsonImportDialog::imported:
   * @n_imported: the grids and buildings written
   *
   * Emitted once the import is written, before the dialog closes.
   */
  linli_import_dialog_class_add_imported (object_class);
  gtk_widget_class_bind_template_child (widget_class, LinliGeojsonImportDialog, errors_group);
  gtk_widget_class_bind_template_child (widget_class, LinliGeojsonImportDialog, errors_list);
  gtk_widget_class_bind_template_child (widget_class, LinliGeojsonImportDialog, file_group);
  gtk_widget_class_bind_template_child (widget_class, LinliGeojsonImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LinliGeojsonImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, LinliGeojsonImportDialog, coords_row);
  gtk_widget_class_bind_template_child (widget_class, LinliGeojsonImportDialog, map_frame);
  gtk_widget_class_bind_template_child (widget_class, LinliGeojsonImportDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, LinliGeojsonImportDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, LinliGeojsonImportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LinliGeojsonImportDialog, features_group);
  gtk_widget_class_bind_template_child (widget_class, LinliGeojsonImportDialog, features_list);
}

static void
linli_geojson_import_dialog_init (LinliGeojsonImportDialog *self)
{
  ShumateViewport *viewport;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->outlines = g_list_store_new (LINLI_TYPE_GRID);
  g_signal_connect (self, "imported", G_CALLBACK (imported_cb), NULL);

  self->map = shumate_map_new ();
  viewport = shumate_map_get_viewport (self->map);
  shumate_viewport_set_min_zoom_level (viewport, 3);
  shumate_viewport_set_max_zoom_level (viewport, 19);
  self->outline_layer = linli_grid_layer_new (viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->outline_layer));
  self->point_layer = shumate_marker_layer_new (viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->point_layer));
  gtk_frame_set_child (self->map_frame, GTK_WIDGET (self->map));
}

static GListModel *
key_choices (LinliGeojsonFile *file,
             const char       *first)
{
  GtkStringList *choices = gtk_string_list_new (NULL);

  if (first != NULL)
    gtk_string_list_append (choices, first);
  gtk_string_list_splice (choices, g_list_model_get_n_items (G_LIST_MODEL (choices)), 0,
                          linli_geojson_file_get_keys (file));
  return G_LIST_MODEL (choices);
}

static guint
key_index (LinliGeojsonFile *file,
           const char       *key)
{
  const char * const *keys = linli_geojson_file_get_keys (file);

  for (guint i = 0; key != NULL && keys[i] != NULL; i++)
    if (g_str_equal (keys[i], key))
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/**
 * linli_geojson_import_dialog_new:
 * @file: (transfer full): the file, read and checked
 * @file_name: its name, for the user
 */
LinliGeojsonImportDialog *
linli_geojson_import_dialog_new (GtkWindow        *parent,
                                 LinliStore       *store,
                                 LinliGeojsonFile *file,
                                 const char       *file_name)
{
  LinliGeojsonImportDialog *self;
  g_autoptr(GListModel) names = NULL;
  g_autoptr(GListModel) codes = NULL;
  g_autoptr(LinliCommunity) community = NULL;
  g_autofree char *areas = NULL;
  g_autofree char *points = NULL;
  g_autofree char *description = NULL;
  guint name, code;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);
  g_return_val_if_fail (file != NULL, NULL);

  self = g_object_new (LINLI_TYPE_GEOJSON_IMPORT_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->file = file;

  community = linli_store_dup_community (store);
  if (community != NULL)
    {
      self->centre_lat = linli_record_get_double (LINLI_RECORD (community), "center_lat");
      self->centre_lon = linli_record_get_double (LINLI_RECORD (community), "center_lon");
      self->has_centre = isfinite (self->centre_lat) && isfinite (self->centre_lon) &&
                         (self->centre_lat != 0 || self->centre_lon != 0);
    }
  self->base_map = linli_base_map_new (community);
  linli_base_map_attach (self->base_map, self->map, SHUMATE_LAYER (self->outline_layer), NULL);

  areas = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u area", "%u areas",
                                        linli_geojson_file_count (file, LINLI_GEOJSON_FEATURE_AREA)),
                           linli_geojson_file_count (file, LINLI_GEOJSON_FEATURE_AREA));
  points = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u point", "%u points",
                                         linli_geojson_file_count (file, LINLI_GEOJSON_FEATURE_POINT)),
                            linli_geojson_file_count (file, LINLI_GEOJSON_FEATURE_POINT));
  /* TRANSLATORS: "districts.geojson: 11 areas (grids), 0 points (buildings)" */
  description = g_strdup_printf (_("%s: %s (grids), %s (buildings)"), file_name, areas, points);
  adw_preferences_group_set_description (self->file_group, description);

  names = key_choices (file, NULL);
  codes = key_choices (file, _("None: the name is the code"));
  adw_combo_row_set_model (self->name_row, names);
  adw_combo_row_set_model (self->code_row, codes);
  name = key_index (file, linli_geojson_file_guess_name_key (file));
  code = key_index (file, linli_geojson_file_guess_code_key (file));
  adw_combo_row_set_selected (self->name_row, name != GTK_INVALID_LIST_POSITION ? name : 0);
  adw_combo_row_set_selected (self->code_row, code != GTK_INVALID_LIST_POSITION ? code + 1 : 0);
  /* Web-map GeoJSON in China is GCJ-02 far more often than not. */
  adw_combo_row_set_selected (self->coords_row, LINLI_COORDS_GCJ02);

  g_signal_connect_swapped (self->name_row, "notify::selected", G_CALLBACK (mapping_changed_cb), self);
  g_signal_connect_swapped (self->code_row, "notify::selected", G_CALLBACK (mapping_changed_cb), self);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_changed_cb), self);
  g_signal_connect_swapped (self->coords_row, "notify::selected", G_CALLBACK (coords_changed_cb), self);

  /* Made here, not in the template: shown only when they have something to say. */
  self->update_row = ADW_ACTION_ROW (adw_action_row_new ());
  self->update_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_switch_set_active (self->update_switch, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->update_switch), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->update_row), _("_Update What Is There"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->update_row), TRUE);
  adw_action_row_add_suffix (self->update_row, GTK_WIDGET (self->update_switch));
  adw_action_row_set_activatable_widget (self->update_row, GTK_WIDGET (self->update_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (GTK_WIDGET (self->name_row),
                                                                             ADW_TYPE_PREFERENCES_GROUP)),
                             GTK_WIDGET (self->update_row));
  g_signal_connect_swapped (self->update_switch, "notify::active", G_CALLBACK (mapping_changed_cb), self);
  self->far_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->far_label, TRUE);
  gtk_label_set_xalign (self->far_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->far_label), "linli-banner");
  gtk_widget_add_css_class (GTK_WIDGET (self->far_label), "warning");
  adw_preferences_group_add (self->file_group, GTK_WIDGET (self->far_label));

  update_features (self);
  update_check (self);
  update_far (self);
  update_map (self, TRUE);
  return self;
}

typedef struct
{
  GtkWindow  *parent;
  LinliStore *store;
} ChooseData;

static void
choose_data_free (gpointer user_data)
{
  ChooseData *data = user_data;

  g_clear_object (&data->parent);
  g_clear_object (&data->store);
  g_free (data);
}

/* A #LinliImportReadFunc: the file parsed in the job's thread. */
static gpointer
read_geojson (GFile         *file,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, cancellable, NULL, error);
  const char *contents;
  gsize length;

  if (bytes == NULL)
    return NULL;
  contents = g_bytes_get_data (bytes, &length);
  return linli_geojson_file_parse (contents ? contents : "", length, error);
}

static void
import_read_cb (gpointer    result,
                const char *file_name,
                gpointer    user_data)
{
  ChooseData *data = user_data;

  /* The dialog takes the file. */
  gtk_window_present (GTK_WINDOW (linli_geojson_import_dialog_new (data->parent, data->store,
                                                                   result, file_name)));
}

/**
 * linli_geojson_import_open:
 * @file: a GeoJSON file
 *
 * Reads and checks @file in a job of @parent's job bar, then shows its
 * preview; a file that is not GeoJSON, or has nothing to import, is
 * named in an alert on @parent and nothing opens.
 */
void
linli_geojson_import_open (GtkWindow  *parent,
                           LinliStore *store,
                           GFile      *file)
{
  ChooseData *data;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (LINLI_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ChooseData, 1);
  data->parent = g_object_ref (parent);
  data->store = g_object_ref (store);
  linli_import_read (GTK_WIDGET (parent), file, _("Cannot Import the File"),
                     read_geojson, (GDestroyNotify) linli_geojson_file_free,
                     import_read_cb, data, choose_data_free);
}

static void
import_chosen_cb (GFile    *file,
                  gpointer  user_data)
{
  ChooseData *data = user_data;

  if (file != NULL && data->parent != NULL)
    linli_geojson_import_open (data->parent, data->store, file);
  choose_data_free (data);
}

static void
add_filters (LinliFilePick *pick)
{
  g_autoptr(GtkFileFilter) geojson = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (geojson, _("GeoJSON files"));
  gtk_file_filter_add_pattern (geojson, "*.geojson");
  gtk_file_filter_add_pattern (geojson, "*.json");
  gtk_file_filter_add_pattern (geojson, "*.GEOJSON");
  gtk_file_filter_add_pattern (geojson, "*.JSON");
  linli_file_pick_add_filter (pick, geojson);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  linli_file_pick_add_filter (pick, all);
}

void
linli_geojson_import_choose (GtkWindow  *parent,
                             LinliStore *store)
{
  g_autoptr(LinliFilePick) pick = NULL;
  ChooseData *data;

  g_return_if_fail (LINLI_IS_STORE (store));

  pick = linli_file_pick_new (_("Import GeoJSON"));
  linli_file_pick_set_accept_label (pick, _("_Open"));
  add_filters (pick);
  data = g_new0 (ChooseData, 1);
  data->parent = parent ? g_object_ref (parent) : NULL;
  data->store = g_object_ref (store);
  linli_file_pick_open (pick, parent, NULL, import_chosen_cb, data, NULL);
}

static gboolean
write_geojson_cb (LinliStore     *store,
                  gpointer        data,
                  GOutputStream  *out,
                  LinliJob       *job,
                  GCancellable   *cancellable,
                  GError        **error)
{
  return linli_geojson_export (store, out, cancellable, error);
}

static void
export_chosen_cb (GFile    *file,
                  gpointer  user_data)
{
  ChooseData *data = user_data;
  g_autoptr(LinliJob) job = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (file == NULL || data->parent == NULL)
    return;
  name = g_file_get_basename (file);
  message = g_strdup_printf (_("Grids and buildings exported to %s"), name);
  job = linli_export_run (GTK_WIDGET (data->parent), data->store, file, LINLI_SAFE_FILE_NONE,
                          _("Exporting grids and buildings…"), message, _("Cannot Export the Grids"),
                          write_geojson_cb, NULL, NULL);
}

void
linli_geojson_export_choose (GtkWindow  *parent,
                             LinliStore *store)
{
  g_autoptr(LinliFilePick) pick = NULL;
  ChooseData *data;

  g_return_if_fail (LINLI_IS_STORE (store));

  pick = linli_file_pick_new (_("Export GeoJSON"));
  linli_file_pick_set_accept_label (pick, _("_Export"));
  linli_file_pick_set_initial_name (pick, _("grids.geojson"));
  data = g_new0 (ChooseData, 1);
  data->parent = parent ? g_object_ref (parent) : NULL;
  data->store = g_object_ref (store);
  linli_file_pick_save (pick, parent, NULL, export_chosen_cb, data, choose_data_free);
}
