/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "linli-mbtiles.h"
#include "linli-plan-transform.h"
#include "linli-report-image.h"
#include "linli-report-layout-private.h"

/* Bar charts (one horizontal bar a label) and grid maps drawn to scale. */

#define BAR_PITCH 18.0
#define BAR_HEIGHT 11.0
#define CAPTION_PITCH (12 * 1.8)
#define LEGEND_PITCH 18.0
#define LEGEND_PER_ROW 3
#define METRES_PER_DEGREE 111320.0
#define TILE_SIZE 256
/* Tile pixels to a point of paper: about 150 dpi. */
#define TILE_PIXELS_PER_POINT 2.0
#define MAX_TILES 400

static void
set_rgba (cairo_t *cr,
          guint32  rgba)
{
  cairo_set_source_rgba (cr,
                         ((rgba >> 24) & 0xff) / 255.0,
                         ((rgba >> 16) & 0xff) / 255.0,
                         ((rgba >> 8) & 0xff) / 255.0,
                         (rgba & 0xff) / 255.0);
}

static PangoLayout *
text_layout (LinliReportStyle           *style,
             const PangoFontDescription *desc,
             const char                 *text)
{
  PangoLayout *layout = pango_layout_new (style->context);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Draws text with its left edge (align 0), centre (0.5) or right edge (1)
 * at x, vertically centred on y. */
static void
show_text (LinliReportStyle           *style,
           cairo_t                    *cr,
           const PangoFontDescription *desc,
           const char                 *text,
           double                      x,
           double                      y,
           double                      align)
{
  g_autoptr(PangoLayout) layout = text_layout (style, desc, text);
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  cairo_move_to (cr, x - align * w / PANGO_SCALE, y - (double) h / PANGO_SCALE / 2);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_caption (LinliReportStyle *style,
              cairo_t          *cr,
              const char       *caption,
              double            x,
              double            y,
              double            width)
{
  cairo_set_source_rgb (cr, 0, 0, 0);
  show_text (style, cr, style->caption, caption, x + width / 2, y + CAPTION_PITCH / 2, 0.5);
}

double
linli_report_chart_get_title_height (LinliReportChart *chart)
{
  return chart->title ? CAPTION_PITCH : 0;
}

double
linli_report_chart_get_bar_height (void)
{
  return BAR_PITCH;
}

void
linli_report_chart_draw (LinliReportStyle *style,
                         LinliReportChart *chart,
                         cairo_t          *cr,
                         double            x,
                         double            y,
                         double            width,
                         gboolean          with_title,
                         guint             first,
                         guint             last)
{
  double label_w = width * 0.28;
  double value_w = 60;
  double bar_x = x + label_w + 6;
  double bar_max_w = width - label_w - 6 - value_w;
  double max_value = 0;
  double top;

  cairo_save (cr);

  if (with_title && chart->title)
    {
      draw_caption (style, cr, chart->title, x, y, width);
      y += CAPTION_PITCH;
    }
  top = y;

  for (guint i = 0; i < chart->values->len; i++)
    max_value = MAX (max_value, g_array_index (chart->values, double, i));

  for (guint i = first; i < last && i < chart->labels->len; i++)
    {
      double value = g_array_index (chart->values, double, i);
      double mid = y + (i - first) * BAR_PITCH + BAR_PITCH / 2;
      double w = max_value > 0 ? bar_max_w * value / max_value : 0;
      /* "16件", but "16 cases". */
      g_autofree char *text = g_strdup_printf ("%g%s%s", value,
                                               g_ascii_isalpha (chart->unit[0]) ? " " : "",
                                               chart->unit);

      cairo_set_source_rgb (cr, 0, 0, 0);
      show_text (style, cr, style->table, g_ptr_array_index (chart->labels, i),
                 x + label_w, mid, 1);

      cairo_set_source_rgb (cr, 0.27, 0.40, 0.60);
      cairo_rectangle (cr, bar_x, mid - BAR_HEIGHT / 2, w, BAR_HEIGHT);
      cairo_fill (cr);

      cairo_set_source_rgb (cr, 0, 0, 0);
      show_text (style, cr, style->table, text, bar_x + w + 4, mid, 0);
    }

  /* The axis the bars stand on. */
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.75);
  cairo_move_to (cr, bar_x, top);
  cairo_line_to (cr, bar_x, top + (last - first) * BAR_PITCH);
  cairo_stroke (cr);

  cairo_restore (cr);
}

typedef struct
{
  double min_x, min_y, max_x, max_y;
  double cos_lat;
} Projection;

static gboolean
map_projection (LinliReportMap *map,
                Projection     *proj)
{
  double min_lat = G_MAXDOUBLE, max_lat = -G_MAXDOUBLE;
  double min_lon = G_MAXDOUBLE, max_lon = -G_MAXDOUBLE;

  for (guint i = 0; i < map->areas->len; i++)
    {
      LinliReportMapArea *area = &g_array_index (map->areas, LinliReportMapArea, i);

      for (guint p = 0; p < area->n_points; p++)
        {
          min_lon = MIN (min_lon, area->lon_lat[2 * p]);
          max_lon = MAX (max_lon, area->lon_lat[2 * p]);
          min_lat = MIN (min_lat, area->lon_lat[2 * p + 1]);
          max_lat = MAX (max_lat, area->lon_lat[2 * p + 1]);
        }
    }
  for (guint i = 0; i < map->points->len; i++)
    {
      LinliReportMapPoint *point = &g_array_index (map->points, LinliReportMapPoint, i);

      min_lon = MIN (min_lon, point->lon);
      max_lon = MAX (max_lon, point->lon);
      min_lat = MIN (min_lat, point->lat);
      max_lat = MAX (max_lat, point->lat);
    }
  if (min_lon > max_lon || max_lon - min_lon < 1e-9 || max_lat - min_lat < 1e-9)
    return FALSE;

  proj->cos_lat = cos ((min_lat + max_lat) / 2 * G_PI / 180);
  proj->min_x = min_lon * proj->cos_lat;
  proj->max_x = max_lon * proj->cos_lat;
  proj->min_y = min_lat;
  proj->max_y = max_lat;
  return TRUE;
}

static double
legend_height (LinliReportMap *map)
{
  guint rows = (map->legend->len + LEGEND_PER_ROW - 1) / LEGEND_PER_ROW;

  return rows * LEGEND_PITCH + (rows ? 6 : 0) + (map->caption ? CAPTION_PITCH : 0) +
         (map->base_map.note ? CAPTION_PITCH : 0);
}

/* The map's frame keeps the grids' aspect, a tenth of a margin around. */
static void
map_frame (LinliReportMap   *map,
           const Projection *proj,
           double            width,
           double            max_height,
           double           *frame_w,
           double           *frame_h)
{
  double dx = (proj->max_x - proj->min_x) * 1.1;
  double dy = (proj->max_y - proj->min_y) * 1.1;
  double h = width * dy / dx;

  *frame_w = width;
  if (h > max_height)
    h = max_height;
  *frame_h = h;
}

double
linli_report_map_measure (LinliReportStyle *style,
                          LinliReportMap   *map,
                          double            width,
                          double            max_height)
{
  Projection proj;
  double frame_w, frame_h;
  double extra = legend_height (map);

  if (!map_projection (map, &proj))
    return extra + 2 * BAR_PITCH;

  map_frame (map, &proj, width, MAX (max_height - extra, 100), &frame_w, &frame_h);
  return frame_h + extra;
}

static void
draw_scale_bar (LinliReportStyle *style,
                cairo_t          *cr,
                double            x,
                double            y,
                double            points_per_metre,
                double            frame_w)
{
  static const double nice[] = { 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000 };
  double metres = nice[0];
  g_autofree char *label = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (nice); i++)
    if (nice[i] * points_per_metre <= frame_w / 4)
      metres = nice[i];

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, x, y - 3);
  cairo_line_to (cr, x, y);
  cairo_line_to (cr, x + metres * points_per_metre, y);
  cairo_line_to (cr, x + metres * points_per_metre, y - 3);
  cairo_stroke (cr);

  label = metres >= 1000 ? g_strdup_printf ("%g km", metres / 1000) : g_strdup_printf ("%g m", metres);
  show_text (style, cr, style->table, label, x + metres * points_per_metre + 4, y - 2, 0);
}

