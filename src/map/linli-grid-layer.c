/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-grid-layer"

#include "config.h"

#include <math.h>

#include "linli-geometry.h"
#include "linli-grid-index.h"
#include "linli-grid-layer.h"
#include "linli-outline-raster.h"
#include "linli-point-layer.h"
#include "linli-record-names.h"
#include "linli-records.h"
#include "linli-tile-cache.h"

/* Draws every grid in one snapshot: management grids filled with their
 * colour and outlined, public sentiment grids as dashed outlines, each
 * labelled with its name, a management grid also with its workers. One
 * widget for all of them, not one per grid.
 *
 * The grids are drawn into tiles of the world at the current zoom level
 * (LinliTileCache): while the map pans, nothing is drawn again but the
 * tiles coming into view. The selected grid's outline, which changes on a
 * click, is drawn over them on every frame.
 *
 * On the Map page the labels are drawn by a layer of their own above the
 * points (linli_grid_layer_get_label_layer()), so that no disc of cases
 * hides a grid's name: each label is an image made once, placed anew on
 * every frame. Without that layer, as where no points are shown, the
 * labels are drawn into the tiles. A label moves a little off its place,
 * within its grid, to leave the discs of cases it would cover in sight, as
 * maps place their names clear of their symbols. */

#define LINE_WIDTH_MAX 3.0
#define LINE_WIDTH 2.0      /* of a management grid's outline */
/* Points of an outline nearer than this to the line through the others
 * are not drawn: a quarter pixel, which the eye cannot tell. */
#define SIMPLIFY 0.25
/* A label is shown when its grid is at least this share of its width. */
#define LABEL_FIT 0.7
/* The margin of a label's background around its text, and the radius of
 * its corners. */
#define LABEL_PAD 3
#define LABEL_RADIUS 4.0

typedef struct
{
  gint64          id;
  LinliGeometry  *geometry;
  LinliGridKind   kind;
  GdkRGBA         color;
  char           *name;
  char           *workers;
  PangoLayout    *label;      /* NULL until drawn once */
  cairo_surface_t *label_image; /* the label with its halo, drawn once */
  int             label_scale;
  GskRenderNode  *label_node; /* label_image, for the label layer */
  double          label_lat, label_lon; /* where the label is anchored */
  double          place_lat, place_lon; /* there or nearby, clear of the points */
  gboolean        placed;     /* place_lat and place_lon are worked out */
  double          unit_width; /* of the grid at zoom level 0, in world pixels */

  /* In world pixels at the zoom of the layer's world_zoom. */
  double         *xy;         /* every ring's points, x and y */
  double         *unit_xy;    /* the same at zoom level 0, projected once */
  double          unit_min_x, unit_min_y, unit_max_x, unit_max_y;
  guint          *ring_sizes; /* points in each ring */
  guint           n_rings;
  double         *draw_xy;    /* xy without the points within SIMPLIFY of the outline */
  guint          *draw_sizes; /* points of each ring of draw_xy */
  gboolean        simplified; /* draw_xy is of the layer's world_zoom */
  double          min_x, min_y, max_x, max_y;
  double          label_w, label_h;   /* 0 wide for a grid with no label */
  double          label_x, label_y;   /* in world pixels, where drawn into the tiles */
  gboolean        label_in_tiles;     /* at the layer's world_zoom */
} DrawnGrid;

struct _LinliGridLayer
{
  ShumateLayer       parent_instance;

  GListModel        *grids;
  LinliRecordNames  *workers;
  GPtrArray         *drawn;   /* DrawnGrid, management grids first */
  LinliGridIndex    *index;
  LinliTileCache    *tiles;
  LinliOutlineRaster *raster;
  double             world_zoom;
  gint64             selected;
  GtkWidget         *label_layer; /* NULL while the labels are in the tiles */
  GPtrArray         *avoided;     /* LinliPointLayer whose symbols the labels keep clear of */
  GArray            *symbols;     /* x, y and reach of those symbols in world pixels at placed_zoom */
  GHashTable        *symbol_cells; /* cell key → GArray of the guint indices of the symbols in it */
  double             symbol_reach; /* the furthest any of them reaches */
  double             placed_zoom; /* of the labels' places */
  guint              placed_key;  /* of the symbols, changed with them */
  double             top_inset;   /* the band at the top the labels keep out of */
};

G_DEFINE_FINAL_TYPE (LinliGridLayer, linli_grid_layer, SHUMATE_TYPE_LAYER)

/* The grids' labels, above every other layer but the overlays. */
G_DECLARE_FINAL_TYPE (LinliGridLabelLayer, linli_grid_label_layer, LINLI, GRID_LABEL_LAYER, ShumateLayer)

struct _LinliGridLabelLayer
{
  ShumateLayer    parent_instance;

  LinliGridLayer *grids;  /* not a reference: the grid layer owns this one */
};

G_DEFINE_FINAL_TYPE (LinliGridLabelLayer, linli_grid_label_layer, SHUMATE_TYPE_LAYER)

static void
drawn_grid_free (gpointer data)
{
  DrawnGrid *grid = data;

  linli_geometry_free (grid->geometry);
  g_free (grid->name);
  g_free (grid->workers);
  g_clear_object (&grid->label);
  g_clear_pointer (&grid->label_image, cairo_surface_destroy);
  g_clear_pointer (&grid->label_node, gsk_render_node_unref);
  g_free (grid->xy);
  g_free (grid->ring_sizes);
  g_free (grid->draw_xy);
  g_free (grid->draw_sizes);
  g_free (grid->unit_xy);
  g_free (grid);
}

static int
compare_kind (gconstpointer a,
              gconstpointer b)
{
  const DrawnGrid *x = *(DrawnGrid **) a, *y = *(DrawnGrid **) b;
  return (int) x->kind - (int) y->kind;
}

