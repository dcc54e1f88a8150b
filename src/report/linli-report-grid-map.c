/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-report-grid-map"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "linli-geometry.h"
#include "linli-mbtiles.h"
#include "linli-plan-transform.h"
#include "linli-report-private.h"

/* The grid map (网格分布图) for the office wall: every grid's outline to
 * scale, named, with a legend of the two kinds of grid and a table of
 * them. */

#define FILL_ALPHA 0x55

/* "#3584e4" as 0xRRGGBBAA with the map's fill alpha. */
static guint32
fill_of (const char *color)
{
  guint32 rgb = 0x3584e4;

  if (color != NULL && color[0] == '#' && strlen (color) == 7)
    rgb = (guint32) g_ascii_strtoull (color + 1, NULL, 16);
  return rgb << 8 | FILL_ALPHA;
}

static LinliReportAreaKind
area_kind (LinliGridKind kind)
{
  return kind == LINLI_GRID_KIND_SENTIMENT ? LINLI_REPORT_AREA_SENTIMENT : LINLI_REPORT_AREA_MANAGEMENT;
}

/* Whether the file is a picture gdk-pixbuf can read (PNG, JPEG …): read
 * small here, which JPEG's decoder does cheaply; whole when drawn. */
static gboolean
is_picture (const char *path)
{
  g_autoptr(GdkPixbuf) probe = gdk_pixbuf_new_from_file_at_size (path, 32, 32, NULL);

  return probe != NULL;
}

/* An MBTiles file's attribution as plain text: web maps write it as HTML,
 * e.g. <a href="…">&copy; OpenStreetMap</a> contributors. */
