/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-base-map"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "linli-base-map.h"
#include "linli-mbtiles-source.h"
#include "linli-plan-transform.h"
#include "linli-site-plan-layer.h"
#include "linli-tianditu-source.h"

/* What lies under the grids. "none" fetches nothing and always works
 * offline; OpenStreetMap, 天地图 (Tianditu, with the user's key: its vector
 * map and the annotation over it) and custom XYZ tiles come from the
 * network and are cached by libshumate's tile downloader in the user cache
 * folder; an MBTiles file and a site plan are read from disk. Without a network the
 * tiles stay empty (the downloader gives up quietly) and the grids, drawn
 * by Linli's own layers above, still draw. */

struct _LinliBaseMap
{
  GObject             parent_instance;

  ShumateMapSource   *source;       /* reference for the viewport */
  ShumateMapSource   *overlay;      /* tiles drawn over source's, or NULL */
  LinliCoordSystem    coords;       /* the system source's tiles are in */
  gboolean            has_tiles;    /* draw source's tiles */
  GdkTexture         *plan;
  LinliPlanTransform  plan_transform;
  double              plan_opacity;
  char               *problem;
  char               *key;          /* the columns it was made from */

  ShumateMap         *map;          /* attached to, not owned */
  GPtrArray          *layers;       /* ShumateLayer, owned */
  ShumateLicense     *license;
};

G_DEFINE_FINAL_TYPE (LinliBaseMap, linli_base_map, G_TYPE_OBJECT)

#define USER_AGENT "Linli/" PACKAGE_VERSION " (community office map; +https://github.com/linli/linli)"

static void
linli_base_map_dispose (GObject *object)
{
  LinliBaseMap *self = LINLI_BASE_MAP (object);

  linli_base_map_detach (self);
  g_clear_object (&self->source);
  g_clear_object (&self->overlay);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (linli_base_map_parent_class)->dispose (object);
}

static void
linli_base_map_finalize (GObject *object)
{
  LinliBaseMap *self = LINLI_BASE_MAP (object);

  g_free (self->problem);
  g_free (self->key);
  g_ptr_array_unref (self->layers);

  G_OBJECT_CLASS (linli_base_map_parent_class)->finalize (object);
}

static void
linli_base_map_class_init (LinliBaseMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = linli_base_map_dispose;
  object_class->finalize = linli_base_map_finalize;
}

static void
linli_base_map_init (LinliBaseMap *self)
{
  self->layers = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * linli_base_map_check_url:
 * @url: a tile address with {x}, {y} and {z}
 *
 * Returns: whether libshumate can fetch tiles from @url
 */
gboolean
linli_base_map_check_url (const char  *url,
                          GError     **error)
{
  g_autofree char *rest = NULL;
  g_autoptr(GUri) uri = NULL;
  char *brace;

  if (url == NULL || *g_strstrip (rest = g_strdup (url)) == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Enter the address of the tiles."));
      return FALSE;
    }
  if (!g_str_has_prefix (rest, "http://") && !g_str_has_prefix (rest, "https://"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The address must start with http:// or https://."));
      return FALSE;
    }
  if (strstr (rest, "{x}") == NULL || strstr (rest, "{y}") == NULL || strstr (rest, "{z}") == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The address needs {x}, {y} and {z} where the column, row and zoom of a tile go."));
      return FALSE;
    }
  {
    g_autofree char *filled = NULL;
    g_auto(GStrv) parts = NULL;

    parts = g_strsplit (rest, "{x}", -1);
    filled = g_strjoinv ("0", parts);
    g_strfreev (parts);
    parts = g_strsplit (filled, "{y}", -1);
    g_free (filled);
    filled = g_strjoinv ("0", parts);
    g_strfreev (parts);
    parts = g_strsplit (filled, "{z}", -1);
    g_free (filled);
    filled = g_strjoinv ("0", parts);

    if ((brace = strchr (filled, '{')) != NULL)
      {
        g_autofree char *placeholder = g_strndup (brace, strcspn (brace, "}") + 1);
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                     _("Linli cannot fill in “%s”: write the address of one server instead."), placeholder);
        return FALSE;
      }
    uri = g_uri_parse (filled, G_URI_FLAGS_PARSE_RELAXED, NULL);
    if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
      {
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                             _("This is not a web address."));
        return FALSE;
      }
  }
  return TRUE;
}

