/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-grid-properties-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "linli-case-section.h"
#include "linli-geometry.h"
#include "linli-grid-properties-dialog.h"
#include "linli-grid-store.h"
#include "linli-staff.h"

/* The properties of a grid: its code, name, kind, colour, workers, counts
 * and notes, with what is wrong shown under each field. Save writes the
 * grid, with the outline drawn on the map, and emits ::saved; nothing is
 * written while a field is wrong. */

struct _LinliGridPropertiesDialog
{
  AdwWindow        parent_instance;

  AdwPreferencesGroup *outline_group;
  AdwPreferencesGroup *manage_group;
  AdwActionRow    *code_row;
  GtkEntry        *code_entry;
  AdwActionRow    *name_row;
  GtkEntry        *name_entry;
  AdwComboRow     *kind_row;
  GtkColorButton  *color_button;
  AdwExpanderRow  *workers_row;
  AdwActionRow    *households_row;
  GtkEntry        *households_entry;
  AdwActionRow    *population_row;
  GtkEntry        *population_entry;
  GtkTextView     *notes_view;
  GtkLabel        *error_label;

  LinliStore      *store;
  LinliGrid       *grid;        /* a copy of the grid edited, or a new one */
  gboolean         is_new;
  gboolean         code_suggested; /* the code is ours until the user types */
  gboolean         filling;        /* a change made here, not by the user */
  GPtrArray       *worker_checks; /* GtkCheckButton, with "worker-id" data */
  guint            n_moved;        /* records the last save moved to another grid */
};

G_DEFINE_FINAL_TYPE (LinliGridPropertiesDialog, linli_grid_properties_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char *code;
  char *name;
  char *households;
  char *population;
} Errors;

static void
errors_clear (Errors *errors)
{
  g_clear_pointer (&errors->code, g_free);
  g_clear_pointer (&errors->name, g_free);
  g_clear_pointer (&errors->households, g_free);
  g_clear_pointer (&errors->population, g_free);
}

/* A count of people or homes: empty is 0. */
static gboolean
parse_count (GtkEntry *entry,
             gint64   *out,
             char    **error)
{
  g_autofree char *text = linli_form_field_dup_text (GTK_EDITABLE (entry));
  guint64 value;

  if (text == NULL)
    {
      *out = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT32, &value, NULL))
    {
      *error = g_strdup (_("Enter a whole number, 0 or more"));
      return FALSE;
    }
  *out = (gint64) value;
  return TRUE;
}

static gboolean
code_is_taken (LinliGridPropertiesDialog *self,
               const char                *code)
{
  g_autoptr(GListModel) grids = linli_store_list (self->store, LINLI_TYPE_GRID);
  g_autofree char *folded = g_utf8_casefold (code, -1);

  for (guint i = 0; i < g_list_model_get_n_items (grids); i++)
    {
      g_autoptr(LinliRecord) other = g_list_model_get_item (grids, i);
      const char *other_code = linli_record_get_text (other, "code");
      g_autofree char *other_folded = NULL;

      if (other_code == NULL || linli_record_get_id (other) == linli_record_get_id (LINLI_RECORD (self->grid)))
        continue;
      other_folded = g_utf8_casefold (other_code, -1);
      if (g_str_equal (folded, other_folded))
        return TRUE;
    }
  return FALSE;
}

static gboolean
check (LinliGridPropertiesDialog *self,
       Errors                    *errors,
       gint64                    *households,
       gint64                    *population)
{
  g_autofree char *code = linli_form_field_dup_text (GTK_EDITABLE (self->code_entry));
  g_autofree char *name = linli_form_field_dup_text (GTK_EDITABLE (self->name_entry));

  if (code == NULL)
    errors->code = g_strdup (_("Enter the grid’s code, such as WG-01"));
  else if (code_is_taken (self, code))
    errors->code = g_strdup_printf (_("Another grid has the code “%s”"), code);
  if (name == NULL)
    errors->name = g_strdup (_("Enter the grid’s name"));
  parse_count (self->households_entry, households, &errors->households);
  parse_count (self->population_entry, population, &errors->population);

  return errors->code == NULL && errors->name == NULL &&
         errors->households == NULL && errors->population == NULL;
}

