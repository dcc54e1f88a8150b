/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-grid-drawing"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "linli-coverage-panel.h"
#include "linli-coverage-records.h"
#include "linli-outline-edit-layer.h"
#include "linli-grid-drawing.h"
#include "linli-grid-properties-dialog.h"
#include "linli-grid-store.h"

/* Drawing and editing grids on the map, and "Check grids". Installs the
 * "grid-edit" actions on the map view:
 *   new            draw a new grid
 *   edit(x)        edit the outline of grid x
 *   check          check the management grids for overlaps and gaps
 *   finish, cancel, undo, delete, close-check   while drawing or editing
 * A bar over the map says what to do, and why an outline is refused. A
 * finished outline goes on to the properties dialog, which saves the grid. */

struct _LinliGridDrawing
{
  GObject             parent_instance;

  LinliMapView       *view;       /* weak */
  LinliStore         *store;
  LinliOutlineEdit      *edit;
  LinliOutlineEditLayer *layer;
  GSimpleActionGroup *group;

  GtkWidget          *bar;
  GtkLabel           *bar_label;
  GtkWidget          *bar_icon;
  LinliCoveragePanel *panel;

  LinliGrid          *grid;       /* the grid whose outline is edited, or NULL */
  GtkWidget          *dialog;     /* weak: the properties dialog while open */
  char               *message;    /* the refusal shown, or NULL */
};

G_DEFINE_FINAL_TYPE (LinliGridDrawing, linli_grid_drawing, G_TYPE_OBJECT)

static void
update_bar (LinliGridDrawing *self)
{
  LinliOutlineEditState state = linli_outline_edit_get_state (self->edit);
  const char *hint = NULL;

  if (state == LINLI_OUTLINE_EDIT_DRAWING)
    hint = _("Click to add points, double-click or press Enter to finish, Esc to cancel");
  else if (state == LINLI_OUTLINE_EDIT_EDITING)
    hint = _("Drag a point to move it, click an edge to add one, Delete removes the selected point; "
             "Enter to finish, Esc to cancel");

  gtk_widget_set_visible (self->bar, state != LINLI_OUTLINE_EDIT_IDLE);
  gtk_label_set_text (self->bar_label, self->message != NULL ? self->message : hint);
  /* A refusal is marked with a warning sign before it. */
  gtk_widget_set_visible (self->bar_icon, self->message != NULL);
}

static void
set_message (LinliGridDrawing *self,
             const char      *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  update_bar (self);
}

static void
set_enabled (LinliGridDrawing *self,
             const char      *name,
             gboolean         enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->group), name);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_actions (LinliGridDrawing *self)
{
  LinliOutlineEditState state = linli_outline_edit_get_state (self->edit);
  gboolean busy = state != LINLI_OUTLINE_EDIT_IDLE;

  set_enabled (self, "new", self->store != NULL);
  set_enabled (self, "edit", self->store != NULL);
  set_enabled (self, "check", self->store != NULL && !busy);
  set_enabled (self, "finish", busy);
  set_enabled (self, "cancel", busy);
  set_enabled (self, "undo", linli_outline_edit_can_undo (self->edit));
  set_enabled (self, "delete", linli_outline_edit_get_selected (self->edit) >= 0 ||
                               (state == LINLI_OUTLINE_EDIT_DRAWING && linli_outline_edit_can_undo (self->edit)));
  set_enabled (self, "close-check", gtk_widget_get_visible (GTK_WIDGET (self->panel)));
}

static void
edit_changed_cb (LinliGridDrawing *self)
{
  /* A refusal is about the outline as it was: any change clears it. */
  g_clear_pointer (&self->message, g_free);
  update_bar (self);
  update_actions (self);
}

