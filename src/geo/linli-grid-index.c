/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-grid-index"

#include "config.h"

#include <math.h>

#include "linli-grid-index.h"

/* The area the grids cover is cut into rows of latitude and columns of
 * longitude. Each cell lists the grids whose box reaches into it; each grid
 * lists, per row, the edges that span some latitude of that row. A lookup
 * then walks a handful of grids and, for each, the few edges of one row,
 * running the very test linli_geometry_contains() runs on all of them: the
 * edges a horizontal ray through the point can cross are all in its row. */

/* Boxes are widened by this much (about 0.1 mm) so that rounding in the
 * crossing test, a few units in the last place, can never matter. */
#define PAD_DEG 1e-9

typedef struct
{
  double lo_lon, lo_lat;   /* the lower end */
  double hi_lon, hi_lat;
} Edge;

typedef struct
{
  gint64         id;
  guint          kind;
  LinliBounds    box;      /* padded */
  GArray        *edges;    /* Edge, every ring's */

  /* Built: */
  guint          row0;
  guint          n_rows;
  guint         *row_start; /* n_rows + 1 offsets into row_edges */
  Edge          *row_edges;
} Grid;

struct _LinliGridIndex
{
  GPtrArray   *grids;       /* Grid, in the order added */
  gboolean     built;

  LinliBounds  box;
  guint        n_rows, n_cols;
  double       row_height, col_width;
  guint       *cell_start;  /* n_rows * n_cols + 1 offsets into cell_grids */
  guint       *cell_grids;  /* indices into grids, ascending */
};

static void
grid_free (gpointer data)
{
  Grid *grid = data;

  g_array_unref (grid->edges);
  g_free (grid->row_start);
  g_free (grid->row_edges);
  g_free (grid);
}

LinliGridIndex *
linli_grid_index_new (void)
{
  LinliGridIndex *self = g_new0 (LinliGridIndex, 1);

  self->grids = g_ptr_array_new_with_free_func (grid_free);
  return self;
}

void
linli_grid_index_free (LinliGridIndex *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->grids);
  g_free (self->cell_start);
  g_free (self->cell_grids);
  g_free (self);
}

void
linli_grid_index_add (LinliGridIndex      *self,
                      gint64               grid_id,
                      guint                kind,
                      const LinliGeometry *geometry)
{
  Grid *grid;

  g_return_if_fail (self != NULL);
  g_return_if_fail (geometry != NULL);

  grid = g_new0 (Grid, 1);
  grid->id = grid_id;
  grid->kind = kind;
  grid->box = linli_geometry_get_bounds (geometry);
  grid->box.min_lon -= PAD_DEG;
  grid->box.min_lat -= PAD_DEG;
  grid->box.max_lon += PAD_DEG;
  grid->box.max_lat += PAD_DEG;
  grid->edges = g_array_new (FALSE, FALSE, sizeof (Edge));

  for (guint r = 0; r < linli_geometry_get_n_rings (geometry); r++)
    {
      guint n;
      const LinliPoint *p = linli_geometry_get_ring (geometry, r, &n, NULL);

      for (guint i = 0, j = n - 1; i < n; j = i++)
        {
          const LinliPoint *a = &p[i], *b = &p[j];
          const LinliPoint *lo = a->lat < b->lat ? a : b;
          const LinliPoint *hi = a->lat < b->lat ? b : a;
          Edge edge = { lo->lon, lo->lat, hi->lon, hi->lat };

          /* A level edge is never crossed by a level ray. */
          if (a->lat == b->lat)
            continue;
          g_array_append_val (grid->edges, edge);
        }
    }

  g_ptr_array_add (self->grids, grid);
  self->built = FALSE;
}

guint
linli_grid_index_get_n_grids (const LinliGridIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->grids->len;
}

/* Monotonic in @lat, so an edge from lo to hi is listed in every row a
 * latitude between them falls in. */
static inline guint
row_of (const LinliGridIndex *self,
        double                lat)
{
  double r = floor ((lat - self->box.min_lat) / self->row_height);
  return r <= 0 ? 0 : r >= self->n_rows ? self->n_rows - 1 : (guint) r;
}

static inline guint
col_of (const LinliGridIndex *self,
        double                lon)
{
  double c = floor ((lon - self->box.min_lon) / self->col_width);
  return c <= 0 ? 0 : c >= self->n_cols ? self->n_cols - 1 : (guint) c;
}

static void
build_rows (LinliGridIndex *self,
            Grid           *grid)
{
  guint *count;

  g_clear_pointer (&grid->row_start, g_free);
  g_clear_pointer (&grid->row_edges, g_free);
  grid->row0 = row_of (self, grid->box.min_lat);
  grid->n_rows = row_of (self, grid->box.max_lat) - grid->row0 + 1;
  grid->row_start = g_new0 (guint, grid->n_rows + 1);

  for (guint i = 0; i < grid->edges->len; i++)
    {
      const Edge *e = &g_array_index (grid->edges, Edge, i);
      for (guint r = row_of (self, e->lo_lat); r <= row_of (self, e->hi_lat); r++)
        grid->row_start[r - grid->row0 + 1]++;
    }
  for (guint r = 0; r < grid->n_rows; r++)
    grid->row_start[r + 1] += grid->row_start[r];

  grid->row_edges = g_new (Edge, MAX (grid->row_start[grid->n_rows], 1));
  count = g_new0 (guint, grid->n_rows);
  for (guint i = 0; i < grid->edges->len; i++)
    {
      const Edge *e = &g_array_index (grid->edges, Edge, i);
      for (guint r = row_of (self, e->lo_lat); r <= row_of (self, e->hi_lat); r++)
        {
          guint k = r - grid->row0;
          grid->row_edges[grid->row_start[k] + count[k]++] = *e;
        }
    }
  g_free (count);
}

