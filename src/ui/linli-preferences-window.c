/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-preferences-window"

#include "config.h"

#include "linli-preferences-window.h"

struct _LinliPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *base_map_row;
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (LinliPreferencesWindow, linli_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The rows of the base map choice, in order, as stored in GSettings. */
static const char * const base_maps[] = { "none", "osm" };

static gboolean
base_map_to_row (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  const char *id = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (base_maps); i++)
    if (g_str_equal (id, base_maps[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
row_to_base_map (const GValue       *value,
                 const GVariantType *type,
                 gpointer            user_data)
{
  guint row = g_value_get_uint (value);

  return g_variant_new_string (base_maps[row < G_N_ELEMENTS (base_maps) ? row : 0]);
}

static void
linli_preferences_window_dispose (GObject *object)
{
  LinliPreferencesWindow *self = LINLI_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_PREFERENCES_WINDOW);
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
  gtk_widget_class_bind_template_child (widget_class, LinliPreferencesWindow, base_map_row);
}

static void
linli_preferences_window_init (LinliPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "base-map", self->base_map_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, base_map_to_row, row_to_base_map, NULL, NULL);
}

LinliPreferencesWindow *
linli_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (LINLI_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}
