/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-base-map.h"
#include "linli-file-pick.h"
#include "linli-mbtiles.h"
#include "linli-plan-transform.h"
#include "linli-preferences-window.h"
#include "linli-site-plan-dialog.h"
#include "linli-tianditu-source.h"
#include "linli-weak-ref.h"

/* Preferences. The base map belongs to the community, so it is stored in
 * its record (and every choice is checked before it is): a tile address
 * must have {x}, {y} and {z}, an MBTiles file must hold raster tiles, a
 * site plan must be placed. */

#define OPACITY_DELAY_MS 300
#define DEFAULT_WIDTH 600
#define DEFAULT_HEIGHT 560

#define USE_PREFERENCES_DIALOG ADW_CHECK_VERSION (1, 5, 0)

struct _LinliPreferencesWindow
{
#if USE_PREFERENCES_DIALOG
  AdwPreferencesDialog  parent_instance;
#else
  AdwPreferencesWindow  parent_instance;
#endif

  AdwPreferencesGroup  *base_map_group;
  AdwComboRow          *base_map_row;
  GtkLabel             *problem_label;
  AdwPreferencesGroup  *tianditu_group;
  AdwEntryRow          *tianditu_key_row;
  GtkLabel             *tianditu_message;
  AdwPreferencesGroup  *url_group;
  AdwEntryRow          *url_row;
  GtkLabel             *url_error;
  AdwPreferencesGroup  *mbtiles_group;
  AdwActionRow         *mbtiles_row;
  GtkLabel             *mbtiles_error;
  AdwPreferencesGroup  *site_plan_group;
  AdwActionRow         *site_plan_row;
  GtkLabel             *site_plan_error;
  GtkScale             *opacity_scale;

  LinliStore           *store;
  GSettings            *settings;   /* the Tianditu key; NULL without the schema */
  GCancellable         *choosing;   /* while the file dialog is shown */
  guint                 opacity_id;
  gboolean              loading;
};

#if USE_PREFERENCES_DIALOG
G_DEFINE_FINAL_TYPE (LinliPreferencesWindow, linli_preferences_window, ADW_TYPE_PREFERENCES_DIALOG)
#else
G_DEFINE_FINAL_TYPE (LinliPreferencesWindow, linli_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)
#endif

/* The rows of the base map choice, in order, as the community stores them. */
static const char * const kinds[] = { "none", "osm", "tianditu", "xyz", "mbtiles", "site-plan" };

static void
show_label (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* The window the preferences are in: their own, or the one a dialog is
 * shown in. */
static GtkWindow *
parent_window (LinliPreferencesWindow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static const char *
selected_kind (LinliPreferencesWindow *self)
{
  guint row = adw_combo_row_get_selected (self->base_map_row);
  return kinds[row < G_N_ELEMENTS (kinds) ? row : 0];
}

static void
show_groups (LinliPreferencesWindow *self)
{
  const char *kind = selected_kind (self);

  gtk_widget_set_visible (GTK_WIDGET (self->tianditu_group), g_str_equal (kind, "tianditu"));
  gtk_widget_set_visible (GTK_WIDGET (self->url_group), g_str_equal (kind, "xyz"));
  gtk_widget_set_visible (GTK_WIDGET (self->mbtiles_group), g_str_equal (kind, "mbtiles"));
  gtk_widget_set_visible (GTK_WIDGET (self->site_plan_group), g_str_equal (kind, "site-plan"));
}

/* Under the key: what it needs, plainly while nothing is typed, as an
 * error once something wrong is; nothing when it is right. */
static void
show_key_message (LinliPreferencesWindow *self,
                  const char             *key)
{
  g_autoptr(GError) error = NULL;
  gboolean empty = key == NULL || *key == '\0';
  gboolean valid = linli_tianditu_check_key (key, &error);

  show_label (self->tianditu_message, valid ? NULL : error->message);
  if (empty)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->tianditu_message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->tianditu_message), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->tianditu_message), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->tianditu_message), "error");
    }
  if (valid || empty)
    gtk_widget_remove_css_class (GTK_WIDGET (self->tianditu_key_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->tianditu_key_row), "error");
}

