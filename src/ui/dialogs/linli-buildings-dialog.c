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
  LinliRegisterDialog  parent_instance;

  AdwPreferencesPage  *page;

  GPtrArray           *groups;   /* AdwPreferencesGroup on the page */
};

G_DEFINE_FINAL_TYPE (LinliBuildingsDialog, linli_buildings_dialog, LINLI_TYPE_REGISTER_DIALOG)

static AdwPreferencesGroup *
group_for (LinliBuildingsDialog *self,
           GHashTable           *groups,
           gint64                grid_id)
{
  AdwPreferencesGroup *group = g_hash_table_lookup (groups, &grid_id);

  if (group == NULL)
    {
      g_autoptr(LinliRecord) grid = grid_id ? linli_store_get (linli_register_dialog_get_store (LINLI_REGISTER_DIALOG (self)), LINLI_TYPE_GRID, grid_id, NULL) : NULL;

      group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (group, grid ? linli_record_get_text (grid, "name") : _("In No Grid"));
      adw_preferences_page_add (self->page, group);
      g_ptr_array_add (self->groups, group);
      g_hash_table_insert (groups, g_memdup2 (&grid_id, sizeof grid_id), group);
    }
  return group;
}

static guint
refill (LinliRegisterDialog *dialog)
{
  LinliBuildingsDialog *self = LINLI_BUILDINGS_DIALOG (dialog);
  g_autoptr(GListModel) buildings = linli_store_list (linli_register_dialog_get_store (dialog), LINLI_TYPE_BUILDING);
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
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), linli_register_dialog_row_button ("document-edit-symbolic", _("Edit"), "buildings.edit", id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), linli_register_dialog_row_button ("user-trash-symbolic", _("Delete"), "buildings.delete", id));
      adw_preferences_group_add (group, row);
    }
  return n;
}

static GtkWindow *
new_editor (LinliRegisterDialog *self,
            LinliStore          *store,
            LinliRecord         *building)
{
  return GTK_WINDOW (linli_building_editor_new (GTK_WINDOW (self), store, building));
}

static gboolean
undo_deletion (LinliStore  *store,
               gpointer     deletion,
               GError     **error)
{
  return linli_building_deletion_undo (store, deletion, error);
}

static void
delete_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LinliRegisterDialog *self = LINLI_REGISTER_DIALOG (widget);
  LinliStore *store = linli_register_dialog_get_store (self);
  g_autoptr(GError) error = NULL;
  LinliBuildingDeletion *deletion = linli_building_delete (store, g_variant_get_int64 (parameter), &error);
  g_autofree char *title = NULL;

  if (deletion == NULL)
    {
      linli_register_dialog_show_error (self, error);
      return;
    }
  title = g_strdup_printf (_("Building “%s” deleted"), linli_building_deletion_get_name (deletion));
  linli_register_dialog_offer_undo (self, title,
                                    linli_undo_new (store, undo_deletion, deletion,
                                                    (GDestroyNotify) linli_building_deletion_free));
}

static void
linli_buildings_dialog_dispose (GObject *object)
{
  LinliBuildingsDialog *self = LINLI_BUILDINGS_DIALOG (object);

  G_OBJECT_CLASS (linli_buildings_dialog_parent_class)->dispose (object);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
}

static void
linli_buildings_dialog_class_init (LinliBuildingsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LinliRegisterDialogClass *register_class = LINLI_REGISTER_DIALOG_CLASS (klass);

  object_class->dispose = linli_buildings_dialog_dispose;

  register_class->refill = refill;
  register_class->new_editor = new_editor;

  linli_register_dialog_class_setup (register_class, LINLI_TYPE_BUILDING,
                                     RESOURCE_BASE "/ui/linli-buildings-dialog.ui", "buildings");
  gtk_widget_class_bind_template_child (widget_class, LinliBuildingsDialog, page);
  gtk_widget_class_install_action (widget_class, "buildings.delete", "x", delete_cb);
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
  linli_register_dialog_set_store (LINLI_REGISTER_DIALOG (self), store);
  return self;
}