/* {x} → #X#: libshumate's placeholders. */
static char *
shumate_template (const char *url)
{
  static const char * const from[] = { "{x}", "{y}", "{z}" };
  static const char * const to[] = { "#X#", "#Y#", "#Z#" };
  char *result = g_strstrip (g_strdup (url));

  for (guint i = 0; i < G_N_ELEMENTS (from); i++)
    {
      g_auto(GStrv) parts = g_strsplit (result, from[i], -1);
      g_free (result);
      result = g_strjoinv (to[i], parts);
    }
  return result;
}

static ShumateMapSource *
xyz_source (const char *url)
{
  g_autofree char *template = shumate_template (url);
  g_autofree char *id = g_strdup_printf ("linli-xyz-%08x", g_str_hash (template));
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_PARSE_RELAXED, NULL);
  const char *host = uri ? g_uri_get_host (uri) : NULL;
  /* TRANSLATORS: the attribution of custom tiles: the server they come from */
  g_autofree char *license = host ? g_strdup_printf (_("Tiles: %s"), host) : NULL;

  return SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full_from_url (id, _("Custom Tiles"), license, NULL,
                                                                        0, 19, 256,
                                                                        SHUMATE_MAP_PROJECTION_MERCATOR,
                                                                        template));
}

static gboolean
load_site_plan (LinliBaseMap   *self,
                LinliCommunity *community,
                GError        **error)
{
  const char *path = linli_record_get_text (LINLI_RECORD (community), "site_plan_path");
  g_autofree LinliControlPoint *points = NULL;
  guint n_points = 0;

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No site plan is chosen."));
      return FALSE;
    }
  points = linli_control_points_parse (linli_record_get_text (LINLI_RECORD (community), "site_plan_points"),
                                       &n_points, error);
  if (points == NULL || !linli_plan_transform_fit (points, n_points, &self->plan_transform, error))
    return FALSE;
  self->plan = gdk_texture_new_from_filename (path, error);
  if (self->plan == NULL)
    return FALSE;
  self->plan_opacity = linli_record_get_double (LINLI_RECORD (community), "site_plan_opacity");
  return TRUE;
}

static char *
settings_key (LinliCommunity *community)
{
  static const char * const columns[] = {
    "base_map", "tile_url", "mbtiles_path", "site_plan_path", "site_plan_points",
  };
  GString *key = g_string_new (NULL);

  if (community == NULL)
    return g_string_free (key, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_string_append (key, linli_record_get_text (LINLI_RECORD (community), columns[i]) ?: "");
      g_string_append_c (key, '\x1f');
    }
  g_string_append_printf (key, "%g", linli_record_get_double (LINLI_RECORD (community), "site_plan_opacity"));
  /* The key is the user's, not the community's, and changes apart. */
  if (g_strcmp0 (linli_record_get_text (LINLI_RECORD (community), "base_map"), "tianditu") == 0)
    {
      g_autofree char *tianditu_key = linli_tianditu_dup_key ();
      g_string_append_printf (key, "\x1f%s", tianditu_key ? tianditu_key : "");
    }
  return g_string_free (key, FALSE);
}

/**
 * linli_base_map_matches:
 *
 * Returns: whether @self was made from the base map @community has now, so
 *   that the map need not be built again when other columns change
 */
gboolean
linli_base_map_matches (LinliBaseMap   *self,
                        LinliCommunity *community)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (LINLI_IS_BASE_MAP (self), FALSE);

  key = settings_key (community);
  return g_str_equal (key, self->key);
}