/* Under the tile address: what it needs, plainly until the user has
 * typed or tried to apply one (@as_error), in red after that; nothing
 * when @message is NULL. */
static void
show_url_message (LinliPreferencesWindow *self,
                  const char             *message,
                  gboolean                as_error)
{
  GtkWidget *label = GTK_WIDGET (self->url_error);

  show_label (self->url_error, message);
  as_error = as_error && message != NULL;
  if (as_error)
    {
      gtk_widget_remove_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
    }
  else
    {
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
    }
}

/* Why @kind cannot be drawn, under the row that can set it right. */
static void
show_problem (LinliPreferencesWindow *self,
              const char             *kind,
              const char             *problem)
{
  gboolean xyz = g_strcmp0 (kind, "xyz") == 0;
  gboolean mbtiles = g_strcmp0 (kind, "mbtiles") == 0;
  gboolean site_plan = g_strcmp0 (kind, "site-plan") == 0;
  gboolean tianditu = g_strcmp0 (kind, "tianditu") == 0;

  /* The key's own message says what is wrong with it. */
  if (tianditu)
    show_key_message (self, gtk_editable_get_text (GTK_EDITABLE (self->tianditu_key_row)));
  /* An empty address is not a mistake yet: the note says what it needs. */
  show_url_message (self, xyz ? problem : NULL,
                    *gtk_editable_get_text (GTK_EDITABLE (self->url_row)) != '\0');
  show_label (self->mbtiles_error, mbtiles ? problem : NULL);
  show_label (self->site_plan_error, site_plan ? problem : NULL);
  show_label (self->problem_label, xyz || mbtiles || site_plan || tianditu ? NULL : problem);
}

/* The community's choice, as the rows show it. */
static void
load (LinliPreferencesWindow *self)
{
  g_autoptr(LinliCommunity) community = self->store ? linli_store_dup_community (self->store) : NULL;
  g_autoptr(LinliBaseMap) base_map = NULL;
  LinliRecord *record = LINLI_RECORD (community);
  const char *kind, *path;
  guint row = 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->base_map_group), community != NULL);
  if (community == NULL)
    {
      show_label (self->problem_label, _("Open a community to choose its base map."));
      return;
    }

  self->loading = TRUE;
  kind = linli_record_get_text (record, "base_map");
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i]) == 0)
      row = i;
  adw_combo_row_set_selected (self->base_map_row, row);
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), linli_record_get_text (record, "tile_url") ?: "");
  {
    g_autofree char *key = linli_tianditu_dup_key ();
    gtk_editable_set_text (GTK_EDITABLE (self->tianditu_key_row), key ? key : "");
  }

  path = linli_record_get_text (record, "mbtiles_path");
  adw_action_row_set_subtitle (self->mbtiles_row, path ? path : _("None chosen"));

  path = linli_record_get_text (record, "site_plan_path");
  if (path != NULL)
    {
      g_autofree LinliControlPoint *points = NULL;
      guint n_points = 0;
      g_autofree char *subtitle = NULL;

      points = linli_control_points_parse (linli_record_get_text (record, "site_plan_points"), &n_points, NULL);
      /* TRANSLATORS: a site plan's file and how many of its points are matched on the map */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u point matched", "%s, %u points matched",
                                               n_points), path, n_points);
      adw_action_row_set_subtitle (self->site_plan_row, subtitle);
    }
  else
    adw_action_row_set_subtitle (self->site_plan_row, _("None chosen"));
  gtk_range_set_value (GTK_RANGE (self->opacity_scale), linli_record_get_double (record, "site_plan_opacity"));
  self->loading = FALSE;

  show_groups (self);
  base_map = linli_base_map_new (community);
  show_problem (self, kind, linli_base_map_get_problem (base_map));
}

