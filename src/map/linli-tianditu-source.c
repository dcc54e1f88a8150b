/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-tianditu-source"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "linli-tianditu-source.h"

/* Tianditu's tiles through libshumate's own downloader, so that they are
 * cached on disk like OpenStreetMap's and shown from the cache offline.
 * Each of the eight servers is one downloader; a tile always goes to the
 * same one, so a tile is fetched and cached once whichever way the map
 * comes to it. Tianditu is CGCS2000, which is WGS-84 to within a few
 * centimetres: the points Linli stores are drawn on it as they are. */

#define MIN_ZOOM 1
#define MAX_ZOOM 18
#define TILE_SIZE 256
#define KEY_LENGTH 32

struct _LinliTiandituSource
{
  ShumateMapSource    parent_instance;

  LinliTiandituLayer  layer;
  ShumateMapSource   *servers[LINLI_TIANDITU_N_SERVERS];
};

G_DEFINE_FINAL_TYPE (LinliTiandituSource, linli_tianditu_source, SHUMATE_TYPE_MAP_SOURCE)

static const char *
layer_name (LinliTiandituLayer layer)
{
  return layer == LINLI_TIANDITU_ANNOTATION ? "cva" : "vec";
}

static char *
build_url (LinliTiandituLayer  layer,
           guint               server,
           const char         *key,
           const char         *zoom,
           const char         *row,
           const char         *column)
{
  return g_strdup_printf ("https://t%u.tianditu.gov.cn/%s_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
                          "&LAYER=%s&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles"
                          "&TILEMATRIX=%s&TILEROW=%s&TILECOL=%s&tk=%s",
                          server, layer_name (layer), layer_name (layer), zoom, row, column, key);
}

/**
 * linli_tianditu_check_key:
 * @key: (nullable): what the user typed
 *
 * Returns: whether @key has the form of a Tianditu key, 32 hexadecimal
 *   characters; if not, @error says what is wrong with it
 */
gboolean
linli_tianditu_check_key (const char  *key,
                          GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (key ? key : ""));
  gsize length = strlen (stripped);

  if (length == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Enter your Tianditu key: apply for one (free) at console.tianditu.gov.cn."));
      return FALSE;
    }
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isxdigit (stripped[i]))
      {
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                             _("A Tianditu key has only the digits 0–9 and the letters a–f."));
        return FALSE;
      }
  if (length != KEY_LENGTH)
    {
      /* TRANSLATORS: %u is how many characters were typed */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A Tianditu key has 32 characters, not %u."), (guint) length);
      return FALSE;
    }
  return TRUE;
}

guint
linli_tianditu_server (int x,
                       int y)
{
  return ((guint) x + (guint) y) % LINLI_TIANDITU_N_SERVERS;
}

char *
linli_tianditu_tile_url (LinliTiandituLayer  layer,
                         const char         *key,
                         int                 x,
                         int                 y,
                         int                 zoom)
{
  char column[16], row[16], level[16];

  g_return_val_if_fail (key != NULL, NULL);

  g_snprintf (column, sizeof column, "%d", x);
  g_snprintf (row, sizeof row, "%d", y);
  g_snprintf (level, sizeof level, "%d", zoom);
  return build_url (layer, linli_tianditu_server (x, y), key, level, row, column);
}

char *
linli_tianditu_dup_key (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *key = NULL;

  if (schema == NULL || !g_settings_schema_has_key (schema, "tianditu-key"))
    return NULL;
  settings = g_settings_new_full (schema, NULL, NULL);
  key = g_strstrip (g_settings_get_string (settings, "tianditu-key"));
  return *key != '\0' ? g_steal_pointer (&key) : NULL;
}

static void
server_filled_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (shumate_map_source_fill_tile_finish (SHUMATE_MAP_SOURCE (source_object), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
linli_tianditu_source_fill_tile_async (ShumateMapSource    *source,
                                       ShumateTile         *tile,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  LinliTiandituSource *self = LINLI_TIANDITU_SOURCE (source);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  guint server = linli_tianditu_server (shumate_tile_get_x (tile), shumate_tile_get_y (tile));

  g_task_set_source_tag (task, linli_tianditu_source_fill_tile_async);
  shumate_map_source_fill_tile_async (self->servers[server], tile, cancellable, server_filled_cb, task);
}

static gboolean
linli_tianditu_source_fill_tile_finish (ShumateMapSource  *source,
                                        GAsyncResult      *result,
                                        GError           **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
linli_tianditu_source_dispose (GObject *object)
{
  LinliTiandituSource *self = LINLI_TIANDITU_SOURCE (object);

  for (guint i = 0; i < LINLI_TIANDITU_N_SERVERS; i++)
    g_clear_object (&self->servers[i]);

  G_OBJECT_CLASS (linli_tianditu_source_parent_class)->dispose (object);
}

static void
linli_tianditu_source_class_init (LinliTiandituSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  object_class->dispose = linli_tianditu_source_dispose;
  source_class->fill_tile_async = linli_tianditu_source_fill_tile_async;
  source_class->fill_tile_finish = linli_tianditu_source_fill_tile_finish;
}

static void
linli_tianditu_source_init (LinliTiandituSource *self)
{
}

/**
 * linli_tianditu_source_new:
 * @key: a key that linli_tianditu_check_key() accepts
 */
LinliTiandituSource *
linli_tianditu_source_new (LinliTiandituLayer  layer,
                           const char         *key)
{
  LinliTiandituSource *self;
  g_autofree char *stripped = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (linli_tianditu_check_key (key, NULL), NULL);

  stripped = g_strstrip (g_strdup (key));
  id = g_strconcat ("linli-tianditu-", layer_name (layer), NULL);
  self = g_object_new (LINLI_TYPE_TIANDITU_SOURCE, NULL);
  self->layer = layer;
  shumate_map_source_set_id (SHUMATE_MAP_SOURCE (self), id);
  shumate_map_source_set_name (SHUMATE_MAP_SOURCE (self), _("Tianditu"));
  /* TRANSLATORS: the attribution drawn on the map; “天地图” is the map's own name */
  shumate_map_source_set_license (SHUMATE_MAP_SOURCE (self), _("© Tianditu"));
  shumate_map_source_set_license_uri (SHUMATE_MAP_SOURCE (self), "https://www.tianditu.gov.cn/");
  shumate_map_source_set_min_zoom_level (SHUMATE_MAP_SOURCE (self), MIN_ZOOM);
  shumate_map_source_set_max_zoom_level (SHUMATE_MAP_SOURCE (self), MAX_ZOOM);
  shumate_map_source_set_tile_size (SHUMATE_MAP_SOURCE (self), TILE_SIZE);
  shumate_map_source_set_projection (SHUMATE_MAP_SOURCE (self), SHUMATE_MAP_PROJECTION_MERCATOR);

  for (guint i = 0; i < LINLI_TIANDITU_N_SERVERS; i++)
    {
      g_autofree char *template = build_url (layer, i, stripped, "#Z#", "#Y#", "#X#");
      g_autofree char *server_id = g_strdup_printf ("%s-t%u", id, i);

      self->servers[i] = SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full_from_url (server_id, _("Tianditu"), NULL, NULL,
                                                                                      MIN_ZOOM, MAX_ZOOM, TILE_SIZE,
                                                                                      SHUMATE_MAP_PROJECTION_MERCATOR,
                                                                                      template));
    }
  return self;
}

LinliTiandituLayer
linli_tianditu_source_get_layer (LinliTiandituSource *self)
{
  g_return_val_if_fail (LINLI_IS_TIANDITU_SOURCE (self), LINLI_TIANDITU_VECTOR);
  return self->layer;
}
