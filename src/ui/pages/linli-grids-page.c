/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-grids-page"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-grid-properties-dialog.h"
#include "linli-grids-page.h"
#include "linli-page.h"
#include "linli-record-names.h"

/* The Grids page: every grid with its kind, workers, households and
 * population, management grids first. Activating a row (double click or
 * Enter) opens the grid's properties. */

struct _LinliGridsPage
{
  GtkWidget          parent_instance;

  GtkStack          *stack;
  GtkColumnView     *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *kind_column;
  GtkColumnViewColumn *workers_column;
  GtkColumnViewColumn *households_column;
  GtkColumnViewColumn *population_column;

  GListModel        *grids;
  LinliRecordNames  *workers;
  LinliStore        *store;
};

static void linli_grids_page_page_init (LinliPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LinliGridsPage, linli_grids_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (LINLI_TYPE_PAGE, linli_grids_page_page_init))

typedef enum {
  FIELD_NAME,
  FIELD_KIND,
  FIELD_WORKERS,
  FIELD_HOUSEHOLDS,
  FIELD_POPULATION,
} Field;

static void
update_visible_page (LinliGridsPage *self)
{
  gboolean empty = self->grids == NULL || g_list_model_get_n_items (self->grids) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
workers_changed_cb (LinliGridsPage *self)
{
  /* Rebind every row so the worker names follow. */
  if (self->grids != NULL)
    g_list_model_items_changed (self->grids, 0, g_list_model_get_n_items (self->grids),
                                g_list_model_get_n_items (self->grids));
}

/**
 * linli_grids_page_dup_workers:
 *
 * Returns: (transfer full): the names of the grid's workers, joined by the
 *   locale's list separator
 */
char *
linli_grids_page_dup_workers (LinliGridsPage *self,
                              LinliRecord    *grid)
{
  g_return_val_if_fail (LINLI_IS_GRIDS_PAGE (self), NULL);

  if (self->workers == NULL)
    return g_strdup ("");
  return linli_record_names_join (self->workers, linli_record_get_refs (grid, "workers"));
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  Field field = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  if (field == FIELD_HOUSEHOLDS || field == FIELD_POPULATION)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }

  if (field == FIELD_NAME)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *swatch = gtk_drawing_area_new ();

      gtk_widget_set_size_request (swatch, 14, 14);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (swatch, "linli-swatch");
      gtk_box_append (GTK_BOX (box), swatch);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_item_set_child (item, box);
      return;
    }
  gtk_list_item_set_child (item, label);
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  const GdkRGBA *color = user_data;

  gdk_cairo_set_source_rgba (cr, color);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  LinliGridsPage *self = g_object_get_data (G_OBJECT (factory), "page");
  Field field = GPOINTER_TO_INT (user_data);
  LinliRecord *grid = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  GtkWidget *label = child;

  switch (field)
    {
    case FIELD_NAME:
      {
        GtkWidget *swatch = gtk_widget_get_first_child (child);
        GdkRGBA *color = g_new (GdkRGBA, 1);

        if (!gdk_rgba_parse (color, linli_record_get_text (grid, "color")))
          gdk_rgba_parse (color, "#3584e4");
        gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, color, g_free);
        label = gtk_widget_get_next_sibling (swatch);
        text = g_strdup_printf ("%s  %s", linli_record_get_text (grid, "code"),
                                linli_record_get_text (grid, "name"));
        break;
      }
    case FIELD_KIND:
      text = g_strdup (linli_grid_kind_label (linli_record_get_enum (grid, "kind")));
      break;
    case FIELD_WORKERS:
      text = linli_grids_page_dup_workers (self, grid);
      break;
    case FIELD_HOUSEHOLDS:
      text = g_strdup_printf ("%" G_GINT64_FORMAT, linli_record_get_int (grid, "households"));
      break;
    case FIELD_POPULATION:
      text = g_strdup_printf ("%" G_GINT64_FORMAT, linli_record_get_int (grid, "population"));
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_text (GTK_LABEL (label), text);
}