static void
draw_north_arrow (LinliReportStyle *style,
                  cairo_t          *cr,
                  double            x,
                  double            y)
{
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + 6, y + 18);
  cairo_line_to (cr, x, y + 13);
  cairo_line_to (cr, x - 6, y + 18);
  cairo_close_path (cr);
  cairo_fill (cr);
  show_text (style, cr, style->table_bold, C_("north arrow", "N"), x, y + 27, 0.5);
}

static void
area_centroid (const LinliReportMapArea *area,
               double                   *lon,
               double                   *lat)
{
  double a = 0, cx = 0, cy = 0;

  for (guint i = 0; i < area->n_points; i++)
    {
      guint j = (i + 1) % area->n_points;
      double x0 = area->lon_lat[2 * i], y0 = area->lon_lat[2 * i + 1];
      double x1 = area->lon_lat[2 * j], y1 = area->lon_lat[2 * j + 1];
      double cross = x0 * y1 - x1 * y0;

      a += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }

  if (fabs (a) < 1e-18)
    {
      *lon = area->n_points ? area->lon_lat[0] : 0;
      *lat = area->n_points ? area->lon_lat[1] : 0;
      return;
    }
  *lon = cx / (3 * a);
  *lat = cy / (3 * a);
}

/* Where lon, lat fall on the paper: the map's own projection. */
typedef struct
{
  const Projection *proj;
  double            scale, ox, oy;
} Placement;