static char *
plain_attribution (const char *html)
{
  static const struct { const char *entity, *text; } entities[] = {
    { "&copy;", "©" }, { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&nbsp;", " " },
  };
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean in_tag = FALSE;

  for (const char *c = html; *c; c++)
    {
      if (*c == '<')
        in_tag = TRUE;
      else if (*c == '>' && in_tag)
        in_tag = FALSE;
      else if (!in_tag)
        g_string_append_c (text, *c);
    }
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    g_string_replace (text, entities[i].entity, entities[i].text, 0);
  return g_strstrip (g_string_free (g_steal_pointer (&text), FALSE));
}

/* The community's base map under the grids, where it is on this computer:
 * an MBTiles file or a site plan. Online maps are not printed; a file that
 * cannot be read is noted under the map and the report goes on without it. */
static void
set_base_map (LinliReportMap *map,
              LinliStore     *store)
{
  g_autoptr(LinliCommunity) community = linli_store_dup_community (store);
  LinliRecord *record = LINLI_RECORD (community);
  const char *kind = community ? linli_record_get_text (record, "base_map") : NULL;

  if (g_strcmp0 (kind, "osm") == 0 || g_strcmp0 (kind, "tianditu") == 0 || g_strcmp0 (kind, "xyz") == 0)
    linli_report_map_set_base_map_note (map, _("Base map: none (online maps are not printed)."));
  else if (g_strcmp0 (kind, "mbtiles") == 0)
    {
      const char *path = linli_record_get_text (record, "mbtiles_path");
      g_autoptr(LinliMbtiles) tiles = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *note = NULL;
      g_autofree char *name = path ? g_path_get_basename (path) : NULL;

      if (path == NULL || (tiles = linli_mbtiles_open (path, &error)) == NULL)
        /* TRANSLATORS: under the grid map: the MBTiles file's name */
        note = g_strdup_printf (_("Base map not drawn: %s could not be read."), name ? name : "MBTiles");
      else
        {
          const char *attribution = linli_mbtiles_get_metadata (tiles, "attribution");
          g_autofree char *plain = attribution ? plain_attribution (attribution) : NULL;

          linli_report_map_set_mbtiles (map, path);
          /* Whoever made the tiles is named on the paper, as on screen. */
          if (plain && plain[0])
            /* TRANSLATORS: under the grid map: who made the base map's tiles, e.g. "© OpenStreetMap contributors" */
            note = g_strdup_printf (_("Base map: %s"), plain);
        }
      if (note)
        linli_report_map_set_base_map_note (map, note);
    }
  else if (g_strcmp0 (kind, "site-plan") == 0)
    {
      const char *path = linli_record_get_text (record, "site_plan_path");
      g_autofree LinliControlPoint *points = NULL;
      LinliPlanTransform transform;
      guint n_points = 0;

      points = linli_control_points_parse (linli_record_get_text (record, "site_plan_points"),
                                           &n_points, NULL);
      if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        linli_report_map_set_base_map_note (map, _("Base map not drawn: the site plan could not be read."));
      else if (!is_picture (path))
        linli_report_map_set_base_map_note (map, _("Base map not drawn: the site plan is not a picture Linli can read."));
      else if (points == NULL || !linli_plan_transform_fit (points, n_points, &transform, NULL))
        linli_report_map_set_base_map_note (map, _("Base map not drawn: the site plan is not placed on the map."));
      else
        linli_report_map_set_site_plan (map, path, &transform,
                                        linli_record_get_double (record, "site_plan_opacity"));
    }
}

LinliReportDoc *
linli_report_build_grid_map (LinliStore              *store,
                             const LinliReportPeriod *period,
                             gint64                   grid_id,
                             GError                 **error)
{
  const LinliReportColumn columns[] = {
    { C_("report column", "Code"), 1, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Grid"), 1.6, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Kind"), 1.6, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Households"), 1, LINLI_REPORT_ALIGN_END },
    { C_("report column", "Population"), 1, LINLI_REPORT_ALIGN_END },
    { C_("report column", "Area (ha)"), 1, LINLI_REPORT_ALIGN_END },
    { C_("report column", "Workers"), 1, LINLI_REPORT_ALIGN_END },
  };
  g_auto(LinliReportContext) context = { { NULL, }, };
  g_autoptr(LinliCaseStats) cases = NULL;
  g_autoptr(GListModel) grids = NULL;
  g_autoptr(GHashTable) received = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(LinliReportDoc) doc = NULL;
  g_autofree char *title = NULL, *subtitle = NULL;
  gboolean kinds[2] = { FALSE, FALSE };
  guint32 kind_fill[2] = { 0, 0 };
  LinliReportMap *map;
  LinliReportTable *table;
  guint n_drawn = 0;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);

  if (!linli_report_context_init (&context, store, period, grid_id, error))
    return NULL;
  if (period != NULL)
    {
      if (!(cases = linli_store_case_stats (store, &context.scope, error)))
        return NULL;
      for (guint i = 0; i < cases->by_grid->len; i++)
        {
          LinliGridCaseCounts *row = g_ptr_array_index (cases->by_grid, i);
          g_hash_table_insert (received, &row->grid_id, row);
        }
    }

  /* TRANSLATORS: a report's title: the community */
  title = g_strdup_printf (_("%s: Map of the Grids"), context.community);
  doc = linli_report_doc_new (title);
  subtitle = linli_report_context_subtitle (&context);
  linli_report_doc_set_subtitle (doc, subtitle);
  linli_report_context_set_metadata (&context, doc);

  grids = linli_store_list (store, LINLI_TYPE_GRID);
  map = linli_report_doc_add_map (doc);
  set_base_map (map, store);
  for (guint i = 0; i < g_list_model_get_n_items (grids); i++)
    {
      g_autoptr(LinliRecord) grid = g_list_model_get_item (grids, i);
      g_autoptr(LinliGeometry) geometry = NULL;
      g_autofree char *label = NULL;
      gint64 id = linli_record_get_id (grid);
      LinliGridKind kind = linli_record_get_enum (grid, "kind");
      const char *boundary = linli_record_get_text (grid, "boundary");
      guint32 fill = fill_of (linli_record_get_text (grid, "color"));
      LinliGridCaseCounts *counts = g_hash_table_lookup (received, &id);

      if (grid_id != 0 && id != grid_id)
        continue;

      /* No case is filed under a public sentiment grid: its count would
       * always read 0, so it shows its name alone. */
      if (period != NULL && kind != LINLI_GRID_KIND_SENTIMENT)
        /* TRANSLATORS: a grid's label on the map: its name and the cases received in the period */
        label = g_strdup_printf (_("%1$s · %2$u cases"), linli_record_get_text (grid, "name"),
                                 counts ? counts->counts.received : 0);
      else
        label = g_strdup (linli_record_get_text (grid, "name"));

      /* A grid without a drawn boundary, or a broken one, is in the table only. */
      if (boundary != NULL && (geometry = linli_geometry_parse (boundary, NULL)) != NULL)
        {
          gboolean labelled = FALSE;

          for (guint r = 0; r < linli_geometry_get_n_rings (geometry); r++)
            {
              gboolean is_hole;
              guint n_points;
              const LinliPoint *points = linli_geometry_get_ring (geometry, r, &n_points, &is_hole);

              if (is_hole)
                continue;
              /* LinliPoint is a lon, lat pair of doubles. */
              linli_report_map_add_area (map, area_kind (kind), (const double *) points, n_points,
                                         fill, labelled ? NULL : label);
              labelled = TRUE;
            }
          n_drawn++;
          if (!kinds[kind])
            kind_fill[kind] = fill;
          kinds[kind] = TRUE;
        }
    }

  for (guint kind = 0; kind < G_N_ELEMENTS (kinds); kind++)
    if (kinds[kind])
      linli_report_map_add_legend (map, area_kind (kind), kind_fill[kind], linli_grid_kind_label (kind));
  if (n_drawn == 0)
    linli_report_map_set_caption (map, _("No grid has a boundary drawn yet."));
  else
    linli_report_map_set_caption (map, _("Solid outlines: management grids; dashed: public sentiment grids."));

  /* The grids' figures under the map. */
  table = linli_report_doc_add_table (doc, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < g_list_model_get_n_items (grids); i++)
    {
      g_autoptr(LinliRecord) grid = g_list_model_get_item (grids, i);
      g_autoptr(LinliGeometry) geometry = NULL;
      const char *boundary = linli_record_get_text (grid, "boundary");
      GArray *workers = linli_record_get_refs (grid, "workers");
      double area = 0;

      if (grid_id != 0 && linli_record_get_id (grid) != grid_id)
        continue;
      if (boundary != NULL && (geometry = linli_geometry_parse (boundary, NULL)) != NULL)
        area = linli_geometry_area_m2 (geometry);
      linli_report_add_row (table, FALSE,
                            linli_report_cell (linli_record_get_text (grid, "code")),
                            linli_report_cell (linli_record_get_text (grid, "name")),
                            g_strdup (linli_grid_kind_label (linli_record_get_enum (grid, "kind"))),
                            linli_report_format_count (linli_record_get_int (grid, "households")),
                            linli_report_format_count (linli_record_get_int (grid, "population")),
                            area > 0 ? linli_report_format_decimal (area / 10000) : g_strdup ("—"),
                            linli_report_format_count (workers ? workers->len : 0));
    }

  return g_steal_pointer (&doc);
}
