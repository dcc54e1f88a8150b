/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-store.h"
#include "linli-toast.h"

G_BEGIN_DECLS

#define LINLI_TYPE_REGISTER_DIALOG (linli_register_dialog_get_type ())

G_DECLARE_DERIVABLE_TYPE (LinliRegisterDialog, linli_register_dialog, LINLI, REGISTER_DIALOG, AdwWindow)

/**
 * LinliRegisterDialogClass:
 * @record_type: what the register lists (%LINLI_TYPE_WORKER, …)
 * @tables: the store's tables it follows, %NULL-terminated
 * @refill: lists the records again; returns how many there are
 * @new_editor: an editor of @record (%NULL for a new one) over the
 *   register, not shown yet
 *
 * A register of the community (staff, buildings): a list of records that
 * follows the store, Add (Ctrl+N) and Edit through each record's editor,
 * and a change that takes something away offered with Undo. A subclass
 * gives its record type and template to linli_register_dialog_class_setup(),
 * which binds its toast overlay and its stack of "list" and "empty", and
 * installs the actions PREFIX.add, PREFIX.edit (the record's id) and
 * PREFIX.undo.
 */
struct _LinliRegisterDialogClass
{
  AdwWindowClass parent_class;

  GType          record_type;
  const char    *tables[3];

  guint      (*refill)     (LinliRegisterDialog *self);
  GtkWindow *(*new_editor) (LinliRegisterDialog *self,
                            LinliStore          *store,
                            LinliRecord         *record);

  /*< private >*/
  char          *prefix;
};

void         linli_register_dialog_class_setup        (LinliRegisterDialogClass *klass,
                                                       GType                     record_type,
                                                       const char               *resource,
                                                       const char               *prefix);
void         linli_register_dialog_set_store          (LinliRegisterDialog *self,
                                                       LinliStore          *store);
LinliStore  *linli_register_dialog_get_store          (LinliRegisterDialog *self);
LinliRecord *linli_register_dialog_dup_record         (LinliRegisterDialog *self,
                                                       GVariant            *id);
void         linli_register_dialog_show_error         (LinliRegisterDialog *self,
                                                       const GError        *error);
void         linli_register_dialog_offer_undo         (LinliRegisterDialog *self,
                                                       const char          *title,
                                                       LinliUndo           *undo);
GtkWidget   *linli_register_dialog_row_button         (const char          *icon,
                                                       const char          *tooltip,
                                                       const char          *action,
                                                       gint64               id);

G_END_DECLS
