/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-case-section-where"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "linli-case-section-where.h"
#include "linli-text.h"
#include "linli-geometry.h"
#include "linli-grid-index.h"

/* Where the case is: the building, the unit, floor and room as the
 * resident says them, the point on the map, and the grid. The grid follows
 * the location (the building's grid, or the management grid around the
 * point) until the user chooses another, which sets grid_overridden. */

struct _LinliCaseSectionWhere
{
  AdwPreferencesGroup  parent_instance;

  AdwComboRow         *building_row;
  AdwActionRow        *address_row;
  GtkEntry            *address_entry;
  AdwActionRow        *location_row;
  GtkLabel            *location_label;
  AdwComboRow         *grid_row;

  LinliRecord         *copy;
  LinliStore          *store;
  GHashTable          *buildings;   /* id → LinliBuilding */
  GHashTable          *grids;       /* id → LinliGrid */
  LinliGridIndex      *index;       /* the management grids' outlines */
  gboolean             loading;
};

static void linli_case_section_where_section_init (LinliRecordSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LinliCaseSectionWhere, linli_case_section_where, ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (LINLI_TYPE_RECORD_SECTION, linli_case_section_where_section_init))

static LinliRecord *
building_of (LinliCaseSectionWhere *self,
             gint64                 id)
{
  return id != 0 ? g_hash_table_lookup (self->buildings, &id) : NULL;
}

static gboolean
has_point (LinliRecord *record)
{
  return record != NULL &&
         !isnan (linli_record_get_double (record, "lat")) &&
         !isnan (linli_record_get_double (record, "lon"));
}

static gboolean
same_point (LinliRecord *a,
            LinliRecord *b)
{
  return has_point (a) && has_point (b) &&
         linli_record_get_double (a, "lat") == linli_record_get_double (b, "lat") &&
         linli_record_get_double (a, "lon") == linli_record_get_double (b, "lon");
}

/* The grid the location says: the building's, or else the management grid
 * around the case's point; 0 when neither says one. */
static gint64
derived_grid (LinliCaseSectionWhere *self)
{
  LinliRecord *building = building_of (self, linli_record_get_int (self->copy, "building_id"));
  double lat, lon;

  if (building != NULL && linli_record_get_int (building, "grid_id") != 0)
    return linli_record_get_int (building, "grid_id");

  if (!has_point (self->copy))
    return 0;
  lat = linli_record_get_double (self->copy, "lat");
  lon = linli_record_get_double (self->copy, "lon");
  return linli_grid_index_lookup (self->index, LINLI_GRID_KIND_MANAGEMENT, lon, lat);
}

static void
show_location (LinliCaseSectionWhere *self)
{
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
}

static void
show_grid_hint (LinliCaseSectionWhere *self)
{
  gint64 derived = derived_grid (self);
  gint64 grid = linli_record_get_int (self->copy, "grid_id");
  g_autofree char *hint = NULL;

  if (derived != 0 && grid == derived)
    hint = g_strdup (_("Follows the location"));
  else if (derived != 0)
    {
      LinliRecord *derived_record = g_hash_table_lookup (self->grids, &derived);
      /* TRANSLATORS: %s is the grid the location is in, such as 第一网格 */
      hint = g_strdup_printf (_("Chosen instead of %s, where the location is"),
                              derived_record ? linli_record_get_text (derived_record, "name") : "");
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->grid_row), hint);
}

static void
building_changed_cb (LinliCaseSectionWhere *self)
{
  LinliRecord *before, *after;
  gint64 id = 0, derived;

  if (self->loading)
    return;

  linli_form_choice_get_key (self->building_row, &id);
  before = building_of (self, linli_record_get_int (self->copy, "building_id"));
  after = building_of (self, id);
  linli_record_set_int (self->copy, "building_id", id);

  /* The point follows the building unless it was put elsewhere. */
  if (!has_point (self->copy) || same_point (self->copy, before))
    {
      linli_record_set_double (self->copy, "lat", has_point (after) ? linli_record_get_double (after, "lat") : NAN);
      linli_record_set_double (self->copy, "lon", has_point (after) ? linli_record_get_double (after, "lon") : NAN);
    }

  derived = derived_grid (self);
  if (!linli_record_get_bool (self->copy, "grid_overridden") && derived != 0)
    {
      linli_record_set_int (self->copy, "grid_id", derived);
      self->loading = TRUE;
      linli_form_choice_set_key (self->grid_row, derived);
      self->loading = FALSE;
    }

  show_location (self);
  show_grid_hint (self);
  linli_form_field_touch (GTK_WIDGET (self->building_row));
  linli_record_section_changed (LINLI_RECORD_SECTION (self));
}

/* The grid follows a new location, unless the user chose it. */
static void
location_changed (LinliCaseSectionWhere *self)
{
  gint64 derived = derived_grid (self);

  if (!linli_record_get_bool (self->copy, "grid_overridden") && derived != 0)
    {
      linli_record_set_int (self->copy, "grid_id", derived);
      self->loading = TRUE;
      linli_form_choice_set_key (self->grid_row, derived);
      self->loading = FALSE;
    }
  show_location (self);
  show_grid_hint (self);
  linli_record_section_changed (LINLI_RECORD_SECTION (self));
}

static void
location_chosen_cb (LinliCaseSectionWhere *self,
                    double                 latitude,
                    double                 longitude)
{
  linli_record_set_double (self->copy, "lat", latitude);
  linli_record_set_double (self->copy, "lon", longitude);
  location_changed (self);
}