static double
place_x (const Placement *at,
         double           lon)
{
  return at->ox + (lon * at->proj->cos_lat - at->proj->min_x) * at->scale;
}

static double
place_y (const Placement *at,
         double           lat)
{
  return at->oy + (at->proj->max_y - lat) * at->scale;
}

/* A tile as a cairo surface (PNG, JPEG …), or NULL. */
static cairo_surface_t *
tile_surface (GBytes *bytes)
{
  return linli_report_image_from_bytes (bytes);
}

/* The least zoom whose tiles give TILE_PIXELS_PER_POINT or more on paper,
 * or the file's finest if none does; then coarser while the frame would
 * need more than MAX_TILES tiles. */
static guint
tile_zoom (LinliMbtiles    *tiles,
           const Placement *at,
           double           frame_w,
           double           frame_h)
{
  /* Points of paper per degree of longitude. */
  double points_per_degree = at->scale * at->proj->cos_lat;
  guint min_zoom = linli_mbtiles_get_min_zoom (tiles);
  guint zoom = linli_mbtiles_get_max_zoom (tiles);

  /* At zoom z a degree of longitude is 2^z · 256 / 360 tile pixels. */
  for (guint z = min_zoom; z <= zoom; z++)
    if (ldexp (TILE_SIZE / 360.0, z) >= points_per_degree * TILE_PIXELS_PER_POINT)
      {
        zoom = z;
        break;
      }
  while (zoom > min_zoom)
    {
      double tile_points = 360.0 / ldexp (1, zoom) * points_per_degree;

      if ((frame_w / tile_points + 2) * (frame_h / tile_points + 2) <= MAX_TILES)
        break;
      zoom--;
    }
  return zoom;
}

/* The tiles over the frame, drawn first onto an image of the frame at
 * TILE_PIXELS_PER_POINT: the page then holds one picture of a sensible
 * size, without seams between tiles, however far the file's coarsest
 * tiles had to be enlarged (a PDF viewer balks at a tile blown up to
 * kilometres of paper). */
