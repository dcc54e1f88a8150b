/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-getting-started"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-getting-started.h"

/* Over an empty community's map: what to do first — draw a grid, import
 * grids from GeoJSON, add staff. Each step goes once it is done, and the
 * card with the last one. */

struct _LinliGettingStarted
{
  GtkWidget     parent_instance;

  GtkWidget    *draw_row;
  GtkWidget    *import_row;
  GtkWidget    *staff_row;

  LinliStore   *store;
};

G_DEFINE_FINAL_TYPE (LinliGettingStarted, linli_getting_started, GTK_TYPE_WIDGET)

static void
update (LinliGettingStarted *self)
{
  gboolean need_grids = FALSE, need_staff = FALSE;

  if (self->store != NULL && !linli_store_is_read_only (self->store))
    {
      need_grids = linli_store_count (self->store, LINLI_TYPE_GRID) == 0;
      need_staff = linli_store_count (self->store, LINLI_TYPE_WORKER) == 0;
    }
  gtk_widget_set_visible (self->draw_row, need_grids);
  gtk_widget_set_visible (self->import_row, need_grids);
  gtk_widget_set_visible (self->staff_row, need_staff);
  gtk_widget_set_visible (GTK_WIDGET (self), need_grids || need_staff);
}

static void
linli_getting_started_dispose (GObject *object)
{
  LinliGettingStarted *self = LINLI_GETTING_STARTED (object);

  GtkWidget *child;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_GETTING_STARTED);
  /* The card itself is no template child: its own parent lets it go. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (linli_getting_started_parent_class)->dispose (object);
}

static void
linli_getting_started_class_init (LinliGettingStartedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_getting_started_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-getting-started.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliGettingStarted, draw_row);
  gtk_widget_class_bind_template_child (widget_class, LinliGettingStarted, import_row);
  gtk_widget_class_bind_template_child (widget_class, LinliGettingStarted, staff_row);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
linli_getting_started_init (LinliGettingStarted *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

void
linli_getting_started_set_store (LinliGettingStarted *self,
                                 LinliStore          *store)
{
  g_return_if_fail (LINLI_IS_GETTING_STARTED (self));
  g_return_if_fail (store == NULL || LINLI_IS_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_swapped (store, "changed::grid", G_CALLBACK (update), self);
      g_signal_connect_swapped (store, "changed::worker", G_CALLBACK (update), self);
    }
  update (self);
}