static void
rebuild (LinliGridLayer *self)
{
  guint n = self->grids ? g_list_model_get_n_items (self->grids) : 0;

  g_ptr_array_set_size (self->drawn, 0);
  g_clear_pointer (&self->index, linli_grid_index_free);
  self->index = linli_grid_index_new ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LinliRecord) grid = g_list_model_get_item (self->grids, i);
      const char *boundary = linli_record_get_text (grid, "boundary");
      g_autoptr(GError) error = NULL;
      LinliGeometry *geometry;
      DrawnGrid *drawn;

      if (boundary == NULL)
        continue;
      geometry = linli_geometry_parse (boundary, &error);
      if (geometry == NULL)
        {
          g_warning ("Grid %s has an outline that cannot be drawn: %s",
                     linli_record_get_text (grid, "code"), error->message);
          continue;
        }
      drawn = g_new0 (DrawnGrid, 1);
      drawn->id = linli_record_get_id (grid);
      drawn->geometry = geometry;
      drawn->kind = linli_record_get_enum (grid, "kind");
      drawn->name = g_strdup (linli_record_get_text (grid, "name"));
      if (self->workers != NULL && drawn->kind == LINLI_GRID_KIND_MANAGEMENT)
        drawn->workers = linli_record_names_join (self->workers, linli_record_get_refs (grid, "workers"));
      if (!gdk_rgba_parse (&drawn->color, linli_record_get_text (grid, "color")))
        gdk_rgba_parse (&drawn->color, "#3584e4");
      g_ptr_array_add (self->drawn, drawn);
      linli_grid_index_add (self->index, drawn->id, drawn->kind, geometry);
    }
  g_ptr_array_sort (self->drawn, compare_kind);
  self->world_zoom = NAN;
  g_clear_pointer (&self->symbols, g_array_unref);
  linli_tile_cache_invalidate (self->tiles);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->label_layer != NULL)
    gtk_widget_queue_draw (self->label_layer);
}

static void
grids_changed_cb (LinliGridLayer *self)
{
  rebuild (self);
}

static PangoLayout *
create_label (LinliGridLayer  *self,
              const DrawnGrid *grid)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  g_autofree char *markup = NULL;

  if (grid->kind == LINLI_GRID_KIND_SENTIMENT)
    markup = g_markup_printf_escaped ("<b>%s</b>", grid->name);
  else if (grid->workers != NULL && *grid->workers != '\0')
    markup = g_markup_printf_escaped ("%s\n<small>%s</small>", grid->name, grid->workers);
  else
    markup = g_markup_escape_text (grid->name, -1);
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  return layout;
}

/* The label of @grid and its place: made once. Management grids are
 * labelled at their centre; a public sentiment grid, which spans several
 * of them, along the inside of its top edge, in its own colour, so the two
 * never sit on top of each other. */
static void
prepare_label (LinliGridLayer *self,
               DrawnGrid      *grid)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  LinliBounds bounds;
  LinliPoint at;
  double x0, x1, y;
  int width, height;

  if (grid->label != NULL)
    return;
  grid->label = create_label (self, grid);
  pango_layout_get_pixel_size (grid->label, &width, &height);
  grid->label_w = width;
  grid->label_h = height;
  at = linli_geometry_get_label_point (grid->geometry);
  if (isnan (at.lat))
    {
      grid->label_w = 0;
      return;
    }
  bounds = linli_geometry_get_bounds (grid->geometry);
  if (grid->kind == LINLI_GRID_KIND_SENTIMENT)
    at.lat = bounds.max_lat;
  grid->label_lat = at.lat;
  grid->label_lon = at.lon;
  linli_world_from_location (viewport, 0, at.lat, bounds.min_lon, &x0, &y);
  linli_world_from_location (viewport, 0, at.lat, bounds.max_lon, &x1, &y);
  grid->unit_width = x1 - x0;
}

/* Whether the grid is wide enough at @zoom to say its name. */
static gboolean
label_fits (const DrawnGrid *grid,
            double           zoom)
{
  return grid->label_w > 0 && grid->label_w <= grid->unit_width * exp2 (zoom) / LABEL_FIT;
}

/* Where the label's top left corner is, relative to its anchor. */
static void
label_offset (const DrawnGrid *grid,
              double          *dx,
              double          *dy)
{
  *dx = -grid->label_w / 2.0;
  *dy = grid->kind == LINLI_GRID_KIND_SENTIMENT ? LABEL_PAD + 3 : -grid->label_h / 2.0;
}