/**
 * linli_base_map_new:
 * @community: (nullable): the community whose base map to show
 */
LinliBaseMap *
linli_base_map_new (LinliCommunity *community)
{
  LinliBaseMap *self = g_object_new (LINLI_TYPE_BASE_MAP, NULL);
  g_autoptr(ShumateMapSourceRegistry) registry = shumate_map_source_registry_new_with_defaults ();
  const char *kind = community ? linli_record_get_text (LINLI_RECORD (community), "base_map") : NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (community == NULL || LINLI_IS_COMMUNITY (community), NULL);

  self->key = settings_key (community);
  if (g_strcmp0 (kind, "osm") == 0 || g_strcmp0 (kind, "xyz") == 0 || g_strcmp0 (kind, "tianditu") == 0)
    shumate_set_user_agent (USER_AGENT);
  /* Every base map Linli offers is drawn in WGS-84 (Tianditu's CGCS2000
   * differs by centimetres), as Linli stores its points: none is shifted
   * to GCJ-02 as Amap's or Tencent's tiles would need. */
  self->coords = LINLI_COORDS_WGS84;

  if (g_strcmp0 (kind, "osm") == 0)
    {
      self->source = g_object_ref (shumate_map_source_registry_get_by_id (registry, SHUMATE_MAP_SOURCE_OSM_MAPNIK));
      self->has_tiles = TRUE;
    }
  else if (g_strcmp0 (kind, "tianditu") == 0)
    {
      g_autofree char *tianditu_key = linli_tianditu_dup_key ();

      if (linli_tianditu_check_key (tianditu_key, &error))
        {
          self->source = SHUMATE_MAP_SOURCE (linli_tianditu_source_new (LINLI_TIANDITU_VECTOR, tianditu_key));
          self->overlay = SHUMATE_MAP_SOURCE (linli_tianditu_source_new (LINLI_TIANDITU_ANNOTATION, tianditu_key));
          self->has_tiles = TRUE;
        }
    }
  else if (g_strcmp0 (kind, "xyz") == 0)
    {
      const char *url = linli_record_get_text (LINLI_RECORD (community), "tile_url");
      if (linli_base_map_check_url (url, &error))
        {
          self->source = xyz_source (url);
          self->has_tiles = TRUE;
        }
    }
  else if (g_strcmp0 (kind, "mbtiles") == 0)
    {
      const char *path = linli_record_get_text (LINLI_RECORD (community), "mbtiles_path");
      g_autoptr(LinliMbtiles) tiles = NULL;

      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No MBTiles file is chosen."));
      else if ((tiles = linli_mbtiles_open (path, &error)) != NULL)
        {
          self->source = SHUMATE_MAP_SOURCE (linli_mbtiles_source_new (tiles));
          self->has_tiles = TRUE;
        }
    }
  else if (g_strcmp0 (kind, "site-plan") == 0)
    {
      if (!load_site_plan (self, community, &error))
        g_clear_object (&self->plan);
    }

  if (error != NULL)
    self->problem = g_strdup (error->message);
  /* The projection alone: no tile of it is ever requested. */
  if (self->source == NULL)
    self->source = g_object_ref (shumate_map_source_registry_get_by_id (registry, SHUMATE_MAP_SOURCE_OSM_MAPNIK));
  return self;
}

const char *
linli_base_map_get_problem (LinliBaseMap *self)
{
  g_return_val_if_fail (LINLI_IS_BASE_MAP (self), NULL);
  return self->problem;
}

ShumateMapSource *
linli_base_map_get_source (LinliBaseMap *self)
{
  g_return_val_if_fail (LINLI_IS_BASE_MAP (self), NULL);
  return self->source;
}

/**
 * linli_base_map_attach:
 * @above: (nullable): the lowest layer of Linli's own; %NULL adds at the top
 * @license: (nullable): where the attribution goes
 */