static void
build (LinliGridIndex *self)
{
  guint n_edges = 0;
  guint n_cells;
  guint *fill;

  g_clear_pointer (&self->cell_start, g_free);
  g_clear_pointer (&self->cell_grids, g_free);

  self->box = (LinliBounds) { INFINITY, INFINITY, -INFINITY, -INFINITY };
  for (guint i = 0; i < self->grids->len; i++)
    {
      const Grid *grid = g_ptr_array_index (self->grids, i);
      self->box.min_lon = MIN (self->box.min_lon, grid->box.min_lon);
      self->box.min_lat = MIN (self->box.min_lat, grid->box.min_lat);
      self->box.max_lon = MAX (self->box.max_lon, grid->box.max_lon);
      self->box.max_lat = MAX (self->box.max_lat, grid->box.max_lat);
      n_edges += grid->edges->len;
    }

  /* About 2√E rows leave a few edges of a grid in each; columns only need
   * to separate the grids' boxes. */
  self->n_rows = CLAMP ((guint) (2 * sqrt (n_edges)), 1, 2048);
  self->n_cols = CLAMP ((guint) (4 * sqrt (self->grids->len)), 1, 256);
  if (self->grids->len == 0)
    self->box = (LinliBounds) { 0, 0, 1, 1 };
  self->row_height = (self->box.max_lat - self->box.min_lat) / self->n_rows;
  self->col_width = (self->box.max_lon - self->box.min_lon) / self->n_cols;
  if (!(self->row_height > 0))
    self->row_height = 1;
  if (!(self->col_width > 0))
    self->col_width = 1;

  n_cells = self->n_rows * self->n_cols;
  self->cell_start = g_new0 (guint, n_cells + 1);
  for (guint pass = 0; pass < 2; pass++)
    {
      fill = pass == 0 ? NULL : g_new0 (guint, n_cells);
      for (guint i = 0; i < self->grids->len; i++)
        {
          const Grid *grid = g_ptr_array_index (self->grids, i);
          guint r1 = row_of (self, grid->box.max_lat), c1 = col_of (self, grid->box.max_lon);

          for (guint r = row_of (self, grid->box.min_lat); r <= r1; r++)
            for (guint c = col_of (self, grid->box.min_lon); c <= c1; c++)
              {
                guint cell = r * self->n_cols + c;
                if (pass == 0)
                  self->cell_start[cell + 1]++;
                else
                  self->cell_grids[self->cell_start[cell] + fill[cell]++] = i;
              }
        }
      if (pass == 0)
        {
          for (guint cell = 0; cell < n_cells; cell++)
            self->cell_start[cell + 1] += self->cell_start[cell];
          self->cell_grids = g_new (guint, MAX (self->cell_start[n_cells], 1));
        }
    }
  g_free (fill);

  for (guint i = 0; i < self->grids->len; i++)
    build_rows (self, g_ptr_array_index (self->grids, i));
  self->built = TRUE;
}

/* linli_geometry_contains() over the edges of one row. */
static inline gboolean
grid_contains (const Grid *grid,
               guint       row,
               double      lon,
               double      lat)
{
  const Edge *e = grid->row_edges + grid->row_start[row - grid->row0];
  const Edge *end = grid->row_edges + grid->row_start[row - grid->row0 + 1];
  gboolean inside = FALSE;

  for (; e < end; e++)
    if (e->lo_lat <= lat && lat < e->hi_lat &&
        lon < (e->hi_lon - e->lo_lon) * (lat - e->lo_lat) / (e->hi_lat - e->lo_lat) + e->lo_lon)
      inside = !inside;
  return inside;
}

void
linli_grid_index_locate (LinliGridIndex *self,
                         double          lon,
                         double          lat,
                         gint64         *management,
                         gint64         *sentiment)
{
  gint64 found[2] = { 0, 0 };
  guint row, cell;

  g_return_if_fail (self != NULL);

  if (!self->built)
    build (self);

  if (lon >= self->box.min_lon && lon <= self->box.max_lon &&
      lat >= self->box.min_lat && lat <= self->box.max_lat)
    {
      row = row_of (self, lat);
      cell = row * self->n_cols + col_of (self, lon);
      for (guint k = self->cell_start[cell]; k < self->cell_start[cell + 1]; k++)
        {
          const Grid *grid = g_ptr_array_index (self->grids, self->cell_grids[k]);
          guint slot = grid->kind == LINLI_GRID_INDEX_SENTIMENT;

          if (found[slot] != 0 ||
              lon < grid->box.min_lon || lon > grid->box.max_lon ||
              lat < grid->box.min_lat || lat > grid->box.max_lat)
            continue;
          if (grid_contains (grid, row, lon, lat))
            {
              found[slot] = grid->id;
              if (found[0] != 0 && found[1] != 0)
                break;
            }
        }
    }

  if (management != NULL)
    *management = found[0];
  if (sentiment != NULL)
    *sentiment = found[1];
}

gint64
linli_grid_index_lookup (LinliGridIndex *self,
                         guint           kind,
                         double          lon,
                         double          lat)
{
  gint64 management, sentiment;

  g_return_val_if_fail (self != NULL, 0);

  linli_grid_index_locate (self, lon, lat, &management, &sentiment);
  return kind == LINLI_GRID_INDEX_SENTIMENT ? sentiment : management;
}
