/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-register-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-register-dialog.h"

/* What the staff and buildings registers share: the list follows the
 * store, Add and Edit open the record's editor, and the last change that
 * took something away waits for Undo, from its toast or PREFIX.undo. */

typedef struct
{
  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;

  LinliStore      *store;
  LinliUndo       *undo;     /* the last change, until undone */
  char            *undo_action;  /* PREFIX.undo */
} LinliRegisterDialogPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LinliRegisterDialog, linli_register_dialog, ADW_TYPE_WINDOW)

#define PRIV(self) ((LinliRegisterDialogPrivate *) linli_register_dialog_get_instance_private (self))
#define CLASS(self) LINLI_REGISTER_DIALOG_GET_CLASS (self)

static void
refill (LinliRegisterDialog *self)
{
  guint n = CLASS (self)->refill (self);

  gtk_stack_set_visible_child_name (PRIV (self)->stack, n > 0 ? "list" : "empty");
}

static void
add_cb (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  LinliRegisterDialog *self = LINLI_REGISTER_DIALOG (widget);

  if (PRIV (self)->store != NULL)
    gtk_window_present (CLASS (self)->new_editor (self, PRIV (self)->store, NULL));
}

static void
edit_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  LinliRegisterDialog *self = LINLI_REGISTER_DIALOG (widget);
  g_autoptr(LinliRecord) record = linli_register_dialog_dup_record (self, parameter);

  if (record != NULL)
    gtk_window_present (CLASS (self)->new_editor (self, PRIV (self)->store, record));
}

/* Puts back what the last change took. */
static void
undo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  LinliRegisterDialog *self = LINLI_REGISTER_DIALOG (widget);
  g_autoptr(LinliUndo) undo = g_steal_pointer (&PRIV (self)->undo);
  g_autoptr(GError) error = NULL;

  if (undo != NULL && !linli_undo_run (undo, &error))
    linli_register_dialog_show_error (self, error);
}

static void
linli_register_dialog_dispose (GObject *object)
{
  LinliRegisterDialog *self = LINLI_REGISTER_DIALOG (object);
  LinliRegisterDialogPrivate *priv = PRIV (self);

  if (priv->store != NULL)
    g_signal_handlers_disconnect_by_func (priv->store, refill, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));
  g_clear_pointer (&priv->undo, linli_undo_free);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (linli_register_dialog_parent_class)->dispose (object);
}

static void
linli_register_dialog_finalize (GObject *object)
{
  g_free (PRIV (LINLI_REGISTER_DIALOG (object))->undo_action);

  G_OBJECT_CLASS (linli_register_dialog_parent_class)->finalize (object);
}

static void
linli_register_dialog_class_init (LinliRegisterDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = linli_register_dialog_dispose;
  object_class->finalize = linli_register_dialog_finalize;
}

static void
linli_register_dialog_init (LinliRegisterDialog *self)
{
}

/**
 * linli_register_dialog_class_setup:
 * @record_type: what the register lists; it follows the records' table
 *   and the grids', whose names a register shows
 * @resource: the subclass's template, with an AdwToastOverlay
 *   "toast_overlay" and a GtkStack "stack" of "list" and "empty"
 * @prefix: the actions' group
 */