static gboolean
validate (LinliGridPropertiesDialog *self,
          gboolean                   show_all)
{
  Errors errors = { 0 };
  gint64 households, population;
  gboolean valid = check (self, &errors, &households, &population);

  linli_form_field_show (GTK_WIDGET (self->code_row), GTK_WIDGET (self->code_entry),
                         errors.code, NULL, show_all);
  linli_form_field_show (GTK_WIDGET (self->name_row), GTK_WIDGET (self->name_entry),
                         errors.name, NULL, show_all);
  linli_form_field_show (GTK_WIDGET (self->households_row), GTK_WIDGET (self->households_entry),
                         errors.households, NULL, show_all);
  linli_form_field_show (GTK_WIDGET (self->population_row), GTK_WIDGET (self->population_entry),
                         errors.population, NULL, show_all);
  errors_clear (&errors);
  return valid;
}

static void
field_changed_cb (LinliGridPropertiesDialog *self,
                  GtkEditable               *editable)
{
  if (self->filling)
    return;
  if (editable == GTK_EDITABLE (self->code_entry))
    self->code_suggested = FALSE;
  linli_form_field_touch (GTK_WIDGET (editable));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  validate (self, FALSE);
}

/* A run of codes with one prefix: DF-01 … DF-07. */
typedef struct
{
  guint count;
  guint top;
  guint width;
} Series;

/* Returns: (transfer full) (nullable): the next code in the most used
 * series of the grids of @kind, such as DF-08 after DF-01 … DF-07 */
static char *
suggest_code (LinliStore    *store,
              LinliGridKind  kind)
{
  g_autoptr(GListModel) grids = linli_store_list (store, LINLI_TYPE_GRID);
  g_autoptr(GHashTable) series = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *best = NULL;
  const Series *best_series = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (grids); i++)
    {
      g_autoptr(LinliRecord) grid = g_list_model_get_item (grids, i);
      const char *code = linli_record_get_text (grid, "code");
      g_autofree char *prefix = NULL;
      const char *digits;
      Series *run;

      if (code == NULL || linli_record_get_enum (grid, "kind") != (int) kind)
        continue;
      digits = code + strlen (code);
      while (digits > code && g_ascii_isdigit (digits[-1]))
        digits--;
      if (*digits == '\0' || strlen (digits) > 6)
        continue;
      prefix = g_strndup (code, digits - code);
      run = g_hash_table_lookup (series, prefix);
      if (run == NULL)
        {
          run = g_new0 (Series, 1);
          g_hash_table_insert (series, g_strdup (prefix), run);
        }
      run->count++;
      run->top = MAX (run->top, (guint) g_ascii_strtoull (digits, NULL, 10));
      run->width = MAX (run->width, (guint) strlen (digits));
    }

  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, series);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        const Series *run = value;
        if (best_series == NULL || run->count > best_series->count ||
            (run->count == best_series->count && strcmp (key, best) < 0))
          {
            best = key;
            best_series = run;
          }
      }
  }
  if (best == NULL)
    return NULL;
  return g_strdup_printf ("%s%0*u", best, (int) best_series->width, best_series->top + 1);
}

/* A new grid gets the next code of its kind, until the user types one. */
static void
kind_changed_cb (LinliGridPropertiesDialog *self)
{
  g_autofree char *code = NULL;

  if (!self->is_new || !self->code_suggested)
    return;
  code = suggest_code (self->store, adw_combo_row_get_selected (self->kind_row) == 1 ?
                                    LINLI_GRID_KIND_SENTIMENT : LINLI_GRID_KIND_MANAGEMENT);
  self->filling = TRUE;
  linli_form_field_set_text (GTK_EDITABLE (self->code_entry), code);
  self->filling = FALSE;
  validate (self, FALSE);
}