static void
draw_mbtiles (LinliReportMap  *map,
              cairo_t         *target,
              const Placement *at,
              double           x,
              double           y,
              double           frame_w,
              double           frame_h)
{
  g_autoptr(LinliMbtiles) tiles = linli_mbtiles_open (map->base_map.path, NULL);
  double west, east, north, south, x0, y0, x1, y1, n;
  cairo_surface_t *canvas;
  cairo_t *cr;
  guint zoom, drawn = 0;

  if (tiles == NULL)
    return;

  canvas = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                       (int) ceil (frame_w * TILE_PIXELS_PER_POINT),
                                       (int) ceil (frame_h * TILE_PIXELS_PER_POINT));
  cr = cairo_create (canvas);
  cairo_scale (cr, TILE_PIXELS_PER_POINT, TILE_PIXELS_PER_POINT);
  cairo_translate (cr, -x, -y);

  zoom = tile_zoom (tiles, at, frame_w, frame_h);
  n = ldexp (1, zoom);
  west = ((x - at->ox) / at->scale + at->proj->min_x) / at->proj->cos_lat;
  east = ((x + frame_w - at->ox) / at->scale + at->proj->min_x) / at->proj->cos_lat;
  north = at->proj->max_y - (y - at->oy) / at->scale;
  south = at->proj->max_y - (y + frame_h - at->oy) / at->scale;
  linli_mercator_from_lonlat (west, north, &x0, &y0);
  linli_mercator_from_lonlat (east, south, &x1, &y1);

  for (double ty = floor (CLAMP (y0, 0, 1) * n); ty < MIN (ceil (y1 * n), n); ty++)
    for (double tx = floor (CLAMP (x0, 0, 1) * n); tx < MIN (ceil (x1 * n), n); tx++)
      {
        g_autoptr(GBytes) bytes = linli_mbtiles_read_tile (tiles, (guint) tx, (guint) ty, zoom, NULL);
        cairo_surface_t *surface = bytes ? tile_surface (bytes) : NULL;
        double lon0, lat0, lon1, lat1, px0, py0, px1, py1;

        if (surface == NULL)
          continue;
        linli_mercator_to_lonlat (tx / n, ty / n, &lon0, &lat0);
        linli_mercator_to_lonlat ((tx + 1) / n, (ty + 1) / n, &lon1, &lat1);
        px0 = place_x (at, lon0);
        py0 = place_y (at, lat0);
        px1 = place_x (at, lon1);
        py1 = place_y (at, lat1);

        cairo_save (cr);
        cairo_rectangle (cr, px0, py0, px1 - px0, py1 - py0);
        cairo_translate (cr, px0, py0);
        cairo_scale (cr, (px1 - px0) / cairo_image_surface_get_width (surface),
                     (py1 - py0) / cairo_image_surface_get_height (surface));
        cairo_set_source_surface (cr, surface, 0, 0);
        /* No seam between neighbouring tiles. */
        cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
        cairo_fill (cr);
        cairo_restore (cr);
        cairo_surface_destroy (surface);
        drawn++;
      }
  cairo_destroy (cr);

  if (drawn > 0)
    {
      cairo_save (target);
      cairo_translate (target, x, y);
      cairo_scale (target, 1 / TILE_PIXELS_PER_POINT, 1 / TILE_PIXELS_PER_POINT);
      cairo_set_source_surface (target, canvas, 0, 0);
      cairo_paint (target);
      cairo_restore (target);
    }
  cairo_surface_destroy (canvas);
}

/* The plan's pixels go to Web Mercator by its transform; over a community
 * the paper's projection is as good as affine to that, so three corners
 * give the matrix. */