/* World pixels of every outline and label at @zoom. */
static void
project (LinliGridLayer *self,
         double          zoom)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double size = exp2 (zoom);

  if (self->world_zoom == zoom)
    return;
  self->world_zoom = zoom;

  for (guint i = 0; i < self->drawn->len; i++)
    {
      DrawnGrid *grid = g_ptr_array_index (self->drawn, i);
      guint n_total = 0, k = 0;

      for (guint r = 0; r < linli_geometry_get_n_rings (grid->geometry); r++)
        {
          guint n;
          linli_geometry_get_ring (grid->geometry, r, &n, NULL);
          n_total += n;
        }
      /* World pixels only double from a level to the next: the places
       * are projected once, at level 0, and scaled. */
      if (grid->unit_xy == NULL)
        {
          grid->n_rings = linli_geometry_get_n_rings (grid->geometry);
          grid->ring_sizes = g_new (guint, MAX (grid->n_rings, 1));
          grid->unit_xy = g_new (double, 2 * MAX (n_total, 1));
          grid->xy = g_new (double, 2 * MAX (n_total, 1));
          grid->draw_xy = g_new (double, 2 * MAX (n_total, 1));
          grid->draw_sizes = g_new (guint, MAX (grid->n_rings, 1));
          for (guint r = 0; r < grid->n_rings; r++)
            {
              guint n;
              const LinliPoint *points = linli_geometry_get_ring (grid->geometry, r, &n, NULL);

              grid->ring_sizes[r] = n;
              for (guint j = 0; j < n; j++, k++)
                linli_world_from_location (viewport, 0, points[j].lat, points[j].lon,
                                           &grid->unit_xy[2 * k], &grid->unit_xy[2 * k + 1]);
            }
          grid->unit_min_x = grid->unit_min_y = INFINITY;
          grid->unit_max_x = grid->unit_max_y = -INFINITY;
          for (k = 0; k < n_total; k++)
            {
              grid->unit_min_x = MIN (grid->unit_min_x, grid->unit_xy[2 * k]);
              grid->unit_max_x = MAX (grid->unit_max_x, grid->unit_xy[2 * k]);
              grid->unit_min_y = MIN (grid->unit_min_y, grid->unit_xy[2 * k + 1]);
              grid->unit_max_y = MAX (grid->unit_max_y, grid->unit_xy[2 * k + 1]);
            }
        }
      grid->min_x = grid->min_y = INFINITY;
      grid->max_x = grid->max_y = -INFINITY;
      for (k = 0; k < n_total; k++)
        {
          double *p = &grid->xy[2 * k];

          p[0] = grid->unit_xy[2 * k] * size;
          p[1] = grid->unit_xy[2 * k + 1] * size;
          grid->min_x = MIN (grid->min_x, p[0]);
          grid->max_x = MAX (grid->max_x, p[0]);
          grid->min_y = MIN (grid->min_y, p[1]);
          grid->max_y = MAX (grid->max_y, p[1]);
        }
      grid->simplified = FALSE;

      prepare_label (self, grid);
      grid->label_in_tiles = self->label_layer == NULL && label_fits (grid, zoom);
      if (grid->label_in_tiles)
        {
          double dx, dy;

          linli_world_from_location (viewport, zoom, grid->label_lat, grid->label_lon,
                                     &grid->label_x, &grid->label_y);
          label_offset (grid, &dx, &dy);
          /* On whole pixels, so that its image is copied, not resampled. */
          grid->label_x = round (grid->label_x + dx);
          grid->label_y = round (grid->label_y + dy);
        }
    }
}

/* What is drawn leaves out detail finer than SIMPLIFY world pixels: worked
 * out when a grid is first drawn at a level, as most are out of view. */
static void
simplify (DrawnGrid *grid)
{
  if (grid->simplified)
    return;
  grid->simplified = TRUE;
  for (guint r = 0, from = 0, to = 0; r < grid->n_rings; from += grid->ring_sizes[r], r++)
    {
      grid->draw_sizes[r] = linli_outline_simplify (&grid->xy[2 * from], grid->ring_sizes[r],
                                                    SIMPLIFY, &grid->draw_xy[2 * to]);
      to += grid->draw_sizes[r];
    }
}

static void
trace (cairo_t         *cr,
       const DrawnGrid *grid)
{
  guint k = 0;

  cairo_new_path (cr);
  for (guint r = 0; r < grid->n_rings; r++)
    {
      for (guint j = 0; j < grid->draw_sizes[r]; j++, k++)
        {
          if (j == 0)
            cairo_move_to (cr, grid->draw_xy[2 * k], grid->draw_xy[2 * k + 1]);
          else
            cairo_line_to (cr, grid->draw_xy[2 * k], grid->draw_xy[2 * k + 1]);
        }
      cairo_close_path (cr);
    }
}

/* A management grid's part of the tile: its fill and outline as one mask
 * (LinliOutlineRaster), the same as filling it at 0.22 and stroking it
 * two pixels wide at 0.9 in its colour, at a fraction of cairo's cost for
 * an outline of hundreds of vertices. */
static void
draw_management (LinliGridLayer  *self,
                 cairo_t         *cr,
                 const DrawnGrid *grid)
{
  cairo_surface_t *target = cairo_get_target (cr);
  const GdkRGBA *c = &grid->color;
  cairo_matrix_t m;
  cairo_surface_t *mask;
  double reach;
  int x0, y0, x1, y1;

  /* The tile's cairo_t maps world pixels to its image by a scale and a
   * translation. */
  cairo_get_matrix (cr, &m);
  reach = m.xx * LINE_WIDTH / 2 + 1;
  x0 = MAX (0, (int) floor (grid->min_x * m.xx + m.x0 - reach));
  y0 = MAX (0, (int) floor (grid->min_y * m.yy + m.y0 - reach));
  x1 = MIN (cairo_image_surface_get_width (target), (int) ceil (grid->max_x * m.xx + m.x0 + reach));
  y1 = MIN (cairo_image_surface_get_height (target), (int) ceil (grid->max_y * m.yy + m.y0 + reach));
  if (x1 <= x0 || y1 <= y0)
    return;

  mask = linli_outline_raster_draw (self->raster, grid->draw_xy, grid->draw_sizes, grid->n_rings,
                                    m.xx, m.x0, m.y0, x0, y0, x1 - x0, y1 - y0,
                                    LINE_WIDTH, 0.9, 0.22);
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_source_rgb (cr, c->red, c->green, c->blue);
  cairo_mask_surface (cr, mask, x0, y0);
  cairo_restore (cr);
  cairo_surface_destroy (mask);
}

static gboolean
overlaps (double x0, double y0, double x1, double y1,
          double tx, double ty)
{
  return x1 >= tx && x0 <= tx + LINLI_TILE_SIZE && y1 >= ty && y0 <= ty + LINLI_TILE_SIZE;
}

/* A public sentiment grid: dashed, traced whole so that its dashes line
 * up from tile to tile. */