static void
show_toast (LinliGridDrawing *self,
            AdwToast        *toast)
{
  GtkWidget *overlay = self->view ? gtk_widget_get_ancestor (GTK_WIDGET (self->view), ADW_TYPE_TOAST_OVERLAY) : NULL;

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
stop_editing (LinliGridDrawing *self)
{
  g_clear_object (&self->grid);
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  linli_outline_edit_cancel (self->edit);
  set_message (self, NULL);
  update_actions (self);
}

/* ------------------------------------------------------------------------ */
/* Saving */

typedef struct
{
  LinliStore *store;
  LinliGrid  *before;
} UndoOutline;

static void
undo_outline_free (gpointer data,
                   GClosure *closure)
{
  UndoOutline *undo = data;

  g_object_unref (undo->store);
  g_object_unref (undo->before);
  g_free (undo);
}

static void
undo_outline_cb (AdwToast    *toast,
                 UndoOutline *undo)
{
  g_autoptr(GError) error = NULL;

  /* The records that followed the outline follow it back. */
  if (!linli_grid_save (undo->store, LINLI_RECORD (undo->before), NULL, &error))
    g_warning ("The outline of grid %s could not be put back: %s",
               linli_record_get_text (LINLI_RECORD (undo->before), "code"), error->message);
}

static void
saved_cb (LinliGridDrawing *self,
          LinliGrid       *grid)
{
  g_autofree char *title = NULL;
  guint moved = self->dialog ? linli_grid_properties_dialog_get_n_moved (LINLI_GRID_PROPERTIES_DIALOG (self->dialog)) : 0;
  AdwToast *toast;

  if (moved > 0)
    /* TRANSLATORS: %s is a grid's name */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Grid “%s” saved; %u record now lies in another grid",
                                          "Grid “%s” saved; %u records now lie in another grid", moved),
                             linli_record_get_text (LINLI_RECORD (grid), "name"), moved);
  else
    title = g_strdup_printf (_("Grid “%s” saved"), linli_record_get_text (LINLI_RECORD (grid), "name"));
  toast = adw_toast_new (title);
  /* The outline of a grid that was there before can be put back. */
  if (self->grid != NULL &&
      g_strcmp0 (linli_record_get_text (LINLI_RECORD (self->grid), "boundary"),
                 linli_record_get_text (LINLI_RECORD (grid), "boundary")) != 0)
    {
      UndoOutline *undo = g_new (UndoOutline, 1);
      g_autoptr(LinliRecord) before = linli_record_copy (LINLI_RECORD (grid));

      /* Everything as saved, but the old outline. */
      linli_record_set_text (before, "boundary", linli_record_get_text (LINLI_RECORD (self->grid), "boundary"));
      undo->store = g_object_ref (self->store);
      undo->before = LINLI_GRID (g_steal_pointer (&before));
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_outline_cb),
                             undo, undo_outline_free, 0);
    }
  self->dialog = NULL;
  stop_editing (self);
  show_toast (self, toast);
}

static void
dialog_destroyed_cb (LinliGridDrawing *self)
{
  /* Cancelled: the outline stays on the map to be changed or finished. */
  self->dialog = NULL;
}

static void
open_properties (LinliGridDrawing *self)
{
  g_autoptr(LinliGeometry) outline = linli_outline_edit_to_geometry (self->edit);
  g_autofree char *boundary = linli_geometry_to_geojson (outline);
  LinliGridPropertiesDialog *dialog;
  GtkRoot *root = self->view ? gtk_widget_get_root (GTK_WIDGET (self->view)) : NULL;

  if (self->dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->dialog));
      return;
    }
  dialog = linli_grid_properties_dialog_new (self->store, self->grid, boundary);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self, G_CONNECT_SWAPPED);
  self->dialog = GTK_WIDGET (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */
/* Actions */

static void
finish (LinliGridDrawing *self)
{
  g_autoptr(GError) error = NULL;

  if (linli_outline_edit_get_state (self->edit) == LINLI_OUTLINE_EDIT_IDLE)
    return;
  if (!linli_outline_edit_finish (self->edit, &error))
    {
      set_message (self, error->message);
      return;
    }
  open_properties (self);
}

/* The corners of every grid but @except, for new and moved points to snap
 * to: neighbours then share their corners and leave no gap. */
static void
collect_snap_points (LinliGridDrawing *self,
                     gint64           except)
{
  g_autoptr(GListModel) grids = linli_store_list (self->store, LINLI_TYPE_GRID);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (LinliPoint));

  for (guint i = 0; i < g_list_model_get_n_items (grids); i++)
    {
      g_autoptr(LinliRecord) grid = g_list_model_get_item (grids, i);
      const char *boundary = linli_record_get_text (grid, "boundary");
      g_autoptr(LinliGeometry) outline = NULL;

      if (boundary == NULL || linli_record_get_id (grid) == except ||
          (outline = linli_geometry_parse (boundary, NULL)) == NULL)
        continue;
      for (guint r = 0; r < linli_geometry_get_n_rings (outline); r++)
        {
          guint n;
          const LinliPoint *ring = linli_geometry_get_ring (outline, r, &n, NULL);
          g_array_append_vals (points, ring, n);
        }
    }
  linli_outline_edit_set_snap_points (self->edit, (const LinliPoint *) (gpointer) points->data, points->len);
}