static void
draw_site_plan (LinliReportMap  *map,
                cairo_t         *cr,
                const Placement *at)
{
  const LinliPlanTransform *t = &map->base_map.transform;
  cairo_surface_t *surface = linli_report_image_from_file (map->base_map.path);
  double corner[3][2];
  cairo_matrix_t matrix;
  int w, h;

  if (surface == NULL)
    return;
  w = cairo_image_surface_get_width (surface);
  h = cairo_image_surface_get_height (surface);
  for (guint i = 0; i < 3; i++)
    {
      double u = i == 1 ? w : 0, v = i == 2 ? h : 0, lon, lat;

      linli_mercator_to_lonlat (t->xx * u + t->xy * v + t->x0, t->yx * u + t->yy * v + t->y0, &lon, &lat);
      corner[i][0] = place_x (at, lon);
      corner[i][1] = place_y (at, lat);
    }
  cairo_matrix_init (&matrix,
                     (corner[1][0] - corner[0][0]) / w, (corner[1][1] - corner[0][1]) / w,
                     (corner[2][0] - corner[0][0]) / h, (corner[2][1] - corner[0][1]) / h,
                     corner[0][0], corner[0][1]);

  cairo_save (cr);
  cairo_transform (cr, &matrix);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint_with_alpha (cr, map->base_map.opacity);
  cairo_restore (cr);
  cairo_surface_destroy (surface);
}

static void
draw_base_map (LinliReportMap  *map,
               cairo_t         *cr,
               const Placement *at,
               double           x,
               double           y,
               double           frame_w,
               double           frame_h)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, frame_w, frame_h);
  cairo_clip (cr);
  if (map->base_map.kind == LINLI_REPORT_BASE_MAP_MBTILES)
    draw_mbtiles (map, cr, at, x, y, frame_w, frame_h);
  else if (map->base_map.kind == LINLI_REPORT_BASE_MAP_SITE_PLAN)
    draw_site_plan (map, cr, at);
  cairo_restore (cr);
}

