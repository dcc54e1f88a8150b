/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-coverage-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "linli-coverage-panel.h"

/* The problems "Check grids" found, one row each: management grids that
 * overlap, then buildings in no management grid. Activating a row emits
 * ::problem-activated with where the problem is, for the map to show it. */

struct _LinliCoveragePanel
{
  GtkWidget       parent_instance;

  GtkLabel       *summary_label;
  GtkScrolledWindow *scroller;
  GtkListBox     *list;
  GArray         *points;    /* LinliPoint, one per row */
};

G_DEFINE_FINAL_TYPE (LinliCoveragePanel, linli_coverage_panel, GTK_TYPE_WIDGET)

enum {
  PROBLEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
row_activated_cb (LinliCoveragePanel *self,
                  GtkListBoxRow      *row)
{
  int index = gtk_list_box_row_get_index (row);
  const LinliPoint *point;

  if (index < 0 || (guint) index >= self->points->len)
    return;
  point = &g_array_index (self->points, LinliPoint, index);
  g_signal_emit (self, signals[PROBLEM_ACTIVATED], 0, index, point->lat, point->lon);
}

static char *
dup_name (LinliStore *store,
          GType       type,
          gint64      id)
{
  g_autoptr(LinliRecord) record = linli_store_get (store, type, id, NULL);
  const char *name = record != NULL ? linli_record_get_text (record, "name") : NULL;

  if (name != NULL)
    return g_strdup (name);
  return g_strdup_printf ("#%" G_GINT64_FORMAT, id);
}

static void
add_row (LinliCoveragePanel *self,
         const char         *icon_name,
         const char         *title,
         const char         *subtitle,
         LinliPoint          point)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_list_box_append (self->list, row);
  g_array_append_val (self->points, point);
}

/**
 * linli_coverage_panel_set_result:
 * @store: where the names of the grids and buildings come from
 *
 * Lists the problems of @coverage.
 */
void
linli_coverage_panel_set_result (LinliCoveragePanel *self,
                                 LinliStore         *store,
                                 LinliCoverage      *coverage)
{
  guint n_overlaps, n_gaps;
  GtkWidget *child;
  g_autofree char *overlaps = NULL, *gaps = NULL, *summary = NULL;

  g_return_if_fail (LINLI_IS_COVERAGE_PANEL (self));
  g_return_if_fail (LINLI_IS_STORE (store));
  g_return_if_fail (coverage != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_array_set_size (self->points, 0);

  n_overlaps = linli_coverage_get_n_overlaps (coverage);
  n_gaps = linli_coverage_get_n_gaps (coverage);
  for (guint i = 0; i < n_overlaps; i++)
    {
      const LinliCoverageOverlap *overlap = linli_coverage_get_overlap (coverage, i);
      g_autofree char *a = dup_name (store, LINLI_TYPE_GRID, overlap->grid_a);
      g_autofree char *b = dup_name (store, LINLI_TYPE_GRID, overlap->grid_b);
      g_autofree char *title = g_strdup_printf (_("%s and %s overlap"), a, b);
      g_autofree char *subtitle = g_strdup_printf (_("About %.0f m² covered by both"), overlap->area_m2);

      add_row (self, "dialog-warning-symbolic", title, subtitle, overlap->point);
    }
  for (guint i = 0; i < n_gaps; i++)
    {
      const LinliCoverageGap *gap = linli_coverage_get_gap (coverage, i);
      g_autofree char *name = dup_name (store, LINLI_TYPE_BUILDING, gap->building);

      add_row (self, "find-location-symbolic", name, _("In no management grid"), gap->point);
    }

  if (n_overlaps + n_gaps == 0)
    summary = g_strdup (_("No problems found: no management grids overlap, and every building lies in one."));
  else
    {
      overlaps = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overlap between management grids",
                                               "%u overlaps between management grids", n_overlaps),
                                  n_overlaps);
      gaps = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u building in no management grid",
                                           "%u buildings in no management grid", n_gaps),
                              n_gaps);
      /* TRANSLATORS: the two counts above, then a hint */
      summary = g_strdup_printf (_("%s; %s. Click a problem to show it on the map."), overlaps, gaps);
    }
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->scroller), n_overlaps + n_gaps > 0);
}

guint
linli_coverage_panel_get_n_problems (LinliCoveragePanel *self)
{
  g_return_val_if_fail (LINLI_IS_COVERAGE_PANEL (self), 0);
  return self->points->len;
}

static void
linli_coverage_panel_dispose (GObject *object)
{
  LinliCoveragePanel *self = LINLI_COVERAGE_PANEL (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_COVERAGE_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->points, g_array_unref);

  G_OBJECT_CLASS (linli_coverage_panel_parent_class)->dispose (object);
}

static void
linli_coverage_panel_class_init (LinliCoveragePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_coverage_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-coverage-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliCoveragePanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LinliCoveragePanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, LinliCoveragePanel, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  /**
   * LinliCoveragePanel::problem-activated:
   * @index: overlaps first, then buildings
   * @latitude: where the problem is
   * @longitude:
   */
  signals[PROBLEM_ACTIVATED] =
    g_signal_new ("problem-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
linli_coverage_panel_init (LinliCoveragePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->points = g_array_new (FALSE, FALSE, sizeof (LinliPoint));
}

LinliCoveragePanel *
linli_coverage_panel_new (void)
{
  return g_object_new (LINLI_TYPE_COVERAGE_PANEL, NULL);
}