static void
new_cb (GSimpleAction *action,
        GVariant      *parameter,
        gpointer       user_data)
{
  LinliGridDrawing *self = user_data;

  stop_editing (self);
  collect_snap_points (self, 0);
  linli_outline_edit_start_drawing (self->edit);
  gtk_widget_grab_focus (GTK_WIDGET (self->layer));
}

static void
edit_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  LinliGridDrawing *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliGrid) grid = linli_store_get (self->store, LINLI_TYPE_GRID,
                                               g_variant_get_int64 (parameter), &error);
  g_autoptr(LinliGeometry) outline = NULL;
  const char *boundary;

  stop_editing (self);
  if (grid == NULL)
    {
      show_toast (self, adw_toast_new (error->message));
      return;
    }
  collect_snap_points (self, linli_record_get_id (LINLI_RECORD (grid)));
  boundary = linli_record_get_text (LINLI_RECORD (grid), "boundary");
  /* A grid with no outline yet gets one drawn. */
  if (boundary == NULL)
    {
      self->grid = g_steal_pointer (&grid);
      linli_outline_edit_start_drawing (self->edit);
      gtk_widget_grab_focus (GTK_WIDGET (self->layer));
      return;
    }
  outline = linli_geometry_parse (boundary, &error);
  if (outline == NULL || !linli_outline_edit_start_editing (self->edit, outline, &error))
    {
      show_toast (self, adw_toast_new (error->message));
      return;
    }
  self->grid = g_steal_pointer (&grid);
  gtk_widget_grab_focus (GTK_WIDGET (self->layer));
  if (self->view != NULL)
    {
      LinliPoint centre = linli_geometry_get_label_point (outline);
      ShumateViewport *viewport = linli_map_view_get_viewport (self->view);
      linli_map_view_center_on (self->view, centre.lat, centre.lon,
                                MAX (shumate_viewport_get_zoom_level (viewport), 16));
    }
}

static void
finish_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  finish (user_data);
}

static void
cancel_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  LinliGridDrawing *self = user_data;

  /* Esc during a drag puts the point back; otherwise drops the outline. */
  if (linli_outline_edit_get_dragged (self->edit) >= 0)
    {
      linli_outline_edit_cancel_drag (self->edit);
      return;
    }
  stop_editing (self);
}

static void
undo_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  LinliGridDrawing *self = user_data;
  linli_outline_edit_undo (self->edit);
}

static void
delete_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  LinliGridDrawing *self = user_data;
  g_autoptr(GError) error = NULL;

  /* While drawing, with no point selected, the last point goes. */
  if (linli_outline_edit_get_selected (self->edit) < 0)
    {
      if (linli_outline_edit_get_state (self->edit) == LINLI_OUTLINE_EDIT_DRAWING)
        linli_outline_edit_undo (self->edit);
      return;
    }
  if (!linli_outline_edit_delete_selected (self->edit, &error) && error != NULL)
    set_message (self, error->message);
}

static void
close_check_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  LinliGridDrawing *self = user_data;

  gtk_widget_set_visible (GTK_WIDGET (self->panel), FALSE);
  linli_outline_edit_layer_set_coverage (self->layer, NULL);
  update_actions (self);
}

