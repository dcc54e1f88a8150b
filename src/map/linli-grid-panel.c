/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-grid-panel"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "linli-grid-panel.h"
#include "linli-grid-stats.h"

/* Beside the map: the grid last clicked, with its people and its cases,
 * and the way to edit it or to list its cases. */

struct _LinliGridPanel
{
  GtkWidget     parent_instance;

  GtkWidget    *scrolled_window;
  GtkLabel     *name_label;
  AdwActionRow *code_row;
  AdwActionRow *kind_row;
  AdwActionRow *workers_row;
  AdwActionRow *households_row;
  AdwActionRow *population_row;
  AdwActionRow *open_row;
  AdwActionRow *overdue_row;
  AdwActionRow *month_row;
  AdwActionRow *resolved_row;
  GtkButton    *edit_button;
  GtkButton    *cases_button;
  GtkButton    *delete_button;

  GHashTable   *values;   /* row name → GtkLabel */
  gint64        grid_id;
  int           sheet_width;  /* as a sheet, or -1 */
};

G_DEFINE_FINAL_TYPE (LinliGridPanel, linli_grid_panel, GTK_TYPE_WIDGET)

static void
set_value (LinliGridPanel *self,
           const char     *row,
           const char     *text)
{
  gtk_label_set_text (g_hash_table_lookup (self->values, row), text);
}

static void
set_count (LinliGridPanel *self,
           const char     *row,
           guint           n)
{
  g_autofree char *text = g_strdup_printf ("%u", n);
  set_value (self, row, text);
}

static void
add_value (LinliGridPanel *self,
           AdwActionRow   *row,
           const char     *name)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (row, label);
  g_hash_table_insert (self->values, (gpointer) name, label);
}

static void
close_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  /* The map view clears its selection, which hides the panel. */
  gtk_widget_activate_action (widget, "map.select-grid", "x", (gint64) 0);
}

/* As a sheet, the panel is as high as its rows at the sheet's width (up to
 * the scrolled window's max-content-height), whatever width it is asked
 * its height for. */
static void
linli_grid_panel_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  LinliGridPanel *self = LINLI_GRID_PANEL (widget);

  gboolean sheet = orientation == GTK_ORIENTATION_VERTICAL && self->sheet_width > 0;

  if (sheet && for_size < 0)
    for_size = self->sheet_width;
  gtk_widget_measure (self->scrolled_window, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
  /* A folded AdwFlap gives its flap the least it asks for. */
  if (sheet)
    *minimum = *natural;
}

static void
linli_grid_panel_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  LinliGridPanel *self = LINLI_GRID_PANEL (widget);

  gtk_widget_allocate (self->scrolled_window, width, height, baseline, NULL);
}

static void
linli_grid_panel_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LINLI_TYPE_GRID_PANEL);

  G_OBJECT_CLASS (linli_grid_panel_parent_class)->dispose (object);
}

static void
linli_grid_panel_finalize (GObject *object)
{
  LinliGridPanel *self = LINLI_GRID_PANEL (object);

  g_hash_table_unref (self->values);

  G_OBJECT_CLASS (linli_grid_panel_parent_class)->finalize (object);
}

static void
linli_grid_panel_class_init (LinliGridPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_grid_panel_dispose;
  object_class->finalize = linli_grid_panel_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-grid-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliGridPanel, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, LinliGridPanel, name_label);
  gtk_widget_class_bind_template_child (widget_class, LinliGridPanel, code_row);
  gtk_widget_class_bind_template_child (widget_class, LinliGridPanel, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LinliGridPanel, workers_row);
  gtk_widget_class_bind_template_child (widget_class, LinliGridPanel, households_row);
  gtk_widget_class_bind_template_child (widget_class, LinliGridPanel, population_row);
  gtk_widget_class_bind_template_child (widget_class, LinliGridPanel, open_row);
  gtk_widget_class_bind_template_child (widget_class, LinliGridPanel, overdue_row);
  gtk_widget_class_bind_template_child (widget_class, LinliGridPanel, month_row);
  gtk_widget_class_bind_template_child (widget_class, LinliGridPanel, resolved_row);
  gtk_widget_class_bind_template_child (widget_class, LinliGridPanel, edit_button);
  gtk_widget_class_bind_template_child (widget_class, LinliGridPanel, cases_button);
  gtk_widget_class_bind_template_child (widget_class, LinliGridPanel, delete_button);

  gtk_widget_class_install_action (widget_class, "grid-panel.close", NULL, close_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "grid-panel.close", NULL);

  widget_class->measure = linli_grid_panel_measure;
  widget_class->size_allocate = linli_grid_panel_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "linli-grid-panel");
}

