/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-event-place"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "linli-case-section.h"
#include "linli-event-place.h"
#include "linli-geometry.h"

struct _LinliEventPlace
{
  AdwPreferencesGroup  parent_instance;

  GtkEntry            *venue_entry;
  GtkLabel            *location_label;
  AdwComboRow         *grid_row;

  LinliStore          *store;
  LinliRecord         *copy;
  GHashTable          *grid_names;  /* id → name */
  GPtrArray           *boundaries;  /* Boundary of the management grids */
  gboolean             loading;
};

typedef struct
{
  gint64         grid_id;
  LinliGeometry *geometry;
} Boundary;

static void linli_event_place_section_init (LinliRecordSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LinliEventPlace, linli_event_place, ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (LINLI_TYPE_RECORD_SECTION, linli_event_place_section_init))

static void
boundary_free (gpointer data)
{
  Boundary *boundary = data;

  linli_geometry_free (boundary->geometry);
  g_free (boundary);
}

static gboolean
has_point (LinliRecord *record)
{
  return !isnan (linli_record_get_double (record, "lat")) &&
         !isnan (linli_record_get_double (record, "lon"));
}

/* The management grid around a point; 0 outside every grid. */
gint64
linli_event_place_grid_at (LinliEventPlace *self,
                           double           latitude,
                           double           longitude)
{
  g_return_val_if_fail (LINLI_IS_EVENT_PLACE (self), 0);

  for (guint i = 0; i < self->boundaries->len; i++)
    {
      Boundary *boundary = g_ptr_array_index (self->boundaries, i);
      if (linli_geometry_contains (boundary->geometry, longitude, latitude))
        return boundary->grid_id;
    }
  return 0;
}

static gint64
derived_grid (LinliEventPlace *self)
{
  if (!has_point (self->copy))
    return 0;
  return linli_event_place_grid_at (self, linli_record_get_double (self->copy, "lat"),
                                    linli_record_get_double (self->copy, "lon"));
}

static void
show_location (LinliEventPlace *self)
{
  gint64 derived = derived_grid (self);
  gint64 grid = linli_record_get_int (self->copy, "grid_id");
  g_autofree char *hint = NULL;

  if (has_point (self->copy))
    {
      char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *text = NULL;

      g_ascii_formatd (lat, sizeof lat, "%.5f", linli_record_get_double (self->copy, "lat"));
      g_ascii_formatd (lon, sizeof lon, "%.5f", linli_record_get_double (self->copy, "lon"));
      text = g_strdup_printf ("%s, %s", lat, lon);
      gtk_label_set_text (self->location_label, text);
    }
  else
    gtk_label_set_text (self->location_label, _("Not on the map"));

  if (derived != 0 && grid == derived)
    hint = g_strdup (_("Follows the location"));
  else if (derived != 0)
    /* TRANSLATORS: %s is the grid the location is in, such as 第一网格 */
    hint = g_strdup_printf (_("Chosen instead of %s, where the location is"),
                            (const char *) g_hash_table_lookup (self->grid_names, &derived));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->grid_row), hint);
}

/* A new point takes the grid around it, unless the user chose another grid
 * than the old point's. */
void
linli_event_place_set_point (LinliEventPlace *self,
                             double           latitude,
                             double           longitude)
{
  gint64 before, after;

  g_return_if_fail (LINLI_IS_EVENT_PLACE (self));

  before = derived_grid (self);
  linli_record_set_double (self->copy, "lat", latitude);
  linli_record_set_double (self->copy, "lon", longitude);
  after = derived_grid (self);
  if (after != 0 && (linli_record_get_int (self->copy, "grid_id") == before ||
                     linli_record_get_int (self->copy, "grid_id") == 0))
    {
      linli_record_set_int (self->copy, "grid_id", after);
      self->loading = TRUE;
      linli_form_choice_set_key (self->grid_row, after);
      self->loading = FALSE;
    }
  show_location (self);
  linli_record_section_changed (LINLI_RECORD_SECTION (self));
}

static void
location_chosen_cb (LinliEventPlace *self,
                    double           latitude,
                    double           longitude)
{
  linli_event_place_set_point (self, latitude, longitude);
}

static void
pick_location_cb (LinliEventPlace *self)
{
  linli_record_section_pick_location (LINLI_RECORD_SECTION (self), self->store, self->copy,
                                      G_CALLBACK (location_chosen_cb));
}