static void
check_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  LinliGridDrawing *self = user_data;
  g_autoptr(GListModel) grids = linli_store_list (self->store, LINLI_TYPE_GRID);
  g_autoptr(GListModel) buildings = linli_store_list (self->store, LINLI_TYPE_BUILDING);
  LinliCoverage *coverage = linli_coverage_check_records (grids, buildings);

  linli_coverage_panel_set_result (self->panel, self->store, coverage);
  linli_outline_edit_layer_set_coverage (self->layer, coverage);
  gtk_widget_set_visible (GTK_WIDGET (self->panel), TRUE);
  update_actions (self);
}

/* A check on show follows the grids and buildings as they change. */
static void
store_changed_cb (LinliGridDrawing *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->panel)))
    check_cb (NULL, NULL, self);
}

static void
problem_activated_cb (LinliGridDrawing *self,
                      int              index,
                      double           latitude,
                      double           longitude)
{
  ShumateViewport *viewport;

  linli_outline_edit_layer_set_highlight (self->layer, index);
  if (self->view == NULL)
    return;
  viewport = linli_map_view_get_viewport (self->view);
  linli_map_view_center_on (self->view, latitude, longitude,
                            MAX (shumate_viewport_get_zoom_level (viewport), 17));
}

static const GActionEntry actions[] = {
  { "new", new_cb },
  { "edit", edit_cb, "x" },
  { "check", check_cb },
  { "finish", finish_cb },
  { "cancel", cancel_cb },
  { "undo", undo_cb },
  { "delete", delete_cb },
  { "close-check", close_check_cb },
};

/* ------------------------------------------------------------------------ */

static GtkWidget *
build_bar (LinliGridDrawing *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *undo = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *done = gtk_button_new_with_mnemonic (_("_Finish"));

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "toolbar");
  gtk_widget_add_css_class (box, "linli-grid-edit-bar");
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (box, GTK_ALIGN_END);
  gtk_widget_set_margin_bottom (box, 56);   /* above the scale */
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_set_hexpand (label, TRUE);

  gtk_widget_set_tooltip_text (undo, _("Undo (Ctrl+Z)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (undo), "grid-edit.undo");
  gtk_widget_set_valign (undo, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "grid-edit.cancel");
  gtk_widget_set_valign (cancel, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (done), "grid-edit.finish");
  gtk_widget_set_valign (done, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (done, "suggested-action");

  gtk_widget_set_margin_start (icon, 6);
  gtk_widget_set_visible (icon, FALSE);
  gtk_widget_add_css_class (icon, "warning");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), undo);
  gtk_box_append (GTK_BOX (box), cancel);
  gtk_box_append (GTK_BOX (box), done);
  gtk_widget_set_visible (box, FALSE);

  self->bar_label = GTK_LABEL (label);
  self->bar_icon = icon;
  return box;
}

/* A click on the bar or the panel is theirs: the map under them would
 * take it for a click on a grid. Claimed once their own buttons and rows
 * have seen it. */
static void
shield_released_cb (GtkGestureClick *gesture)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
shield (GtkWidget *widget)
{
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect (click, "released", G_CALLBACK (shield_released_cb), NULL);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *accelerator,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accelerator),
                                                          gtk_named_action_new (action)));
}

static void
linli_grid_drawing_dispose (GObject *object)
{
  LinliGridDrawing *self = LINLI_GRID_DRAWING (object);

  if (self->dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->dialog, self);
      gtk_window_destroy (GTK_WINDOW (self->dialog));
      self->dialog = NULL;
    }
  if (self->edit != NULL)
    g_signal_handlers_disconnect_by_data (self->edit, self);
  if (self->view != NULL)
    {
      gtk_widget_insert_action_group (GTK_WIDGET (self->view), "grid-edit", NULL);
      if (self->layer != NULL)
        linli_outline_edit_layer_unlisten (self->layer);
      if (self->layer != NULL && gtk_widget_get_parent (GTK_WIDGET (self->layer)) != NULL)
        shumate_map_remove_layer (linli_map_view_get_map (self->view), SHUMATE_LAYER (self->layer));
      g_object_remove_weak_pointer (G_OBJECT (self->view), (gpointer *) &self->view);
      self->view = NULL;
    }
  g_clear_object (&self->group);
  g_clear_object (&self->layer);
  g_clear_object (&self->edit);
  g_clear_object (&self->grid);
  g_clear_object (&self->store);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (linli_grid_drawing_parent_class)->dispose (object);
}