void
linli_base_map_attach (LinliBaseMap   *self,
                       ShumateMap     *map,
                       ShumateLayer   *above,
                       ShumateLicense *license)
{
  ShumateViewport *viewport;
  ShumateLayer *layer = NULL;

  g_return_if_fail (LINLI_IS_BASE_MAP (self));
  g_return_if_fail (SHUMATE_IS_MAP (map));
  g_return_if_fail (self->map == NULL && self->layers->len == 0);

  g_set_weak_pointer (&self->map, map);
  viewport = shumate_map_get_viewport (map);
  shumate_viewport_set_reference_map_source (viewport, self->source);

  if (self->has_tiles)
    {
      layer = SHUMATE_LAYER (shumate_map_layer_new (self->source, viewport));
      if (self->overlay != NULL)
        {
          /* Behind Linli's layers, over the base: added first, so that
           * @layer goes in between. */
          ShumateLayer *overlay = g_object_ref_sink (SHUMATE_LAYER (shumate_map_layer_new (self->overlay, viewport)));

          if (above != NULL)
            shumate_map_insert_layer_behind (map, overlay, above);
          else
            shumate_map_add_layer (map, overlay);
          g_ptr_array_add (self->layers, overlay);
          above = overlay;
        }
    }
  else if (self->plan != NULL)
    {
      LinliSitePlanLayer *plan = linli_site_plan_layer_new (viewport, self->plan);
      linli_site_plan_layer_set_transform (plan, &self->plan_transform);
      linli_site_plan_layer_set_opacity (plan, self->plan_opacity);
      layer = SHUMATE_LAYER (plan);
    }

  if (layer != NULL)
    {
      g_object_ref_sink (layer);
      if (above != NULL)
        shumate_map_insert_layer_behind (map, layer, above);
      else
        shumate_map_add_layer (map, layer);
      g_ptr_array_add (self->layers, layer);
    }
  if (license != NULL && self->has_tiles)
    {
      self->license = g_object_ref (license);
      shumate_license_append_map_source (license, self->source);
    }
}

void
linli_base_map_detach (LinliBaseMap *self)
{
  g_return_if_fail (LINLI_IS_BASE_MAP (self));

  /* The map may be gone already, with its layers. */
  if (self->map != NULL)
    for (guint i = 0; i < self->layers->len; i++)
      shumate_map_remove_layer (self->map, self->layers->pdata[i]);
  g_ptr_array_set_size (self->layers, 0);
  if (self->license != NULL)
    {
      shumate_license_remove_map_source (self->license, self->source);
      g_clear_object (&self->license);
    }
  g_clear_weak_pointer (&self->map);
}

gboolean
linli_base_map_has_tiles (LinliBaseMap *self)
{
  g_return_val_if_fail (LINLI_IS_BASE_MAP (self), FALSE);
  return self->has_tiles;
}

/**
 * linli_base_map_get_sources:
 *
 * Returns: (transfer container) (element-type ShumateMapSource): the
 *   sources whose tiles are drawn, from the bottom up; empty without tiles
 */
GPtrArray *
linli_base_map_get_sources (LinliBaseMap *self)
{
  GPtrArray *sources = g_ptr_array_new ();

  g_return_val_if_fail (LINLI_IS_BASE_MAP (self), sources);

  if (self->has_tiles)
    g_ptr_array_add (sources, self->source);
  if (self->has_tiles && self->overlay != NULL)
    g_ptr_array_add (sources, self->overlay);
  return sources;
}

/**
 * linli_base_map_get_coords:
 *
 * Returns: the coordinate system the base map's tiles are drawn in. The
 *   points and outlines Linli stores are WGS-84; they are drawn unshifted
 *   on a base map in WGS-84, and every base map Linli offers is.
 */
LinliCoordSystem
linli_base_map_get_coords (LinliBaseMap *self)
{
  g_return_val_if_fail (LINLI_IS_BASE_MAP (self), LINLI_COORDS_WGS84);
  return self->coords;
}
