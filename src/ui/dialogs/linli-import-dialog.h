/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the import dialogs' classes share (the case, event and GeoJSON
 * imports): a template, Import as the import.run action, Escape to close,
 * and for the table imports an ::imported signal. */

void  linli_import_dialog_class_setup        (GtkWidgetClass              *widget_class,
                                              const char                  *resource,
                                              GtkWidgetActionActivateFunc  run);
guint linli_import_dialog_class_add_imported (GObjectClass                *object_class);

G_END_DECLS