static void
draw_dashed (cairo_t         *cr,
             const DrawnGrid *grid)
{
  const GdkRGBA *c = &grid->color;

  static const double dashes[] = { 8, 5 };

  cairo_set_source_rgba (cr, c->red, c->green, c->blue, 0.95);
  cairo_set_line_width (cr, LINE_WIDTH_MAX);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_stroke (cr);
}

/* The label, on a light rounded background that keeps it readable over
 * the fills, outlines and discs of cases it lies on, into an image of its
 * own: text is the slowest thing on the map to draw, and a label looks the
 * same at every zoom level. */
static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + width - r, y + height - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + height - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static cairo_surface_t *
label_image (LinliGridLayer *self,
             DrawnGrid      *grid)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  cairo_t *cr;

  if (grid->label_image != NULL && grid->label_scale == scale)
    return grid->label_image;

  g_clear_pointer (&grid->label_image, cairo_surface_destroy);
  grid->label_scale = scale;
  grid->label_image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                  (int) (grid->label_w + 2 * LABEL_PAD) * scale,
                                                  (int) (grid->label_h + 2 * LABEL_PAD) * scale);
  cairo_surface_set_device_scale (grid->label_image, scale, scale);
  cr = cairo_create (grid->label_image);
  rounded_rectangle (cr, 0.5, 0.5, grid->label_w + 2 * LABEL_PAD - 1, grid->label_h + 2 * LABEL_PAD - 1,
                     LABEL_RADIUS);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.15);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_move_to (cr, LABEL_PAD, LABEL_PAD);
  if (grid->kind == LINLI_GRID_KIND_SENTIMENT)
    gdk_cairo_set_source_rgba (cr, &grid->color);
  else
    cairo_set_source_rgba (cr, 0.14, 0.14, 0.16, 1);
  pango_cairo_show_layout (cr, grid->label);
  cairo_destroy (cr);
  return grid->label_image;
}

static void
draw_label (LinliGridLayer *self,
            cairo_t        *cr,
            DrawnGrid      *grid)
{
  cairo_set_source_surface (cr, label_image (self, grid), grid->label_x - LABEL_PAD, grid->label_y - LABEL_PAD);
  cairo_paint (cr);
}

/* How far a label may move off its place, in pixels, by steps. */
#define SHIFT_X_STEP 12
#define SHIFT_Y_STEP 8
#define SHIFT_STEPS 6
/* A label with more symbols than this around it stays at its place. */
#define MAX_NEAR_SYMBOLS 40
/* Room kept between a label and a symbol it moved off. */
#define SHIFT_GAP 2

typedef struct
{
  int    x, y;
  double cost;
} Shift;

static int
compare_shifts (gconstpointer a,
                gconstpointer b)
{
  const Shift *s = a, *t = b;
  return (s->cost > t->cost) - (s->cost < t->cost);
}

/* How many of the symbols (x, y, reach) the rectangle covers. */
static guint
n_covered (const double *symbols,
           const guint  *near,
           guint         n_near,
           double        x0,
           double        y0,
           double        x1,
           double        y1)
{
  guint n = 0;

  for (guint i = 0; i < n_near; i++)
    {
      const double *s = &symbols[3 * near[i]];
      double dx = CLAMP (s[0], x0, x1) - s[0];
      double dy = CLAMP (s[1], y0, y1) - s[1];

      n += dx * dx + dy * dy < (s[2] + SHIFT_GAP) * (s[2] + SHIFT_GAP);
    }
  return n;
}

/* Whether the world pixel (@x, @y) at @zoom is in @grid: even-odd over
 * its rings as projected at level 0, without the projection or the index
 * the hundreds of places tried for a label would cost. */
static gboolean
inside (const DrawnGrid *grid,
        double           zoom,
        double           x,
        double           y)
{
  double f = exp2 (-zoom);
  gboolean in = FALSE;
  guint k = 0;

  if (grid->unit_xy == NULL)
    return TRUE;
  x *= f;
  y *= f;
  if (x < grid->unit_min_x || x > grid->unit_max_x || y < grid->unit_min_y || y > grid->unit_max_y)
    return FALSE;
  for (guint r = 0; r < grid->n_rings; k += grid->ring_sizes[r], r++)
    {
      const double *p = &grid->unit_xy[2 * k];
      guint n = grid->ring_sizes[r];

      for (guint i = 0, j = n - 1; i < n; j = i++)
        if ((p[2 * i + 1] > y) != (p[2 * j + 1] > y) &&
            x < (p[2 * j] - p[2 * i]) * (y - p[2 * i + 1]) / (p[2 * j + 1] - p[2 * i + 1]) + p[2 * i])
          in = !in;
    }
  return in;
}

/* Symbols are found by the cell of CELL_SIZE world pixels they are in. */
#define CELL_SIZE 256

static gint64
cell_key (double x,
          double y)
{
  gint64 cx = (gint64) floor (x / CELL_SIZE), cy = (gint64) floor (y / CELL_SIZE);
  return (gint64) (((guint64) cx << 32) ^ ((guint64) cy & 0xffffffff));
}

/* The symbols the labels keep clear of, gathered again when they change:
 * at the zoom level the points were last drawn at, as the labels are
 * placed, so that a zoom in progress, which shows the points of that
 * level scaled, moves no label. Returns FALSE if there are none. */