/* Writes the community with @kind and what else was set on @community. */
static gboolean
save (LinliPreferencesWindow *self,
      LinliCommunity         *community,
      const char             *kind)
{
  g_autoptr(GError) error = NULL;

  linli_record_set_text (LINLI_RECORD (community), "base_map", kind);
  if (!linli_store_update (self->store, LINLI_RECORD (community), &error))
    {
      show_label (self->problem_label, error->message);
      return FALSE;
    }
  load (self);
  return TRUE;
}

static void
base_map_changed_cb (LinliPreferencesWindow *self)
{
  g_autoptr(LinliCommunity) community = NULL;
  g_autoptr(LinliBaseMap) base_map = NULL;
  const char *kind = selected_kind (self);

  show_groups (self);
  if (self->loading || self->store == NULL ||
      (community = linli_store_dup_community (self->store)) == NULL)
    return;

  /* Only a choice that can be drawn is stored; until then the rows under
   * the choice say what it needs. */
  linli_record_set_text (LINLI_RECORD (community), "base_map", kind);
  base_map = linli_base_map_new (community);
  if (linli_base_map_get_problem (base_map) != NULL)
    {
      show_problem (self, kind, linli_base_map_get_problem (base_map));
      return;
    }
  save (self, community, kind);
}

static void
url_apply_cb (LinliPreferencesWindow *self)
{
  g_autoptr(LinliCommunity) community = NULL;
  g_autoptr(GError) error = NULL;
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));

  if (!linli_base_map_check_url (url, &error))
    {
      show_url_message (self, error->message, TRUE);
      return;
    }
  show_url_message (self, NULL, FALSE);
  if (self->store == NULL || (community = linli_store_dup_community (self->store)) == NULL)
    return;
  {
    g_autofree char *stripped = g_strstrip (g_strdup (url));
    linli_record_set_text (LINLI_RECORD (community), "tile_url", stripped);
  }
  save (self, community, "xyz");
}

static void
tianditu_key_apply_cb (LinliPreferencesWindow *self)
{
  g_autoptr(LinliCommunity) community = NULL;
  g_autofree char *key = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tianditu_key_row))));

  show_key_message (self, key);
  if (!linli_tianditu_check_key (key, NULL) || self->settings == NULL)
    return;
  g_settings_set_string (self->settings, "tianditu-key", key);
  if (self->store != NULL && (community = linli_store_dup_community (self->store)) != NULL)
    save (self, community, "tianditu");
}

static void
tianditu_key_changed_cb (LinliPreferencesWindow *self)
{
  const char *key = gtk_editable_get_text (GTK_EDITABLE (self->tianditu_key_row));

  /* An error stays only while it is still true; the plain note comes back
   * when the field is emptied. */
  if (self->loading || *key == '\0' || linli_tianditu_check_key (key, NULL))
    show_key_message (self, key);
}

static void
url_changed_cb (LinliPreferencesWindow *self)
{
  /* An error stays only while it is still true. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->url_error)) &&
      linli_base_map_check_url (gtk_editable_get_text (GTK_EDITABLE (self->url_row)), NULL))
    show_url_message (self, NULL, FALSE);
}

gboolean
linli_preferences_window_use_mbtiles (LinliPreferencesWindow *self,
                                      const char             *path)
{
  g_autoptr(LinliCommunity) community = NULL;
  g_autoptr(LinliMbtiles) tiles = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LINLI_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  tiles = linli_mbtiles_open (path, &error);
  show_label (self->mbtiles_error, tiles ? NULL : error->message);
  if (tiles == NULL || self->store == NULL || (community = linli_store_dup_community (self->store)) == NULL)
    return FALSE;
  linli_record_set_text (LINLI_RECORD (community), "mbtiles_path", path);
  return save (self, community, "mbtiles");
}

static void
mbtiles_chosen_cb (GFile    *file,
                   gpointer  user_data)
{
  g_autoptr(LinliPreferencesWindow) self = g_weak_ref_get (user_data);
  g_autofree char *path = NULL;

  /* The preferences went away meanwhile, and cancelled the pick. */
  if (self == NULL || self->choosing == NULL)
    return;
  g_clear_object (&self->choosing);
  path = file ? g_file_get_path (file) : NULL;
  if (path != NULL)
    linli_preferences_window_use_mbtiles (self, path);
}