static void
linli_grid_drawing_class_init (LinliGridDrawingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = linli_grid_drawing_dispose;
}

static void
linli_grid_drawing_init (LinliGridDrawing *self)
{
}

/**
 * linli_grid_drawing_new:
 * @store: (nullable): the open database
 *
 * Adds grid drawing and checking to @view, for as long as the editor lives.
 */
LinliGridDrawing *
linli_grid_drawing_new (LinliMapView *view,
                       LinliStore   *store)
{
  LinliGridDrawing *self;
  GtkEventController *shortcuts;

  g_return_val_if_fail (LINLI_IS_MAP_VIEW (view), NULL);
  g_return_val_if_fail (store == NULL || LINLI_IS_STORE (store), NULL);

  self = g_object_new (LINLI_TYPE_GRID_DRAWING, NULL);
  self->view = view;
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &self->view);
  self->store = store ? g_object_ref (store) : NULL;
  if (store != NULL)
    {
      g_signal_connect_object (store, "changed::grid", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::building", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
    }
  self->edit = linli_outline_edit_new ();
  g_signal_connect_object (self->edit, "changed", G_CALLBACK (edit_changed_cb), self, G_CONNECT_SWAPPED);

  self->layer = g_object_ref_sink (linli_outline_edit_layer_new (linli_map_view_get_viewport (view), self->edit));
  g_signal_connect_object (self->layer, "finish", G_CALLBACK (finish), self, G_CONNECT_SWAPPED);
  self->bar = build_bar (self);
  shield (self->bar);
  linli_outline_edit_layer_add_child (self->layer, self->bar);
  self->panel = linli_coverage_panel_new ();
  gtk_widget_set_halign (GTK_WIDGET (self->panel), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (self->panel), GTK_ALIGN_START);
  gtk_widget_set_margin_start (GTK_WIDGET (self->panel), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->panel), 60);
  gtk_widget_set_size_request (GTK_WIDGET (self->panel), 320, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->panel), FALSE);
  g_signal_connect_object (self->panel, "problem-activated", G_CALLBACK (problem_activated_cb), self, G_CONNECT_SWAPPED);
  shield (GTK_WIDGET (self->panel));
  linli_outline_edit_layer_add_child (self->layer, GTK_WIDGET (self->panel));

  /* The layer takes the focus when drawing starts and on every click on
   * the map; when nothing is being drawn the actions are off and the keys
   * pass on. */
  shortcuts = gtk_shortcut_controller_new ();
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "Escape", "grid-edit.cancel");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "Return", "grid-edit.finish");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "KP_Enter", "grid-edit.finish");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "Delete", "grid-edit.delete");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "BackSpace", "grid-edit.delete");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>z", "grid-edit.undo");
  gtk_widget_add_controller (GTK_WIDGET (self->layer), shortcuts);

  self->group = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->group), actions, G_N_ELEMENTS (actions), self);
  gtk_widget_insert_action_group (GTK_WIDGET (view), "grid-edit", G_ACTION_GROUP (self->group));
  linli_map_view_add_overlay (view, SHUMATE_LAYER (self->layer));
  linli_outline_edit_layer_listen (self->layer, GTK_WIDGET (linli_map_view_get_map (view)));

  update_bar (self);
  update_actions (self);
  return self;
}

LinliOutlineEdit *
linli_grid_drawing_get_edit (LinliGridDrawing *self)
{
  g_return_val_if_fail (LINLI_IS_GRID_DRAWING (self), NULL);
  return self->edit;
}

GtkWidget *
linli_grid_drawing_get_layer (LinliGridDrawing *self)
{
  g_return_val_if_fail (LINLI_IS_GRID_DRAWING (self), NULL);
  return GTK_WIDGET (self->layer);
}

/* Returns: (nullable): why the last finish or delete was refused */
const char *
linli_grid_drawing_get_message (LinliGridDrawing *self)
{
  g_return_val_if_fail (LINLI_IS_GRID_DRAWING (self), NULL);
  return self->message;
}