static gboolean
gather_symbols (LinliGridLayer *self)
{
  guint key = 17;

  for (guint i = 0; i < self->avoided->len; i++)
    {
      double at_zoom;
      guint n, stamp;
      const double *s = linli_point_layer_get_symbols (g_ptr_array_index (self->avoided, i), &at_zoom, &n, &stamp);

      key = key * 31 + stamp * 2 + (s != NULL);
    }
  if (key == self->placed_key && self->symbols != NULL)
    return self->symbols->len > 0;
  self->placed_key = key;
  self->placed_zoom = NAN;
  for (guint i = 0; i < self->drawn->len; i++)
    ((DrawnGrid *) g_ptr_array_index (self->drawn, i))->placed = FALSE;
  if (self->symbols == NULL)
    self->symbols = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_set_size (self->symbols, 0);
  g_hash_table_remove_all (self->symbol_cells);
  self->symbol_reach = 0;

  for (guint i = 0; i < self->avoided->len; i++)
    {
      double at_zoom, f;
      guint n, stamp;
      const double *s = linli_point_layer_get_symbols (g_ptr_array_index (self->avoided, i), &at_zoom, &n, &stamp);

      if (n == 0)
        continue;
      if (isnan (self->placed_zoom))
        self->placed_zoom = at_zoom;
      f = exp2 (self->placed_zoom - at_zoom);
      for (guint j = 0; j < n; j++)
        {
          double symbol[3] = { s[3 * j] * f, s[3 * j + 1] * f, s[3 * j + 2] };
          gint64 at = cell_key (symbol[0], symbol[1]);
          GArray *cell = g_hash_table_lookup (self->symbol_cells, &at);
          guint index = self->symbols->len / 3;

          if (cell == NULL)
            {
              cell = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (self->symbol_cells, g_memdup2 (&at, sizeof at), cell);
            }
          g_array_append_val (cell, index);
          g_array_append_vals (self->symbols, symbol, 3);
          self->symbol_reach = MAX (self->symbol_reach, symbol[2]);
        }
    }
  return self->symbols->len > 0;
}

/* Where the label of @grid goes: its own place if no disc or symbol of
 * the points avoided is under it, else the nearest place, moving up or
 * down rather than sideways, that covers the fewest and, of those, has
 * the fewest corners out of its grid. The middle of the label stays in its
 * grid, and a public sentiment grid's name along its top edge. Worked
 * out once for the labels in view, again when the points change. */
static void
place_label (LinliGridLayer *self,
             DrawnGrid      *grid)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  g_autoptr(GArray) near = NULL;
  const double *symbols;
  static Shift shifts[(2 * SHIFT_STEPS + 1) * (2 * SHIFT_STEPS + 1)];
  static gsize shifts_made;
  double zoom = self->placed_zoom;
  double ax, ay, dx, dy, x0, y0, x1, y1;
  guint best = G_MAXUINT;

  if (grid->placed)
    return;
  grid->placed = TRUE;
  grid->place_lat = grid->label_lat;
  grid->place_lon = grid->label_lon;
  if (self->symbols == NULL || self->symbols->len == 0 || !label_fits (grid, zoom))
    return;

  if (g_once_init_enter (&shifts_made))
    {
      guint n = 0;

      for (int y = -SHIFT_STEPS; y <= SHIFT_STEPS; y++)
        for (int x = -SHIFT_STEPS; x <= SHIFT_STEPS; x++)
          shifts[n++] = (Shift) { x * SHIFT_X_STEP, y * SHIFT_Y_STEP, 2.0 * x * x + y * y };
      qsort (shifts, n, sizeof *shifts, compare_shifts);
      g_once_init_leave (&shifts_made, 1);
    }

  linli_world_from_location (viewport, zoom, grid->label_lat, grid->label_lon, &ax, &ay);
  label_offset (grid, &dx, &dy);
  x0 = ax + dx - LABEL_PAD;
  y0 = ay + dy - LABEL_PAD;
  x1 = x0 + grid->label_w + 2 * LABEL_PAD;
  y1 = y0 + grid->label_h + 2 * LABEL_PAD;
  /* The symbols any of its places could cover. */
  near = g_array_new (FALSE, FALSE, sizeof (guint));
  symbols = (const double *) (gpointer) self->symbols->data;
  {
    double reach = self->symbol_reach + SHIFT_GAP;
    double nx0 = x0 - SHIFT_STEPS * SHIFT_X_STEP - reach, nx1 = x1 + SHIFT_STEPS * SHIFT_X_STEP + reach;
    double ny0 = y0 - SHIFT_STEPS * SHIFT_Y_STEP - reach, ny1 = y1 + SHIFT_STEPS * SHIFT_Y_STEP + reach;

    for (double cy = floor (ny0 / CELL_SIZE) * CELL_SIZE; cy <= ny1; cy += CELL_SIZE)
      for (double cx = floor (nx0 / CELL_SIZE) * CELL_SIZE; cx <= nx1; cx += CELL_SIZE)
        {
          gint64 key = cell_key (cx + 1, cy + 1);
          GArray *cell = g_hash_table_lookup (self->symbol_cells, &key);

          for (guint c = 0; cell != NULL && c < cell->len; c++)
            {
              guint j = g_array_index (cell, guint, c);
              const double *s = &symbols[3 * j];

              if (s[0] >= nx0 && s[0] <= nx1 && s[1] >= ny0 && s[1] <= ny1)
                g_array_append_val (near, j);
            }
        }
  }
  /* So crowded that no place would be clear: not worth the time. */
  if (near->len > MAX_NEAR_SYMBOLS)
    return;

  for (guint k = 0; k < G_N_ELEMENTS (shifts) && best > 0; k++)
    {
      const Shift *shift = &shifts[k];
      double sx0 = x0 + shift->x, sy0 = y0 + shift->y, sx1 = x1 + shift->x, sy1 = y1 + shift->y;
      guint n;

      /* A public sentiment grid's name stays along its top edge. */
      if (grid->kind == LINLI_GRID_KIND_SENTIMENT && shift->y != 0)
        continue;
      /* Covering a symbol weighs more than all four corners out. */
      n = 5 * n_covered (symbols, (const guint *) (gpointer) near->data, near->len, sx0, sy0, sx1, sy1);
      if (n >= best)
        continue;
      /* Its own place is always allowed. */
      if ((shift->x != 0 || shift->y != 0) && !inside (grid, zoom, (sx0 + sx1) / 2, (sy0 + sy1) / 2))
        continue;
      if (grid->kind == LINLI_GRID_KIND_MANAGEMENT)
        n += !inside (grid, zoom, sx0, sy0) + !inside (grid, zoom, sx1, sy0) +
             !inside (grid, zoom, sx0, sy1) + !inside (grid, zoom, sx1, sy1);
      if (n >= best)
        continue;
      best = n;
      linli_location_from_world (viewport, zoom, ax + shift->x, ay + shift->y, &grid->place_lat, &grid->place_lon);
    }
}