static void
choose_mbtiles_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LinliPreferencesWindow *self = LINLI_PREFERENCES_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(LinliFilePick) pick = NULL;

  if (self->choosing != NULL)
    return;
  pick = linli_file_pick_new (_("Choose an MBTiles File"));
  linli_file_pick_set_accept_label (pick, _("_Open"));
  gtk_file_filter_set_name (filter, _("MBTiles files"));
  gtk_file_filter_add_pattern (filter, "*.mbtiles");
  gtk_file_filter_add_pattern (filter, "*.MBTILES");
  linli_file_pick_add_filter (pick, filter);
  self->choosing = g_cancellable_new ();
  linli_file_pick_open (pick, parent_window (self), self->choosing, mbtiles_chosen_cb,
                        linli_weak_ref_new (self), linli_weak_ref_free);
}

static void
site_plan_saved_cb (LinliPreferencesWindow *self)
{
  load (self);
}

static void
place_site_plan_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LinliPreferencesWindow *self = LINLI_PREFERENCES_WINDOW (widget);
  LinliSitePlanDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = linli_site_plan_dialog_new (parent_window (self), self->store);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (site_plan_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
save_opacity_cb (gpointer user_data)
{
  LinliPreferencesWindow *self = user_data;
  g_autoptr(LinliCommunity) community = NULL;
  g_autoptr(GError) error = NULL;

  self->opacity_id = 0;
  if (self->store == NULL || (community = linli_store_dup_community (self->store)) == NULL)
    return G_SOURCE_REMOVE;
  linli_record_set_double (LINLI_RECORD (community), "site_plan_opacity",
                           gtk_range_get_value (GTK_RANGE (self->opacity_scale)));
  if (!linli_store_update (self->store, LINLI_RECORD (community), &error))
    show_label (self->problem_label, error->message);
  return G_SOURCE_REMOVE;
}

static void
opacity_changed_cb (LinliPreferencesWindow *self)
{
  if (self->loading)
    return;
  /* One write when the slider stops, not one per step of a drag. */
  g_clear_handle_id (&self->opacity_id, g_source_remove);
  self->opacity_id = g_timeout_add (OPACITY_DELAY_MS, save_opacity_cb, self);
}

static void
linli_preferences_window_dispose (GObject *object)
{
  LinliPreferencesWindow *self = LINLI_PREFERENCES_WINDOW (object);

  if (self->opacity_id != 0)
    {
      g_clear_handle_id (&self->opacity_id, g_source_remove);
      save_opacity_cb (self);
    }
  if (self->choosing != NULL)
    g_cancellable_cancel (self->choosing);
  g_clear_object (&self->choosing);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (linli_preferences_window_parent_class)->dispose (object);
}

static void
linli_preferences_window_class_init (LinliPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliPreferencesWindow, base_map_group);
  gtk_widget_class_bind_template_child (widget_class, LinliPreferencesWindow, base_map_row);
  gtk_widget_class_bind_template_child (widget_class, LinliPreferencesWindow, problem_label);
  gtk_widget_class_bind_template_child (widget_class, LinliPreferencesWindow, tianditu_group);
  gtk_widget_class_bind_template_child (widget_class, LinliPreferencesWindow, tianditu_key_row);
  gtk_widget_class_bind_template_child (widget_class, LinliPreferencesWindow, tianditu_message);
  gtk_widget_class_bind_template_child (widget_class, LinliPreferencesWindow, url_group);
  gtk_widget_class_bind_template_child (widget_class, LinliPreferencesWindow, url_row);
  gtk_widget_class_bind_template_child (widget_class, LinliPreferencesWindow, url_error);
  gtk_widget_class_bind_template_child (widget_class, LinliPreferencesWindow, mbtiles_group);
  gtk_widget_class_bind_template_child (widget_class, LinliPreferencesWindow, mbtiles_row);
  gtk_widget_class_bind_template_child (widget_class, LinliPreferencesWindow, mbtiles_error);
  gtk_widget_class_bind_template_child (widget_class, LinliPreferencesWindow, site_plan_group);
  gtk_widget_class_bind_template_child (widget_class, LinliPreferencesWindow, site_plan_row);
  gtk_widget_class_bind_template_child (widget_class, LinliPreferencesWindow, site_plan_error);
  gtk_widget_class_bind_template_child (widget_class, LinliPreferencesWindow, opacity_scale);

  gtk_widget_class_install_action (widget_class, "preferences.choose-mbtiles", NULL, choose_mbtiles_cb);
  gtk_widget_class_install_action (widget_class, "preferences.place-site-plan", NULL, place_site_plan_cb);
}

