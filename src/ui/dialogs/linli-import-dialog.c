/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-import-dialog"

#include "config.h"

#include "linli-import-dialog.h"

/**
 * linli_import_dialog_class_setup:
 * @resource: the dialog's template, under RESOURCE_BASE
 * @run: what Import (import.run) does
 *
 * Gives an import dialog's class its template, its import.run action and
 * Escape, which closes it; its children are its own to bind.
 */
void
linli_import_dialog_class_setup (GtkWidgetClass              *widget_class,
                                 const char                  *resource,
                                 GtkWidgetActionActivateFunc  run)
{
  g_autofree char *path = NULL;

  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));
  g_return_if_fail (resource != NULL);
  g_return_if_fail (run != NULL);

  path = g_strconcat (RESOURCE_BASE, resource, NULL);
  gtk_widget_class_set_template_from_resource (widget_class, path);
  gtk_widget_class_install_action (widget_class, "import.run", NULL, run);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/**
 * linli_import_dialog_class_add_imported:
 *
 * Adds the ::imported signal of a table import, which says how many
 * records were written (a guint) once they are.
 *
 * Returns: its id
 */
guint
linli_import_dialog_class_add_imported (GObjectClass *object_class)
{
  g_return_val_if_fail (G_IS_OBJECT_CLASS (object_class), 0);

  return g_signal_new ("imported", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST,
                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}