/* The label's image as a render node at its place, (0, 0) being the top
 * left of the text: replayed as one copy each frame, and kept by the GL
 * renderer as a texture. */
static GskRenderNode *
label_node (LinliGridLayer *self,
            DrawnGrid      *grid)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  cairo_surface_t *image;
  cairo_t *cr;

  if (grid->label_node != NULL && grid->label_scale == scale)
    return grid->label_node;

  g_clear_pointer (&grid->label_node, gsk_render_node_unref);
  image = label_image (self, grid);
  grid->label_node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (-LABEL_PAD, -LABEL_PAD,
                                                              grid->label_w + 2 * LABEL_PAD,
                                                              grid->label_h + 2 * LABEL_PAD));
  cr = gsk_cairo_node_get_draw_context (grid->label_node);
  cairo_set_source_surface (cr, image, -LABEL_PAD, -LABEL_PAD);
  cairo_paint (cr);
  cairo_destroy (cr);
  return grid->label_node;
}

/* Every label that fits its grid at the view's zoom, placed through the
 * viewport (upright however the map is turned) on whole device pixels. */
static void
snapshot_labels (LinliGridLayer *self,
                 GtkWidget      *widget,
                 GtkSnapshot    *snapshot)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double zoom = shumate_viewport_get_zoom_level (viewport);
  int scale = gtk_widget_get_scale_factor (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gboolean avoiding = gather_symbols (self);

  for (guint i = 0; i < self->drawn->len; i++)
    {
      DrawnGrid *grid = g_ptr_array_index (self->drawn, i);
      double x, y, dx, dy;

      prepare_label (self, grid);
      if (!label_fits (grid, zoom))
        continue;
      if (avoiding && !grid->placed)
        {
          /* Placed only if it might be in view. */
          double reach = SHIFT_STEPS * MAX (SHIFT_X_STEP, SHIFT_Y_STEP) + MAX (grid->label_w, grid->label_h);

          shumate_viewport_location_to_widget_coords (viewport, widget, grid->label_lat, grid->label_lon, &x, &y);
          if (x + reach < 0 || x - reach > width || y + reach < 0 || y - reach > height)
            continue;
          place_label (self, grid);
        }
      if (avoiding)
        shumate_viewport_location_to_widget_coords (viewport, widget, grid->place_lat, grid->place_lon, &x, &y);
      else
        shumate_viewport_location_to_widget_coords (viewport, widget, grid->label_lat, grid->label_lon, &x, &y);
      label_offset (grid, &dx, &dy);
      x = round ((x + dx) * scale) / scale;
      y = round ((y + dy) * scale) / scale;
      if (x + grid->label_w + LABEL_PAD < 0 || x - LABEL_PAD > width || y - LABEL_PAD > height)
        continue;
      /* Not under the toolbar: just below it, while its grid is there,
       * as a grid seen close up keeps its name in view. */
      if (y - LABEL_PAD < self->top_inset)
        {
          double lat, lon, wx, wy;

          y = ceil ((self->top_inset + LABEL_PAD) * scale) / scale;
          shumate_viewport_widget_coords_to_location (viewport, widget, x + grid->label_w / 2,
                                                      y + grid->label_h / 2, &lat, &lon);
          linli_world_from_location (viewport, zoom, lat, lon, &wx, &wy);
          if (!inside (grid, zoom, wx, wy))
            continue;
        }
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
      gtk_snapshot_append_node (snapshot, label_node (self, grid));
      gtk_snapshot_restore (snapshot);
    }
}

static gboolean
draw_tile_cb (cairo_t  *cr,
              double    zoom,
              double    tx,
              double    ty,
              gpointer  user_data)
{
  LinliGridLayer *self = user_data;
  double m = LINE_WIDTH_MAX;
  gboolean drawn = FALSE;

  project (self, zoom);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  /* Mitred, not round: far fewer edges for cairo to fill. Cairo's fast
   * antialiasing strokes a long outline three times as fast as its default,
   * and looks the same on lines two pixels wide. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);

  for (guint i = 0; i < self->drawn->len; i++)
    {
      DrawnGrid *grid = g_ptr_array_index (self->drawn, i);

      if (!overlaps (grid->min_x - m, grid->min_y - m, grid->max_x + m, grid->max_y + m, tx, ty))
        continue;
      simplify (grid);
      if (grid->kind == LINLI_GRID_KIND_SENTIMENT)
        {
          trace (cr, grid);
          draw_dashed (cr, grid);
        }
      else
        draw_management (self, cr, grid);
      drawn = TRUE;
    }

  cairo_set_dash (cr, NULL, 0, 0);
  for (guint i = 0; i < self->drawn->len; i++)
    {
      DrawnGrid *grid = g_ptr_array_index (self->drawn, i);

      if (!grid->label_in_tiles ||
          !overlaps (grid->label_x - m, grid->label_y - m,
                     grid->label_x + grid->label_w + m, grid->label_y + grid->label_h + m, tx, ty))
        continue;
      draw_label (self, cr, grid);
      drawn = TRUE;
    }
  return drawn;
}

static const DrawnGrid *
find_drawn (LinliGridLayer *self,
            gint64          id)
{
  for (guint i = 0; id != 0 && i < self->drawn->len; i++)
    {
      const DrawnGrid *grid = g_ptr_array_index (self->drawn, i);
      if (grid->id == id)
        return grid;
    }
  return NULL;
}

/* The selected grid, outlined thick in the accent colour over the tiles. */
static void
snapshot_selected (LinliGridLayer *self,
                   GtkSnapshot    *snapshot)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  GtkWidget *widget = GTK_WIDGET (self);
  const DrawnGrid *grid = find_drawn (self, self->selected);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (grid == NULL)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_new_path (cr);
  for (guint r = 0; r < linli_geometry_get_n_rings (grid->geometry); r++)
    {
      guint n;
      const LinliPoint *points = linli_geometry_get_ring (grid->geometry, r, &n, NULL);

      for (guint j = 0; j < n; j++)
        {
          double x, y;
          shumate_viewport_location_to_widget_coords (viewport, widget, points[j].lat, points[j].lon, &x, &y);
          if (j == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
    }
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_set_line_width (cr, 7);
  cairo_stroke_preserve (cr);
  /* libadwaita's blue 4, its default accent. */
  cairo_set_source_rgba (cr, 0x1c / 255.0, 0x71 / 255.0, 0xd8 / 255.0, 1);
  cairo_set_line_width (cr, 4);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
linli_grid_layer_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  LinliGridLayer *self = LINLI_GRID_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));

  if (self->drawn->len == 0)
    return;
  linli_tile_cache_snapshot (self->tiles, snapshot, widget, viewport);
  snapshot_selected (self, snapshot);
}