static void
update_workers_subtitle (LinliGridPropertiesDialog *self)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < self->worker_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->worker_checks, i);

      if (!gtk_check_button_get_active (check))
        continue;
      if (names->len > 0)
        /* TRANSLATORS: between the names of a grid's workers */
        g_string_append (names, _(", "));
      g_string_append (names, g_object_get_data (G_OBJECT (check), "worker-name"));
    }
  adw_expander_row_set_subtitle (self->workers_row, names->len > 0 ? names->str : _("None"));
}

static void
add_workers (LinliGridPropertiesDialog *self)
{
  g_autoptr(GListModel) workers = linli_store_list (self->store, LINLI_TYPE_WORKER);
  GArray *chosen = linli_record_get_refs (LINLI_RECORD (self->grid), "workers");

  for (guint i = 0; i < g_list_model_get_n_items (workers); i++)
    {
      g_autoptr(LinliRecord) worker = g_list_model_get_item (workers, i);
      gint64 id = linli_record_get_id (worker);
      GtkWidget *row, *check;
      gboolean active = FALSE;

      for (guint j = 0; chosen != NULL && j < chosen->len; j++)
        active |= g_array_index (chosen, gint64, j) == id;
      /* Who left the office is no longer offered for a grid. */
      if (!active && !linli_worker_is_active (worker))
        continue;
      row = adw_action_row_new ();
      check = gtk_check_button_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), linli_record_get_text (worker, "name"));
      if (linli_record_get_text (worker, "phone") != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), linli_record_get_text (worker, "phone"));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
      g_object_set_data_full (G_OBJECT (check), "worker-id-64", g_memdup2 (&id, sizeof id), g_free);
      g_object_set_data_full (G_OBJECT (check), "worker-name",
                              g_strdup (linli_record_get_text (worker, "name")), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (update_workers_subtitle), self, G_CONNECT_SWAPPED);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (self->workers_row, row);
      g_ptr_array_add (self->worker_checks, check);
    }
  if (self->worker_checks->len == 0)
    gtk_widget_set_sensitive (GTK_WIDGET (self->workers_row), FALSE);
  update_workers_subtitle (self);
}

static void
load (LinliGridPropertiesDialog *self)
{
  LinliRecord *grid = LINLI_RECORD (self->grid);
  GdkRGBA color;
  g_autofree char *households = NULL, *population = NULL;

  linli_form_field_set_text (GTK_EDITABLE (self->code_entry), linli_record_get_text (grid, "code"));
  linli_form_field_set_text (GTK_EDITABLE (self->name_entry), linli_record_get_text (grid, "name"));
  adw_combo_row_set_selected (self->kind_row, linli_record_get_enum (grid, "kind"));
  if (!gdk_rgba_parse (&color, linli_record_get_text (grid, "color")))
    gdk_rgba_parse (&color, "#3584e4");
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &color);
  if (!self->is_new)
    {
      households = g_strdup_printf ("%" G_GINT64_FORMAT, linli_record_get_int (grid, "households"));
      population = g_strdup_printf ("%" G_GINT64_FORMAT, linli_record_get_int (grid, "population"));
    }
  linli_form_field_set_text (GTK_EDITABLE (self->households_entry), households);
  linli_form_field_set_text (GTK_EDITABLE (self->population_entry), population);
  linli_form_text_view_set_text (self->notes_view, linli_record_get_text (grid, "notes"));
}

static void
describe_outline (LinliGridPropertiesDialog *self)
{
  const char *boundary = linli_record_get_text (LINLI_RECORD (self->grid), "boundary");
  g_autoptr(LinliGeometry) outline = boundary ? linli_geometry_parse (boundary, NULL) : NULL;
  g_autofree char *text = NULL;
  guint n_points = 0;
  double area;

  if (outline == NULL)
    {
      adw_preferences_group_set_description (self->outline_group, NULL);
      return;
    }
  for (guint r = 0; r < linli_geometry_get_n_rings (outline); r++)
    {
      guint n;
      linli_geometry_get_ring (outline, r, &n, NULL);
      n_points += n > 0 ? n - 1 : 0;   /* the closing point repeats the first */
    }
  area = linli_geometry_area_m2 (outline);
  if (area >= 10000)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Outline of %u point, %.2f hectares",
                                         "Outline of %u points, %.2f hectares", n_points),
                            n_points, area / 10000);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Outline of %u point, %.0f m²",
                                         "Outline of %u points, %.0f m²", n_points),
                            n_points, area);
  adw_preferences_group_set_description (self->outline_group, text);
}