static void
pick_location_cb (LinliCaseSectionWhere *self)
{
  linli_record_section_pick_location (LINLI_RECORD_SECTION (self), self->store, self->copy,
                                      G_CALLBACK (location_chosen_cb));
}

static void
grid_changed_cb (LinliCaseSectionWhere *self)
{
  gint64 grid = 0, derived;

  if (self->loading)
    return;

  linli_form_choice_get_key (self->grid_row, &grid);
  derived = derived_grid (self);
  linli_record_set_int (self->copy, "grid_id", grid);
  linli_record_set_bool (self->copy, "grid_overridden", derived != 0 && grid != derived);

  show_grid_hint (self);
  linli_form_field_touch (GTK_WIDGET (self->grid_row));
  linli_record_section_changed (LINLI_RECORD_SECTION (self));
}

static void
address_changed_cb (LinliCaseSectionWhere *self)
{
  g_autofree char *text = NULL;

  if (self->loading)
    return;
  text = linli_form_field_dup_text (GTK_EDITABLE (self->address_entry));
  {
    /* ２６号楼 is kept as 26号楼, beside the 26号楼 typed elsewhere. */
    g_autofree char *folded = linli_text_fold_width (text, LINLI_WIDTH_TEXT);
    linli_record_set_text (self->copy, "address", folded);
  }
  linli_form_field_touch (GTK_WIDGET (self->address_entry));
  linli_record_section_changed (LINLI_RECORD_SECTION (self));
}

static GHashTable *
index_records (GListModel *records)
{
  GHashTable *index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      LinliRecord *record = g_list_model_get_item (records, i);
      gint64 *id = g_new (gint64, 1);

      *id = linli_record_get_id (record);
      g_hash_table_insert (index, id, record);
    }
  return index;
}

static void
where_load (LinliRecordSection *section,
            LinliStore       *store,
            LinliRecord      *copy,
            LinliRecord      *original)
{
  LinliCaseSectionWhere *self = LINLI_CASE_SECTION_WHERE (section);
  g_autoptr(GListModel) buildings = linli_store_list (store, LINLI_TYPE_BUILDING);
  g_autoptr(GListModel) grids = linli_store_list (store, LINLI_TYPE_GRID);

  self->loading = TRUE;
  g_set_object (&self->copy, copy);
  g_set_object (&self->store, store);

  g_clear_pointer (&self->buildings, g_hash_table_unref);
  g_clear_pointer (&self->grids, g_hash_table_unref);
  self->buildings = index_records (buildings);
  self->grids = index_records (grids);
  g_clear_pointer (&self->index, linli_grid_index_free);
  self->index = linli_grid_index_new ();
  for (guint i = 0; i < g_list_model_get_n_items (grids); i++)
    {
      g_autoptr(LinliRecord) grid = g_list_model_get_item (grids, i);
      const char *geojson = linli_record_get_text (grid, "boundary");
      LinliGeometry *geometry;

      if (linli_record_get_enum (grid, "kind") != LINLI_GRID_KIND_MANAGEMENT || geojson == NULL)
        continue;
      geometry = linli_geometry_parse (geojson, NULL);
      if (geometry != NULL)
        {
          linli_grid_index_add (self->index, linli_record_get_id (grid), LINLI_GRID_KIND_MANAGEMENT, geometry);
          linli_geometry_free (geometry);
        }
    }

  linli_form_choice_set_records (self->building_row, buildings, "name", C_("building", "None"), TRUE);
  linli_form_choice_set_key (self->building_row, linli_record_get_int (copy, "building_id"));
  linli_form_field_set_text (GTK_EDITABLE (self->address_entry), linli_record_get_text (copy, "address"));
  linli_form_choice_set_records (self->grid_row, grids, "name", C_("grid", "None"), FALSE);
  linli_form_choice_set_key (self->grid_row, linli_record_get_int (copy, "grid_id"));
  show_location (self);
  show_grid_hint (self);

  self->loading = FALSE;
}

static void
linli_case_section_where_section_init (LinliRecordSectionInterface *iface)
{
  /* Nothing here is required, and nothing can be wrong: no messages. */
  iface->load = where_load;
}

static void
linli_case_section_where_dispose (GObject *object)
{
  LinliCaseSectionWhere *self = LINLI_CASE_SECTION_WHERE (object);

  g_clear_object (&self->copy);
  g_clear_object (&self->store);
  g_clear_pointer (&self->buildings, g_hash_table_unref);
  g_clear_pointer (&self->grids, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_CASE_SECTION_WHERE);

  G_OBJECT_CLASS (linli_case_section_where_parent_class)->dispose (object);
}

static void
linli_case_section_where_finalize (GObject *object)
{
  LinliCaseSectionWhere *self = LINLI_CASE_SECTION_WHERE (object);

  g_clear_pointer (&self->index, linli_grid_index_free);

  G_OBJECT_CLASS (linli_case_section_where_parent_class)->finalize (object);
}

static void
linli_case_section_where_class_init (LinliCaseSectionWhereClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_case_section_where_dispose;
  object_class->finalize = linli_case_section_where_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-case-section-where.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionWhere, building_row);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionWhere, address_row);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionWhere, address_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionWhere, location_row);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionWhere, location_label);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionWhere, grid_row);
  gtk_widget_class_bind_template_callback (widget_class, building_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, grid_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, address_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, pick_location_cb);
}

static void
linli_case_section_where_init (LinliCaseSectionWhere *self)
{
  self->index = linli_grid_index_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