static void
viewport_changed_cb (LinliGridLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
linli_grid_layer_constructed (GObject *object)
{
  LinliGridLayer *self = LINLI_GRID_LAYER (object);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));

  G_OBJECT_CLASS (linli_grid_layer_parent_class)->constructed (object);

  g_signal_connect_object (viewport, "notify", G_CALLBACK (viewport_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
linli_grid_layer_dispose (GObject *object)
{
  LinliGridLayer *self = LINLI_GRID_LAYER (object);

  if (self->grids != NULL)
    g_signal_handlers_disconnect_by_func (self->grids, grids_changed_cb, self);
  g_clear_object (&self->grids);
  if (self->workers != NULL)
    g_signal_handlers_disconnect_by_func (self->workers, grids_changed_cb, self);
  g_clear_object (&self->workers);
  if (self->label_layer != NULL)
    {
      LINLI_GRID_LABEL_LAYER (self->label_layer)->grids = NULL;
      g_clear_object (&self->label_layer);
    }
  g_ptr_array_set_size (self->avoided, 0);

  G_OBJECT_CLASS (linli_grid_layer_parent_class)->dispose (object);
}

static void
linli_grid_layer_finalize (GObject *object)
{
  LinliGridLayer *self = LINLI_GRID_LAYER (object);

  g_clear_pointer (&self->drawn, g_ptr_array_unref);
  g_clear_pointer (&self->avoided, g_ptr_array_unref);
  g_clear_pointer (&self->symbols, g_array_unref);
  g_clear_pointer (&self->symbol_cells, g_hash_table_unref);
  g_clear_pointer (&self->index, linli_grid_index_free);
  g_clear_pointer (&self->tiles, linli_tile_cache_free);
  g_clear_pointer (&self->raster, linli_outline_raster_free);

  G_OBJECT_CLASS (linli_grid_layer_parent_class)->finalize (object);
}

static void
linli_grid_layer_class_init (LinliGridLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = linli_grid_layer_constructed;
  object_class->dispose = linli_grid_layer_dispose;
  object_class->finalize = linli_grid_layer_finalize;
  widget_class->snapshot = linli_grid_layer_snapshot;
}

static void
linli_grid_layer_init (LinliGridLayer *self)
{
  self->drawn = g_ptr_array_new_with_free_func (drawn_grid_free);
  self->index = linli_grid_index_new ();
  self->tiles = linli_tile_cache_new (draw_tile_cb, self);
  self->raster = linli_outline_raster_new ();
  self->world_zoom = NAN;
  self->placed_zoom = NAN;
  self->avoided = g_ptr_array_new_with_free_func (g_object_unref);
  self->symbol_cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                              (GDestroyNotify) g_array_unref);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

static void
linli_grid_label_layer_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  LinliGridLabelLayer *self = LINLI_GRID_LABEL_LAYER (widget);

  if (self->grids == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->grids)))
    return;
  snapshot_labels (self->grids, widget, snapshot);
}

static void
linli_grid_label_layer_constructed (GObject *object)
{
  G_OBJECT_CLASS (linli_grid_label_layer_parent_class)->constructed (object);

  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (object)), "notify",
                           G_CALLBACK (gtk_widget_queue_draw), object, G_CONNECT_SWAPPED);
}

static void
linli_grid_label_layer_class_init (LinliGridLabelLayerClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = linli_grid_label_layer_constructed;
  GTK_WIDGET_CLASS (klass)->snapshot = linli_grid_label_layer_snapshot;
}

static void
linli_grid_label_layer_init (LinliGridLabelLayer *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

LinliGridLayer *
linli_grid_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (LINLI_TYPE_GRID_LAYER, "viewport", viewport, NULL);
}

/**
 * linli_grid_layer_set_grids:
 * @grids: (nullable): a #GListModel of #LinliGrid
 *
 * Draws these grids, following the model's changes.
 */
void
linli_grid_layer_set_grids (LinliGridLayer *self,
                            GListModel     *grids)
{
  g_return_if_fail (LINLI_IS_GRID_LAYER (self));
  g_return_if_fail (grids == NULL || G_IS_LIST_MODEL (grids));

  if (self->grids != NULL)
    g_signal_handlers_disconnect_by_func (self->grids, grids_changed_cb, self);
  g_set_object (&self->grids, grids);
  if (grids != NULL)
    g_signal_connect_swapped (grids, "items-changed", G_CALLBACK (grids_changed_cb), self);
  rebuild (self);
}