static void
grid_changed_cb (LinliEventPlace *self)
{
  gint64 grid = 0;

  if (self->loading || self->copy == NULL)
    return;
  linli_form_choice_get_key (self->grid_row, &grid);
  linli_record_set_int (self->copy, "grid_id", grid);
  show_location (self);
  linli_record_section_changed (LINLI_RECORD_SECTION (self));
}

static void
venue_changed_cb (LinliEventPlace *self)
{
  g_autofree char *text = NULL;

  if (self->loading || self->copy == NULL)
    return;
  text = linli_form_field_dup_text (GTK_EDITABLE (self->venue_entry));
  linli_record_set_text (self->copy, "venue", text);
  linli_record_section_changed (LINLI_RECORD_SECTION (self));
}

void
linli_event_place_load (LinliEventPlace *self,
                        LinliStore      *store,
                        LinliRecord     *copy)
{
  g_autoptr(GListModel) grids = NULL;

  g_return_if_fail (LINLI_IS_EVENT_PLACE (self));
  g_return_if_fail (LINLI_IS_STORE (store));

  self->loading = TRUE;
  g_set_object (&self->store, store);
  g_set_object (&self->copy, copy);
  grids = linli_store_list (store, LINLI_TYPE_GRID);
  g_hash_table_remove_all (self->grid_names);
  g_ptr_array_set_size (self->boundaries, 0);
  for (guint i = 0; i < g_list_model_get_n_items (grids); i++)
    {
      g_autoptr(LinliRecord) grid = g_list_model_get_item (grids, i);
      const char *geojson = linli_record_get_text (grid, "boundary");
      gint64 id = linli_record_get_id (grid);
      LinliGeometry *geometry;

      g_hash_table_insert (self->grid_names, g_memdup2 (&id, sizeof id),
                           g_strdup (linli_record_get_text (grid, "name")));
      if (linli_record_get_enum (grid, "kind") != LINLI_GRID_KIND_MANAGEMENT || geojson == NULL)
        continue;
      geometry = linli_geometry_parse (geojson, NULL);
      if (geometry != NULL)
        {
          Boundary *boundary = g_new (Boundary, 1);
          boundary->grid_id = id;
          boundary->geometry = geometry;
          g_ptr_array_add (self->boundaries, boundary);
        }
    }
  linli_form_field_set_text (GTK_EDITABLE (self->venue_entry), linli_record_get_text (copy, "venue"));
  linli_form_choice_set_records (self->grid_row, grids, "name", C_("grid", "None"), FALSE);
  linli_form_choice_set_key (self->grid_row, linli_record_get_int (copy, "grid_id"));
  show_location (self);
  self->loading = FALSE;
}

static void
linli_event_place_dispose (GObject *object)
{
  LinliEventPlace *self = LINLI_EVENT_PLACE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->copy);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_EVENT_PLACE);

  G_OBJECT_CLASS (linli_event_place_parent_class)->dispose (object);
}

static void
linli_event_place_finalize (GObject *object)
{
  LinliEventPlace *self = LINLI_EVENT_PLACE (object);

  g_ptr_array_unref (self->boundaries);
  g_hash_table_unref (self->grid_names);

  G_OBJECT_CLASS (linli_event_place_parent_class)->finalize (object);
}

static void
place_load (LinliRecordSection *section,
            LinliStore         *store,
            LinliRecord        *copy,
            LinliRecord        *original)
{
  linli_event_place_load (LINLI_EVENT_PLACE (section), store, copy);
}

static void
linli_event_place_section_init (LinliRecordSectionInterface *iface)
{
  iface->load = place_load;
}

static void
linli_event_place_class_init (LinliEventPlaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_event_place_dispose;
  object_class->finalize = linli_event_place_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-event-place.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliEventPlace, venue_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliEventPlace, location_label);
  gtk_widget_class_bind_template_child (widget_class, LinliEventPlace, grid_row);
  gtk_widget_class_bind_template_callback (widget_class, venue_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, grid_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, pick_location_cb);
}

static void
linli_event_place_init (LinliEventPlace *self)
{
  self->boundaries = g_ptr_array_new_with_free_func (boundary_free);
  self->grid_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}
