/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-toast.h"

struct _LinliUndo
{
  LinliStore     *store;
  LinliUndoFunc   func;
  gpointer        data;
  GDestroyNotify  free_data;
};

/**
 * linli_undo_new:
 * @func: puts back what the change took, from @data
 *
 * Returns: (transfer full): what Undo runs, which holds @store and @data
 */
LinliUndo *
linli_undo_new (LinliStore     *store,
                LinliUndoFunc   func,
                gpointer        data,
                GDestroyNotify  free_data)
{
  LinliUndo *undo;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  undo = g_new (LinliUndo, 1);
  undo->store = g_object_ref (store);
  undo->func = func;
  undo->data = data;
  undo->free_data = free_data;
  return undo;
}

gboolean
linli_undo_run (LinliUndo  *undo,
                GError    **error)
{
  g_return_val_if_fail (undo != NULL, FALSE);
  return undo->func (undo->store, undo->data, error);
}

void
linli_undo_free (LinliUndo *undo)
{
  if (undo == NULL)
    return;
  if (undo->free_data != NULL)
    undo->free_data (undo->data);
  g_object_unref (undo->store);
  g_free (undo);
}

static void
undo_notify (gpointer  data,
             GClosure *closure)
{
  linli_undo_free (data);
}

static void
undo_clicked_cb (AdwToast  *toast,
                 LinliUndo *undo)
{
  g_autoptr(GError) error = NULL;

  if (!linli_undo_run (undo, &error))
    g_warning ("Cannot undo: %s", error->message);
}

/* Shows @message in the toast overlay around @widget, if there is one. */
void
linli_toast (GtkWidget  *widget,
             const char *message)
{
  linli_toast_add (widget, adw_toast_new (message));
}

/* Shows @toast, which it takes, in the toast overlay around @widget. */
void
linli_toast_add (GtkWidget *widget,
                 AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

/**
 * linli_toast_new_undo:
 * @undo: (transfer full): what its Undo button runs
 *
 * Returns: (transfer full): a toast that says @title and offers Undo
 */
AdwToast *
linli_toast_new_undo (const char *title,
                      LinliUndo  *undo)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), undo, undo_notify, 0);
  return toast;
}