/**
 * linli_grid_layer_set_workers:
 * @workers: (nullable): the workers' names, to label the management grids
 */
void
linli_grid_layer_set_workers (LinliGridLayer   *self,
                              LinliRecordNames *workers)
{
  g_return_if_fail (LINLI_IS_GRID_LAYER (self));
  g_return_if_fail (workers == NULL || LINLI_IS_RECORD_NAMES (workers));

  if (self->workers != NULL)
    g_signal_handlers_disconnect_by_func (self->workers, grids_changed_cb, self);
  g_set_object (&self->workers, workers);
  if (workers != NULL)
    g_signal_connect_swapped (workers, "changed", G_CALLBACK (grids_changed_cb), self);
  rebuild (self);
}

/* How many grids have an outline to draw: for tests. */
guint
linli_grid_layer_get_n_drawn (LinliGridLayer *self)
{
  g_return_val_if_fail (LINLI_IS_GRID_LAYER (self), 0);
  return self->drawn->len;
}

/**
 * linli_grid_layer_grid_at:
 *
 * Returns: the id of the management grid at the place, or else of the
 *   public sentiment grid there, or 0
 */
gint64
linli_grid_layer_grid_at (LinliGridLayer *self,
                          double          latitude,
                          double          longitude)
{
  gint64 management, sentiment;

  g_return_val_if_fail (LINLI_IS_GRID_LAYER (self), 0);

  linli_grid_index_locate (self->index, longitude, latitude, &management, &sentiment);
  return management != 0 ? management : sentiment;
}

/* The management and the public sentiment grid at the place, 0 for none. */
void
linli_grid_layer_locate (LinliGridLayer *self,
                         double          latitude,
                         double          longitude,
                         gint64         *management,
                         gint64         *sentiment)
{
  g_return_if_fail (LINLI_IS_GRID_LAYER (self));

  linli_grid_index_locate (self->index, longitude, latitude, management, sentiment);
}

void
linli_grid_layer_set_selected (LinliGridLayer *self,
                               gint64          grid_id)
{
  g_return_if_fail (LINLI_IS_GRID_LAYER (self));

  if (self->selected == grid_id)
    return;
  self->selected = grid_id;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gint64
linli_grid_layer_get_selected (LinliGridLayer *self)
{
  g_return_val_if_fail (LINLI_IS_GRID_LAYER (self), 0);
  return self->selected;
}

/* Tiles drawn since the layer was made: the benchmark and tests see that
 * panning draws only the tiles coming into view. */
guint
linli_grid_layer_get_n_tiles_drawn (LinliGridLayer *self)
{
  g_return_val_if_fail (LINLI_IS_GRID_LAYER (self), 0);
  return linli_tile_cache_get_n_drawn (self->tiles);
}

/**
 * linli_grid_layer_get_label_layer:
 *
 * The grids' labels as a layer of their own, to be added to the map above
 * the layers of points so that none covers them. From the first call on,
 * the grid layer leaves the labels out of its tiles. The label layer shows
 * nothing while the grid layer is hidden.
 *
 * Returns: (transfer none): the label layer, the same on every call
 */
ShumateLayer *
linli_grid_layer_get_label_layer (LinliGridLayer *self)
{
  g_return_val_if_fail (LINLI_IS_GRID_LAYER (self), NULL);

  if (self->label_layer == NULL)
    {
      LinliGridLabelLayer *labels;

      labels = g_object_new (linli_grid_label_layer_get_type (),
                             "viewport", shumate_layer_get_viewport (SHUMATE_LAYER (self)),
                             NULL);
      labels->grids = self;
      self->label_layer = g_object_ref_sink (GTK_WIDGET (labels));
      self->world_zoom = NAN;
      linli_tile_cache_invalidate (self->tiles);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  return SHUMATE_LAYER (self->label_layer);
}

static void
symbols_changed_cb (LinliGridLayer *self)
{
  if (self->label_layer != NULL)
    gtk_widget_queue_draw (self->label_layer);
}

/**
 * linli_grid_layer_avoid:
 * @points: a layer of points on the same map
 *
 * The labels of the label layer move off the discs and symbols of
 * @points where they can, following their changes. The label layer must
 * be drawn again when @points is shown or hidden.
 */
void
linli_grid_layer_avoid (LinliGridLayer  *self,
                        LinliPointLayer *points)
{
  g_return_if_fail (LINLI_IS_GRID_LAYER (self));
  g_return_if_fail (LINLI_IS_POINT_LAYER (points));

  g_ptr_array_add (self->avoided, g_object_ref (points));
  g_signal_connect_object (points, "symbols-changed", G_CALLBACK (symbols_changed_cb), self, G_CONNECT_SWAPPED);
  g_clear_pointer (&self->symbols, g_array_unref);
  if (self->label_layer != NULL)
    gtk_widget_queue_draw (self->label_layer);
}

/**
 * linli_grid_layer_set_top_inset:
 * @inset: pixels from the top of the map
 *
 * Keeps the grids' names out of the band at the top of the map that the
 * map's toolbar covers.
 */
void
linli_grid_layer_set_top_inset (LinliGridLayer *self,
                                double          inset)
{
  g_return_if_fail (LINLI_IS_GRID_LAYER (self));

  if (self->top_inset == inset)
    return;
  self->top_inset = inset;
  if (self->label_layer != NULL)
    gtk_widget_queue_draw (self->label_layer);
}

double
linli_grid_layer_get_top_inset (LinliGridLayer *self)
{
  g_return_val_if_fail (LINLI_IS_GRID_LAYER (self), 0);
  return self->top_inset;
}