static void
linli_grid_panel_init (LinliGridPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->sheet_width = -1;

  self->values = g_hash_table_new (g_str_hash, g_str_equal);
  add_value (self, self->code_row, "code");
  add_value (self, self->kind_row, "kind");
  add_value (self, self->workers_row, "workers");
  {
    /* The row's value like the others, wrapping when the names are many. */
    GtkLabel *workers = g_hash_table_lookup (self->values, "workers");

    gtk_label_set_wrap (workers, TRUE);
    gtk_label_set_wrap_mode (workers, PANGO_WRAP_WORD_CHAR);
    gtk_label_set_justify (workers, GTK_JUSTIFY_RIGHT);
    gtk_label_set_max_width_chars (workers, 16);
    /* A wrapping label asks for little; the row has room for the names. */
    gtk_widget_set_hexpand (GTK_WIDGET (workers), TRUE);
    gtk_label_set_width_chars (workers, 8);
    gtk_widget_remove_css_class (GTK_WIDGET (workers), "numeric");
  }
  add_value (self, self->households_row, "households");
  add_value (self, self->population_row, "population");
  add_value (self, self->open_row, "open");
  add_value (self, self->overdue_row, "overdue");
  add_value (self, self->month_row, "this-month");
  add_value (self, self->resolved_row, "resolved-in-grid");
}

/**
 * linli_grid_panel_show:
 *
 * Shows @grid with its counts as the store has them now.
 */
void
linli_grid_panel_show (LinliGridPanel *self,
                       LinliStore     *store,
                       LinliGrid      *grid)
{
  LinliRecord *record = LINLI_RECORD (grid);
  g_auto(LinliGridStats) stats = { 0, };
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *workers = NULL;
  g_autofree char *share = NULL;
  double fraction;

  g_return_if_fail (LINLI_IS_GRID_PANEL (self));
  g_return_if_fail (LINLI_IS_STORE (store));
  g_return_if_fail (LINLI_IS_GRID (grid));

  self->grid_id = linli_record_get_id (record);
  gtk_label_set_text (self->name_label, linli_record_get_text (record, "name"));
  set_value (self, "code", linli_record_get_text (record, "code"));
  set_value (self, "kind", linli_grid_kind_label (linli_record_get_enum (record, "kind")));
  set_count (self, "households", linli_record_get_int (record, "households"));
  set_count (self, "population", linli_record_get_int (record, "population"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "x", self->grid_id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->cases_button), "x", self->grid_id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "x", self->grid_id);
  /* The Cases page lists a grid's cases by the grid they are filed under,
   * which is always a management grid. */
  gtk_widget_set_visible (GTK_WIDGET (self->cases_button),
                          linli_record_get_enum (record, "kind") == LINLI_GRID_KIND_MANAGEMENT);

  now = linli_store_now (store);
  if (!linli_grid_stats_load (store, grid, now, &stats, &error))
    {
      g_warning ("Cannot count the cases of grid %s: %s",
                 linli_record_get_text (record, "code"), error->message);
      memset (&stats, 0, sizeof stats);
    }
  /* TRANSLATORS: between the names of a grid's workers */
  workers = stats.workers && stats.workers[0] ? g_strjoinv (_(", "), stats.workers) : g_strdup (_("None"));
  set_value (self, "workers", workers);
  set_count (self, "open", stats.open);
  set_count (self, "overdue", stats.overdue);
  set_count (self, "this-month", stats.this_month);
  fraction = linli_grid_stats_resolved_in_grid_share (&stats);
  if (isnan (fraction))
    share = g_strdup (_("None resolved yet"));
  else
    /* TRANSLATORS: the share of resolved cases resolved within the grid:
     * a percentage, then the two counts */
    share = g_strdup_printf (_("%.0f%% (%u of %u)"), 100 * fraction, stats.resolved_in_grid, stats.resolved);
  set_value (self, "resolved-in-grid", share);
}

gint64
linli_grid_panel_get_grid_id (LinliGridPanel *self)
{
  g_return_val_if_fail (LINLI_IS_GRID_PANEL (self), 0);
  return self->grid_id;
}

/* The text shown for a row ("code", "open", "resolved-in-grid" …): for tests. */
const char *
linli_grid_panel_get_value (LinliGridPanel *self,
                            const char     *row)
{
  GtkLabel *label;

  g_return_val_if_fail (LINLI_IS_GRID_PANEL (self), NULL);

  if (g_strcmp0 (row, "name") == 0)
    return gtk_label_get_text (self->name_label);
  label = g_hash_table_lookup (self->values, row);
  return label ? gtk_label_get_text (label) : NULL;
}

/**
 * linli_grid_panel_set_sheet:
 * @width: the width the panel has as a sheet across the map, or -1 where
 *   it is a column beside it
 * @max_height: the most the panel is high, or -1 for as high as it is given
 *
 * A sheet is as high as its rows at its width, up to @max_height; it
 * scrolls beyond.
 */
void
linli_grid_panel_set_sheet (LinliGridPanel *self,
                            int             width,
                            int             max_height)
{
  GtkScrolledWindow *scrolled_window;

  g_return_if_fail (LINLI_IS_GRID_PANEL (self));

  scrolled_window = GTK_SCROLLED_WINDOW (self->scrolled_window);
  if (gtk_scrolled_window_get_max_content_height (scrolled_window) != max_height)
    gtk_scrolled_window_set_max_content_height (scrolled_window, max_height);
  if (self->sheet_width != width)
    {
      self->sheet_width = width;
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
}
