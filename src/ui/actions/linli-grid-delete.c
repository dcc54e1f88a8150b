/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-grid-delete"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-alert.h"
#include "linli-grid-delete.h"
#include "linli-grid-store.h"
#include "linli-toast.h"

/* Delete Grid, from the map's grid panel, the Grids page and Grid
 * Properties: what happens to the grid's cases, activities, outreach
 * events and buildings is said first; a toast over @parent offers Undo. */

typedef struct
{
  GtkWindow  *parent;
  LinliStore *store;
  gint64      grid_id;
} Asking;

static void
asking_free (gpointer data)
{
  Asking *asking = data;

  g_object_unref (asking->parent);
  g_object_unref (asking->store);
  g_free (asking);
}

static gboolean
undo_deletion (LinliStore  *store,
               gpointer     deletion,
               GError     **error)
{
  return linli_grid_deletion_undo (store, deletion, error);
}

static AdwToastOverlay *
find_overlay (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *found = find_overlay (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
toast (GtkWindow *parent,
       AdwToast  *t)
{
  AdwToastOverlay *overlay = find_overlay (GTK_WIDGET (parent));

  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, t);
  else
    g_object_unref (g_object_ref_sink (t));
}

static void
response_cb (LinliAlert *alert,
             const char *response,
             gpointer    user_data)
{
  Asking *asking = user_data;
  g_autoptr(GError) error = NULL;
  LinliGridDeletion *deletion;
  g_autofree char *title = NULL;

  if (!g_str_equal (response, "delete"))
    return;
  deletion = linli_grid_delete (asking->store, asking->grid_id, &error);
  if (deletion == NULL)
    {
      toast (asking->parent, adw_toast_new (error->message));
      return;
    }
  title = g_strdup_printf (_("Grid “%s” deleted"), linli_grid_deletion_get_name (deletion));
  toast (asking->parent,
         linli_toast_new_undo (title, linli_undo_new (asking->store, undo_deletion, deletion,
                                                      (GDestroyNotify) linli_grid_deletion_free)));
}

/**
 * linli_grid_delete_ask:
 * @parent: the window to ask over, whose toast overlay offers Undo
 *
 * Says what deleting the grid @grid_id does to its records and, once the
 * user agrees, deletes it.
 */
void
linli_grid_delete_ask (GtkWindow  *parent,
                       LinliStore *store,
                       gint64      grid_id)
{
  g_autoptr(LinliRecord) grid = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  LinliGridContents contents;
  g_autoptr(LinliAlert) alert = NULL;
  Asking *asking;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (LINLI_IS_STORE (store));

  grid = linli_store_get (store, LINLI_TYPE_GRID, grid_id, NULL);
  if (grid == NULL)
    return;
  linli_grid_count_contents (store, grid_id, &contents);
  heading = g_strdup_printf (_("Delete Grid “%s”?"), linli_record_get_text (grid, "name"));
  body = linli_grid_describe_deletion (grid, &contents);
  alert = linli_alert_new (heading, body);
  linli_alert_add_response (alert, "cancel", _("_Cancel"));
  linli_alert_add_response (alert, "delete", _("_Delete Grid"));
  linli_alert_set_response_appearance (alert, "delete", ADW_RESPONSE_DESTRUCTIVE);
  linli_alert_set_default_response (alert, "cancel");
  linli_alert_set_close_response (alert, "cancel");
  asking = g_new (Asking, 1);
  asking->parent = g_object_ref (parent);
  asking->store = g_object_ref (store);
  asking->grid_id = grid_id;
  linli_alert_present (alert, GTK_WIDGET (parent), response_cb, asking, asking_free);
}