/**
 * linli_grid_properties_dialog_save:
 *
 * Writes the grid if every field is right; otherwise shows what is wrong
 * under the fields and writes nothing.
 *
 * Returns: whether the grid was written
 */
gboolean
linli_grid_properties_dialog_save (LinliGridPropertiesDialog  *self,
                                   GError                    **error)
{
  LinliRecord *grid;
  Errors errors = { 0 };
  gint64 households, population;
  g_autofree char *code = NULL, *name = NULL, *notes = NULL, *color = NULL;
  g_autoptr(GArray) workers = g_array_new (FALSE, FALSE, sizeof (gint64));
  GdkRGBA rgba;
  gboolean valid;

  g_return_val_if_fail (LINLI_IS_GRID_PROPERTIES_DIALOG (self), FALSE);

  valid = check (self, &errors, &households, &population);
  errors_clear (&errors);
  if (!valid)
    {
      validate (self, TRUE);
      g_set_error_literal (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_CONSTRAINT,
                           _("Some fields need attention."));
      return FALSE;
    }

  grid = LINLI_RECORD (self->grid);
  code = linli_form_field_dup_text (GTK_EDITABLE (self->code_entry));
  name = linli_form_field_dup_text (GTK_EDITABLE (self->name_entry));
  notes = linli_form_text_view_dup_text (self->notes_view);
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  color = g_strdup_printf ("#%02x%02x%02x", (int) lround (rgba.red * 255),
                           (int) lround (rgba.green * 255), (int) lround (rgba.blue * 255));
  for (guint i = 0; i < self->worker_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->worker_checks, i);
      if (gtk_check_button_get_active (check))
        g_array_append_val (workers, *(gint64 *) g_object_get_data (G_OBJECT (check), "worker-id-64"));
    }

  linli_record_set_text (grid, "code", code);
  linli_record_set_text (grid, "name", name);
  linli_record_set_enum (grid, "kind", adw_combo_row_get_selected (self->kind_row) == 1 ?
                                       LINLI_GRID_KIND_SENTIMENT : LINLI_GRID_KIND_MANAGEMENT);
  linli_record_set_text (grid, "color", color);
  linli_record_set_int (grid, "households", households);
  linli_record_set_int (grid, "population", population);
  linli_record_set_text (grid, "notes", notes);
  linli_record_set_refs (grid, "workers", (const gint64 *) (gpointer) workers->data, workers->len);

  if (!linli_grid_save (self->store, grid, &self->n_moved, error))
    return FALSE;
  self->is_new = FALSE;
  g_signal_emit (self, signals[SAVED], 0, self->grid);
  return TRUE;
}

static void
save_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  LinliGridPropertiesDialog *self = LINLI_GRID_PROPERTIES_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  /* What is wrong with a field is shown under it. */
  if (!validate (self, TRUE))
    return;
  if (linli_grid_properties_dialog_save (self, &error))
    gtk_window_destroy (GTK_WINDOW (self));
  else
    {
      g_autofree char *message = g_strdup_printf (_("The grid could not be saved: %s"), error->message);
      gtk_label_set_text (self->error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

/* Edit Outline and Delete Grid are the window's: this dialog closes, the
 * map shows the outline to edit, or the window asks about the deletion. */
static void
pass_to_window (LinliGridPropertiesDialog *self,
                const char                *action)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gint64 id = linli_record_get_id (LINLI_RECORD (self->grid));

  if (parent == NULL || id == 0)
    return;
  g_object_ref (parent);
  gtk_window_destroy (GTK_WINDOW (self));
  gtk_widget_activate_action (GTK_WIDGET (parent), action, "x", id);
  g_object_unref (parent);
}

static void
edit_outline_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  pass_to_window (LINLI_GRID_PROPERTIES_DIALOG (widget), "window.edit-outline");
}