void
linli_register_dialog_class_setup (LinliRegisterDialogClass *klass,
                                   GType                     record_type,
                                   const char               *resource,
                                   const char               *prefix)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  g_autofree char *add = g_strconcat (prefix, ".add", NULL);
  g_autofree char *edit = g_strconcat (prefix, ".edit", NULL);
  g_autofree char *undo = g_strconcat (prefix, ".undo", NULL);

  LinliRecordClass *record_class = g_type_class_ref (record_type);

  klass->record_type = record_type;
  /* A static type's class, and its table's name, stay. */
  klass->tables[0] = linli_record_class_get_table (record_class);
  g_type_class_unref (record_class);
  klass->tables[1] = "grid";
  klass->prefix = g_strdup (prefix);
  gtk_widget_class_set_template_from_resource (widget_class, resource);
  gtk_widget_class_bind_template_child_full (widget_class, "toast_overlay", FALSE,
                                             G_PRIVATE_OFFSET (LinliRegisterDialog, toast_overlay));
  gtk_widget_class_bind_template_child_full (widget_class, "stack", FALSE,
                                             G_PRIVATE_OFFSET (LinliRegisterDialog, stack));
  gtk_widget_class_install_action (widget_class, add, NULL, add_cb);
  gtk_widget_class_install_action (widget_class, edit, "x", edit_cb);
  gtk_widget_class_install_action (widget_class, undo, NULL, undo_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, add, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* Lists the records of @store, and again whenever the tables the class
 * follows change. Once, when the dialog is made. */
void
linli_register_dialog_set_store (LinliRegisterDialog *self,
                                 LinliStore          *store)
{
  LinliRegisterDialogPrivate *priv;
  LinliRegisterDialogClass *klass;
  g_autofree char *add = NULL;

  g_return_if_fail (LINLI_IS_REGISTER_DIALOG (self));
  g_return_if_fail (LINLI_IS_STORE (store));
  g_return_if_fail (PRIV (self)->store == NULL);

  priv = PRIV (self);
  klass = CLASS (self);
  priv->store = g_object_ref (store);
  priv->undo_action = g_strconcat (klass->prefix, ".undo", NULL);
  add = g_strconcat (klass->prefix, ".add", NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), add, !linli_store_is_read_only (store));
  for (guint i = 0; i < G_N_ELEMENTS (klass->tables) && klass->tables[i] != NULL; i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", klass->tables[i], NULL);
      g_signal_connect_swapped (store, signal, G_CALLBACK (refill), self);
    }
  refill (self);
}

/* Returns: (transfer none): the store the register shows */
LinliStore *
linli_register_dialog_get_store (LinliRegisterDialog *self)
{
  g_return_val_if_fail (LINLI_IS_REGISTER_DIALOG (self), NULL);
  return PRIV (self)->store;
}

/* Returns: (transfer full) (nullable): the record whose id is @id, an
 *   action's parameter */
LinliRecord *
linli_register_dialog_dup_record (LinliRegisterDialog *self,
                                  GVariant            *id)
{
  g_return_val_if_fail (LINLI_IS_REGISTER_DIALOG (self), NULL);

  if (PRIV (self)->store == NULL)
    return NULL;
  return linli_store_get (PRIV (self)->store, CLASS (self)->record_type, g_variant_get_int64 (id), NULL);
}

void
linli_register_dialog_show_error (LinliRegisterDialog *self,
                                  const GError        *error)
{
  g_return_if_fail (LINLI_IS_REGISTER_DIALOG (self));
  adw_toast_overlay_add_toast (PRIV (self)->toast_overlay, adw_toast_new (error ? error->message : "?"));
}

/**
 * linli_register_dialog_offer_undo:
 * @undo: (transfer full): what puts back what the change took
 *
 * Says @title with an Undo button, which runs @undo; a later change
 * replaces it.
 */
void
linli_register_dialog_offer_undo (LinliRegisterDialog *self,
                                  const char          *title,
                                  LinliUndo           *undo)
{
  LinliRegisterDialogPrivate *priv;
  AdwToast *toast;

  g_return_if_fail (LINLI_IS_REGISTER_DIALOG (self));

  priv = PRIV (self);
  g_clear_pointer (&priv->undo, linli_undo_free);
  priv->undo = undo;
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, priv->undo_action);

  adw_toast_overlay_add_toast (priv->toast_overlay, toast);
}

/* Returns: (transfer floating): a flat button at the end of a row that
 *   runs @action with the record's @id */
GtkWidget *
linli_register_dialog_row_button (const char *icon,
                                  const char *tooltip,
                                  const char *action,
                                  gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  return button;
}