static void
draw_legend (LinliReportStyle *style,
             LinliReportMap   *map,
             cairo_t          *cr,
             double            x,
             double            y,
             double            width)
{
  double cell_w = width / LEGEND_PER_ROW;

  for (guint i = 0; i < map->legend->len; i++)
    {
      LinliReportMapLegend *entry = &g_array_index (map->legend, LinliReportMapLegend, i);
      double ex = x + (i % LEGEND_PER_ROW) * cell_w;
      double ey = y + (i / LEGEND_PER_ROW) * LEGEND_PITCH + LEGEND_PITCH / 2;

      set_rgba (cr, entry->fill);
      cairo_rectangle (cr, ex, ey - 5, 20, 10);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_set_line_width (cr, 0.75);
      if (entry->kind == LINLI_REPORT_AREA_SENTIMENT)
        cairo_set_dash (cr, (double[]) { 3, 2 }, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      show_text (style, cr, style->table, entry->label, ex + 26, ey, 0);
    }
}

/* The note on the base map, under the legend that starts at y. */
static void
draw_base_map_note (LinliReportStyle *style,
                    LinliReportMap   *map,
                    cairo_t          *cr,
                    double            x,
                    double            y,
                    double            width)
{
  guint rows = (map->legend->len + LEGEND_PER_ROW - 1) / LEGEND_PER_ROW;

  if (map->base_map.note)
    draw_caption (style, cr, map->base_map.note, x, y + rows * LEGEND_PITCH + (rows ? 6 : 0), width);
}

void
linli_report_map_draw (LinliReportStyle *style,
                       LinliReportMap   *map,
                       cairo_t          *cr,
                       double            x,
                       double            y,
                       double            width,
                       double            height)
{
  Projection proj;
  double frame_w, frame_h, scale, ox, oy;

  cairo_save (cr);

  if (map->caption)
    {
      draw_caption (style, cr, map->caption, x, y, width);
      y += CAPTION_PITCH;
    }

  if (!map_projection (map, &proj))
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      show_text (style, cr, style->table, _("No grid boundaries"), x + width / 2, y + BAR_PITCH, 0.5);
      draw_legend (style, map, cr, x, y + 2 * BAR_PITCH, width);
      draw_base_map_note (style, map, cr, x, y + 2 * BAR_PITCH, width);
      cairo_restore (cr);
      return;
    }

  map_frame (map, &proj, width, MAX (height - legend_height (map), 100), &frame_w, &frame_h);
  scale = MIN (frame_w / ((proj.max_x - proj.min_x) * 1.1),
               frame_h / ((proj.max_y - proj.min_y) * 1.1));
  ox = x + (frame_w - (proj.max_x - proj.min_x) * scale) / 2;
  oy = y + (frame_h - (proj.max_y - proj.min_y) * scale) / 2;

  draw_base_map (map, cr, &(Placement) { &proj, scale, ox, oy }, x, y, frame_w, frame_h);

#define PX(lon) (ox + ((lon) * proj.cos_lat - proj.min_x) * scale)
#define PY(lat) (oy + (proj.max_y - (lat)) * scale)

  /* Management grids under sentiment grids, so the dashed lines show. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < map->areas->len; i++)
      {
        LinliReportMapArea *area = &g_array_index (map->areas, LinliReportMapArea, i);

        if ((area->kind == LINLI_REPORT_AREA_SENTIMENT) != (pass == 1) || area->n_points < 3)
          continue;

        cairo_new_path (cr);
        for (guint p = 0; p < area->n_points; p++)
          cairo_line_to (cr, PX (area->lon_lat[2 * p]), PY (area->lon_lat[2 * p + 1]));
        cairo_close_path (cr);
        set_rgba (cr, area->fill);
        cairo_fill_preserve (cr);
        cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
        if (area->kind == LINLI_REPORT_AREA_SENTIMENT)
          {
            cairo_set_line_width (cr, 0.8);
            cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
          }
        else
          cairo_set_line_width (cr, 1.2);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
      }

  for (guint i = 0; i < map->points->len; i++)
    {
      LinliReportMapPoint *point = &g_array_index (map->points, LinliReportMapPoint, i);
      double px = PX (point->lon), py = PY (point->lat);

      set_rgba (cr, point->colour);
      cairo_arc (cr, px, py, 2.5, 0, 2 * G_PI);
      cairo_fill (cr);
      if (point->label)
        {
          cairo_set_source_rgb (cr, 0, 0, 0);
          show_text (style, cr, style->table, point->label, px + 4, py, 0);
        }
    }

  /* Labels last, over every fill. */
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < map->areas->len; i++)
    {
      LinliReportMapArea *area = &g_array_index (map->areas, LinliReportMapArea, i);
      double lon, lat;

      if (area->label == NULL || area->n_points < 3)
        continue;
      area_centroid (area, &lon, &lat);
      if (area->kind == LINLI_REPORT_AREA_SENTIMENT)
        {
          /* A sentiment grid lies over management grids: its name goes
           * along its top edge, clear of theirs in the middle. */
          double top = -G_MAXDOUBLE;

          for (guint p = 0; p < area->n_points; p++)
            top = MAX (top, area->lon_lat[2 * p + 1]);
          show_text (style, cr, style->table_bold, area->label, PX (lon), PY (top) + 12, 0.5);
        }
      else
        show_text (style, cr, style->table_bold, area->label, PX (lon), PY (lat), 0.5);
    }

#undef PX
#undef PY

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, x, y, frame_w, frame_h);
  cairo_stroke (cr);

  draw_north_arrow (style, cr, x + frame_w - 18, y + 8);
  draw_scale_bar (style, cr, x + 10, y + frame_h - 10,
                  scale / METRES_PER_DEGREE, frame_w);

  draw_legend (style, map, cr, x, y + frame_h + 6, width);
  draw_base_map_note (style, map, cr, x, y + frame_h + 6, width);

  cairo_restore (cr);
}