static void
delete_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  pass_to_window (LINLI_GRID_PROPERTIES_DIALOG (widget), "window.delete-grid");
}

static void
linli_grid_properties_dialog_dispose (GObject *object)
{
  LinliGridPropertiesDialog *self = LINLI_GRID_PROPERTIES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_GRID_PROPERTIES_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->grid);
  g_clear_pointer (&self->worker_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (linli_grid_properties_dialog_parent_class)->dispose (object);
}

static void
linli_grid_properties_dialog_class_init (LinliGridPropertiesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_grid_properties_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/linli-grid-properties-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliGridPropertiesDialog, outline_group);
  gtk_widget_class_bind_template_child (widget_class, LinliGridPropertiesDialog, manage_group);
  gtk_widget_class_install_action (widget_class, "grid.edit-outline", NULL, edit_outline_cb);
  gtk_widget_class_install_action (widget_class, "grid.delete", NULL, delete_cb);
  gtk_widget_class_bind_template_child (widget_class, LinliGridPropertiesDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, LinliGridPropertiesDialog, code_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliGridPropertiesDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, LinliGridPropertiesDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliGridPropertiesDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LinliGridPropertiesDialog, color_button);
  gtk_widget_class_bind_template_child (widget_class, LinliGridPropertiesDialog, workers_row);
  gtk_widget_class_bind_template_child (widget_class, LinliGridPropertiesDialog, households_row);
  gtk_widget_class_bind_template_child (widget_class, LinliGridPropertiesDialog, households_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliGridPropertiesDialog, population_row);
  gtk_widget_class_bind_template_child (widget_class, LinliGridPropertiesDialog, population_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliGridPropertiesDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, LinliGridPropertiesDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "grid.save", NULL, save_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "grid.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  /**
   * LinliGridPropertiesDialog::saved:
   * @grid: the grid as written
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, LINLI_TYPE_GRID);
}

static void
linli_grid_properties_dialog_init (LinliGridPropertiesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->worker_checks = g_ptr_array_new ();
}

/**
 * linli_grid_properties_dialog_new:
 * @grid: (nullable): the grid to edit, or %NULL for a new one
 * @boundary: (nullable): the outline drawn, as GeoJSON; %NULL keeps the
 *   grid's
 */
LinliGridPropertiesDialog *
linli_grid_properties_dialog_new (LinliStore *store,
                                  LinliGrid  *grid,
                                  const char *boundary)
{
  LinliGridPropertiesDialog *self;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);
  g_return_val_if_fail (grid == NULL || LINLI_IS_GRID (grid), NULL);

  self = g_object_new (LINLI_TYPE_GRID_PROPERTIES_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->is_new = grid == NULL;
  self->grid = grid != NULL ? LINLI_GRID (linli_record_copy (LINLI_RECORD (grid)))
                            : LINLI_GRID (linli_record_new (LINLI_TYPE_GRID));
  if (boundary != NULL)
    linli_record_set_text (LINLI_RECORD (self->grid), "boundary", boundary);
  gtk_window_set_title (GTK_WINDOW (self), self->is_new ? _("New Grid") : _("Grid Properties"));
  /* While its outline is being drawn or edited, the grid is edited from the map. */
  gtk_widget_set_visible (GTK_WIDGET (self->manage_group), !self->is_new && boundary == NULL);

  self->filling = TRUE;
  load (self);
  self->filling = FALSE;
  self->code_suggested = self->is_new;
  kind_changed_cb (self);
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (kind_changed_cb), self, G_CONNECT_SWAPPED);
  add_workers (self);
  describe_outline (self);
  validate (self, FALSE);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->code_entry));
  return self;
}

/**
 * linli_grid_properties_dialog_get_n_moved:
 *
 * Returns: how many cases, activities and outreach events the last save
 *   gave another grid, as the grid's outline changed
 */
guint
linli_grid_properties_dialog_get_n_moved (LinliGridPropertiesDialog *self)
{
  g_return_val_if_fail (LINLI_IS_GRID_PROPERTIES_DIALOG (self), 0);
  return self->n_moved;
}
