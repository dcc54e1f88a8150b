/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-toast"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "linli-toast.h"

/* Shows @message in the toast overlay around @widget, if there is one. */
void
linli_toast (GtkWidget  *widget,
             const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

/* Shows @title in the toast overlay around @widget with an Undo button that
 * runs @undo (an AdwToast::button-clicked handler) with @data, which
 * @free_data frees when the toast goes. */
void
linli_toast_undo (GtkWidget      *widget,
                  const char     *title,
                  GCallback       undo,
                  gpointer        data,
                  GClosureNotify  free_data)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", undo, data, free_data, 0);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}
