/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-popover-tooltips"

#include "config.h"

#include "linli-popover-tooltips.h"

/* GTK 4.8 asks the pointer's widget for its tooltip again while the
 * popover it opened is shown, and draws the tooltip on top of the list.
 * Every popover's map and unmap pass here: the owner's tooltip is put
 * aside while it is mapped. */

#define HIDDEN_KEY "linli-popover-tooltip-hidden"

static guint map_hook;
static guint unmap_hook;

static gboolean
popover_mapped_cb (GSignalInvocationHint *hint,
                   guint                  n_values,
                   const GValue          *values,
                   gpointer               data)
{
  gboolean mapped = GPOINTER_TO_INT (data);
  GObject *instance = g_value_get_object (&values[0]);
  GtkWidget *owner;

  if (!GTK_IS_POPOVER (instance))
    return TRUE;
  owner = gtk_widget_get_parent (GTK_WIDGET (instance));
  if (owner == NULL)
    return TRUE;

  if (mapped && gtk_widget_get_has_tooltip (owner))
    {
      g_object_set_data (G_OBJECT (owner), HIDDEN_KEY, GINT_TO_POINTER (TRUE));
      gtk_widget_set_has_tooltip (owner, FALSE);
      /* A tooltip shown already goes now. */
      gtk_widget_trigger_tooltip_query (owner);
    }
  else if (!mapped && g_object_get_data (G_OBJECT (owner), HIDDEN_KEY) != NULL)
    {
      g_object_set_data (G_OBJECT (owner), HIDDEN_KEY, NULL);
      gtk_widget_set_has_tooltip (owner, TRUE);
    }
  return TRUE;
}

void
linli_popover_tooltips_install (void)
{
  if (map_hook != 0)
    return;
  /* The signals are there once the class is. */
  g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
  map_hook = g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                                         popover_mapped_cb, GINT_TO_POINTER (TRUE), NULL);
  unmap_hook = g_signal_add_emission_hook (g_signal_lookup ("unmap", GTK_TYPE_WIDGET), 0,
                                           popover_mapped_cb, GINT_TO_POINTER (FALSE), NULL);
}