static void
linli_preferences_window_init (LinliPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

    if (schema != NULL && g_settings_schema_has_key (schema, "tianditu-key"))
      self->settings = g_settings_new_full (schema, NULL, NULL);
  }
#if USE_PREFERENCES_DIALOG
  adw_dialog_set_content_width (ADW_DIALOG (self), DEFAULT_WIDTH);
  adw_dialog_set_content_height (ADW_DIALOG (self), DEFAULT_HEIGHT);
#else
  gtk_window_set_default_size (GTK_WINDOW (self), DEFAULT_WIDTH, DEFAULT_HEIGHT);
#endif

  g_signal_connect_swapped (self->base_map_row, "notify::selected", G_CALLBACK (base_map_changed_cb), self);
  g_signal_connect_swapped (self->tianditu_key_row, "apply", G_CALLBACK (tianditu_key_apply_cb), self);
  g_signal_connect_swapped (self->tianditu_key_row, "changed", G_CALLBACK (tianditu_key_changed_cb), self);
  g_signal_connect_swapped (self->url_row, "apply", G_CALLBACK (url_apply_cb), self);
  g_signal_connect_swapped (self->url_row, "changed", G_CALLBACK (url_changed_cb), self);
  g_signal_connect_swapped (self->opacity_scale, "value-changed", G_CALLBACK (opacity_changed_cb), self);
}

/**
 * linli_preferences_window_new:
 * @store: (nullable): the open community, whose base map is chosen here
 */
LinliPreferencesWindow *
linli_preferences_window_new (LinliStore *store)
{
  LinliPreferencesWindow *self;

  g_return_val_if_fail (store == NULL || LINLI_IS_STORE (store), NULL);

  self = g_object_new (LINLI_TYPE_PREFERENCES_WINDOW, NULL);
  self->store = store ? g_object_ref (store) : NULL;
  load (self);
  return self;
}

/**
 * linli_preferences_window_present:
 * @parent: (nullable): a widget of the window to show the preferences over
 *
 * Shows the preferences, modal: inside @parent's window where they are a
 * dialog, as a window of their own over it otherwise.
 */
void
linli_preferences_window_present (LinliPreferencesWindow *self,
                                  GtkWidget              *parent)
{
  g_return_if_fail (LINLI_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));

#if USE_PREFERENCES_DIALOG
  adw_dialog_present (ADW_DIALOG (self), parent);
#else
  {
    GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;

    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
    gtk_window_set_modal (GTK_WINDOW (self), GTK_IS_WINDOW (root));
    gtk_window_present (GTK_WINDOW (self));
  }
#endif
}

/**
 * linli_preferences_window_close:
 *
 * Closes the preferences, as their close button does.
 */
void
linli_preferences_window_close (LinliPreferencesWindow *self)
{
  g_return_if_fail (LINLI_IS_PREFERENCES_WINDOW (self));

#if USE_PREFERENCES_DIALOG
  adw_dialog_force_close (ADW_DIALOG (self));
#else
  gtk_window_destroy (GTK_WINDOW (self));
#endif
}
