/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-buildings-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-building-editor.h"
#include "linli-building-store.h"
#include "linli-buildings-dialog.h"

/* The community's buildings, one group per grid and one for those in no
 * grid: add, edit, and delete with an Undo toast. Follows the store. */

struct _LinliBuildingsDialog
{
  AdwWindow           parent_instance;

  AdwToastOverlay    *toast_overlay;
  GtkStack           *stack;
  AdwPreferencesPage *page;

  LinliStore         *store;
  GPtrArray          *groups;   /* AdwPreferencesGroup on the page */
};

G_DEFINE_FINAL_TYPE (LinliBuildingsDialog, linli_buildings_dialog, ADW_TYPE_WINDOW)

static GtkWidget *
flat_button (const char *icon,
             const char *tooltip,
             const char *action,
             gint64      id)
{
  GtkWidget *b = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (b, tooltip);
  gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (b, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (b), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (b), "x", id);
  return b;
}

static AdwPreferencesGroup *
group_for (LinliBuildingsDialog *self,
           GHashTable           *groups,
           gint64                grid_id)
{
  AdwPreferencesGroup *group = g_hash_table_lookup (groups, &grid_id);

  if (group == NULL)
    {
      g_autoptr(LinliRecord) grid = grid_id ? linli_store_get (self->store, LINLI_TYPE_GRID, grid_id, NULL) : NULL;

      group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (group, grid ? linli_record_get_text (grid, "name") : _("In No Grid"));
      adw_preferences_page_add (self->page, group);
      g_ptr_array_add (self->groups, group);
      g_hash_table_insert (groups, g_memdup2 (&grid_id, sizeof grid_id), group);
    }
  return group;
}

static void
refill (LinliBuildingsDialog *self)
{
  g_autoptr(GListModel) buildings = linli_store_list (self->store, LINLI_TYPE_BUILDING);
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (buildings);

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LinliRecord) building = g_list_model_get_item (buildings, i);
      gint64 id = linli_record_get_id (building);
      AdwPreferencesGroup *group = group_for (self, groups, linli_record_get_int (building, "grid_id"));
      /* TRANSLATORS: a building's size: units, floors, households */
      g_autofree char *subtitle = g_strdup_printf (_("%d units · %d floors · %d households"),
                                                   (int) linli_record_get_int (building, "units"),
                                                   (int) linli_record_get_int (building, "floors"),
                                                   (int) linli_record_get_int (building, "households"));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), linli_record_get_text (building, "name"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), flat_button ("document-edit-symbolic", _("Edit"), "buildings.edit", id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), flat_button ("user-trash-symbolic", _("Delete"), "buildings.delete", id));
      adw_preferences_group_add (group, row);
    }
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
add_cb (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  LinliBuildingsDialog *self = LINLI_BUILDINGS_DIALOG (widget);

  gtk_window_present (GTK_WINDOW (linli_building_editor_new (GTK_WINDOW (self), self->store, NULL)));
}

static void
edit_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  LinliBuildingsDialog *self = LINLI_BUILDINGS_DIALOG (widget);
  g_autoptr(LinliRecord) building = linli_store_get (self->store, LINLI_TYPE_BUILDING, g_variant_get_int64 (parameter), NULL);

  if (building != NULL)
    gtk_window_present (GTK_WINDOW (linli_building_editor_new (GTK_WINDOW (self), self->store, building)));
}

typedef struct
{
  LinliStore            *store;
  LinliBuildingDeletion *deletion;
} Undo;

static void
undo_free (gpointer  data,
           GClosure *closure)
{
  Undo *undo = data;

  g_object_unref (undo->store);
  linli_building_deletion_free (undo->deletion);
  g_free (undo);
}

static void
undo_cb (AdwToast *toast,
         Undo     *undo)
{
  g_autoptr(GError) error = NULL;

  if (!linli_building_deletion_undo (undo->store, undo->deletion, &error))
    g_warning ("The building could not be put back: %s", error->message);
}

static void
delete_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LinliBuildingsDialog *self = LINLI_BUILDINGS_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  LinliBuildingDeletion *deletion = linli_building_delete (self->store, g_variant_get_int64 (parameter), &error);
  g_autofree char *title = NULL;
  AdwToast *toast;
  Undo *undo;

  if (deletion == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  title = g_strdup_printf (_("Building “%s” deleted"), linli_building_deletion_get_name (deletion));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  undo = g_new (Undo, 1);
  undo->store = g_object_ref (self->store);
  undo->deletion = deletion;
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_cb), undo, undo_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
linli_buildings_dialog_dispose (GObject *object)
{
  LinliBuildingsDialog *self = LINLI_BUILDINGS_DIALOG (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_BUILDINGS_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (linli_buildings_dialog_parent_class)->dispose (object);
}

static void
linli_buildings_dialog_class_init (LinliBuildingsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_buildings_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-buildings-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliBuildingsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LinliBuildingsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, LinliBuildingsDialog, page);

  gtk_widget_class_install_action (widget_class, "buildings.add", NULL, add_cb);
  gtk_widget_class_install_action (widget_class, "buildings.edit", "x", edit_cb);
  gtk_widget_class_install_action (widget_class, "buildings.delete", "x", delete_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "buildings.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
linli_buildings_dialog_init (LinliBuildingsDialog *self)
{
  self->groups = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

LinliBuildingsDialog *
linli_buildings_dialog_new (GtkWindow  *parent,
                            LinliStore *store)
{
  LinliBuildingsDialog *self;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);

  self = g_object_new (LINLI_TYPE_BUILDINGS_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_swapped (store, "changed::building", G_CALLBACK (refill), self);
  g_signal_connect_swapped (store, "changed::grid", G_CALLBACK (refill), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "buildings.add", !linli_store_is_read_only (store));
  refill (self);
  return self;
}