static void
set_up_column (LinliGridsPage      *self,
               GtkColumnViewColumn *column,
               Field                field)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "page", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), GINT_TO_POINTER (field));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), GINT_TO_POINTER (field));
  gtk_column_view_column_set_factory (column, factory);
}

static void
row_activated_cb (LinliGridsPage *self,
                  guint           position)
{
  g_autoptr(LinliGrid) grid = NULL;
  LinliGridPropertiesDialog *dialog;
  GtkRoot *root;

  if (self->store == NULL || self->grids == NULL || position >= g_list_model_get_n_items (self->grids))
    return;
  grid = g_list_model_get_item (self->grids, position);
  dialog = linli_grid_properties_dialog_new (self->store, grid, NULL);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Edit Outline and Delete Grid on the selected grid are the window's. */
static void
pass_selected (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LinliGridsPage *self = LINLI_GRIDS_PAGE (widget);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (self->column_view));
  g_autoptr(LinliRecord) grid = NULL;

  if (selection == NULL || (grid = gtk_single_selection_get_selected_item (selection)) == NULL)
    return;
  g_object_ref (grid);
  gtk_widget_activate_action (widget, g_str_equal (action_name, "grids.delete") ? "window.delete-grid"
                                                                              : "window.edit-outline",
                              "x", linli_record_get_id (grid));
}

static void
set_store (LinliPage  *page,
           LinliStore *store)
{
  LinliGridsPage *self = LINLI_GRIDS_PAGE (page);

  if (self->workers != NULL)
    g_signal_handlers_disconnect_by_func (self->workers, workers_changed_cb, self);
  if (self->grids != NULL)
    g_signal_handlers_disconnect_by_func (self->grids, update_visible_page, self);
  g_clear_object (&self->workers);
  g_clear_object (&self->grids);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      self->workers = linli_record_names_new (store, LINLI_TYPE_WORKER, "name");
      self->grids = linli_store_list (store, LINLI_TYPE_GRID);
      g_signal_connect_swapped (self->workers, "changed", G_CALLBACK (workers_changed_cb), self);
      g_signal_connect_swapped (self->grids, "items-changed", G_CALLBACK (update_visible_page), self);
    }
  if (self->column_view != NULL)
    {
      g_autoptr(GtkSelectionModel) selection = NULL;
      if (self->grids != NULL)
        selection = GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (self->grids)));
      gtk_column_view_set_model (self->column_view, selection);
      update_visible_page (self);
    }
}

static void
linli_grids_page_page_init (LinliPageInterface *iface)
{
  iface->set_store = set_store;
}

static void
linli_grids_page_dispose (GObject *object)
{
  LinliGridsPage *self = LINLI_GRIDS_PAGE (object);

  linli_page_set_store (LINLI_PAGE (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_GRIDS_PAGE);

  G_OBJECT_CLASS (linli_grids_page_parent_class)->dispose (object);
}

static void
linli_grids_page_class_init (LinliGridsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_grids_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-grids-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliGridsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LinliGridsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, LinliGridsPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, LinliGridsPage, kind_column);
  gtk_widget_class_bind_template_child (widget_class, LinliGridsPage, workers_column);
  gtk_widget_class_bind_template_child (widget_class, LinliGridsPage, households_column);
  gtk_widget_class_bind_template_child (widget_class, LinliGridsPage, population_column);

  gtk_widget_class_install_action (widget_class, "grids.delete", NULL, pass_selected);
  gtk_widget_class_install_action (widget_class, "grids.edit-outline", NULL, pass_selected);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
linli_grids_page_init (LinliGridsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  set_up_column (self, self->name_column, FIELD_NAME);
  set_up_column (self, self->kind_column, FIELD_KIND);
  set_up_column (self, self->workers_column, FIELD_WORKERS);
  set_up_column (self, self->households_column, FIELD_HOUSEHOLDS);
  set_up_column (self, self->population_column, FIELD_POPULATION);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (row_activated_cb), self);
  update_visible_page (self);
}

void
linli_grids_page_set_store (LinliGridsPage *self,
                            LinliStore     *store)
{
  linli_page_set_store (LINLI_PAGE (self), store);
}
