/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-grid-layer"

#include "config.h"

#include <math.h>

#include "linli-geometry.h"
#include "linli-grid-layer.h"
#include "linli-records.h"

/* Draws every grid in one snapshot: management grids filled with their
 * colour and outlined, public sentiment grids as dashed outlines, each
 * labelled with its name. One widget for all of them, not one per grid. */

typedef struct
{
  LinliGeometry *geometry;
  LinliGridKind  kind;
  GdkRGBA        color;
  char          *name;
} DrawnGrid;

struct _LinliGridLayer
{
  ShumateLayer  parent_instance;

  GListModel   *grids;
  GPtrArray    *drawn;   /* DrawnGrid, management grids first */
};

G_DEFINE_FINAL_TYPE (LinliGridLayer, linli_grid_layer, SHUMATE_TYPE_LAYER)

static void
drawn_grid_free (gpointer data)
{
  DrawnGrid *grid = data;

  linli_geometry_free (grid->geometry);
  g_free (grid->name);
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
      drawn->geometry = geometry;
      drawn->kind = linli_record_get_enum (grid, "kind");
      drawn->name = g_strdup (linli_record_get_text (grid, "name"));
      if (!gdk_rgba_parse (&drawn->color, linli_record_get_text (grid, "color")))
        gdk_rgba_parse (&drawn->color, "#3584e4");
      g_ptr_array_add (self->drawn, drawn);
    }
  g_ptr_array_sort (self->drawn, compare_kind);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
grids_changed_cb (LinliGridLayer *self)
{
  rebuild (self);
}

static void
trace_geometry (LinliGridLayer      *self,
                cairo_t             *cr,
                ShumateViewport     *viewport,
                const LinliGeometry *geometry)
{
  for (guint r = 0; r < linli_geometry_get_n_rings (geometry); r++)
    {
      guint n_points;
      const LinliPoint *points = linli_geometry_get_ring (geometry, r, &n_points, NULL);

      for (guint i = 0; i < n_points; i++)
        {
          double x, y;
          shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self),
                                                      points[i].lat, points[i].lon, &x, &y);
          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
    }
}

/* Management grids are labelled at their centre; a public sentiment grid,
 * which spans several of them, along the inside of its top edge, in its
 * own colour, so the two never sit on top of each other. */
static void
draw_label (LinliGridLayer  *self,
            cairo_t         *cr,
            ShumateViewport *viewport,
            const DrawnGrid *grid)
{
  LinliPoint at = linli_geometry_get_label_point (grid->geometry);
  g_autoptr(PangoLayout) layout = NULL;
  int width, height;
  double x, y;

  if (isnan (at.lat))
    return;
  if (grid->kind == LINLI_GRID_KIND_SENTIMENT)
    at.lat = linli_geometry_get_bounds (grid->geometry).max_lat;
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self), at.lat, at.lon, &x, &y);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), grid->name);
  if (grid->kind == LINLI_GRID_KIND_SENTIMENT)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
    }
  pango_layout_get_pixel_size (layout, &width, &height);
  if (grid->kind == LINLI_GRID_KIND_SENTIMENT)
    y += height + 4;

  cairo_move_to (cr, x - width / 2.0, y - height / 2.0);
  pango_cairo_layout_path (cr, layout);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_set_line_width (cr, 3);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_move_to (cr, x - width / 2.0, y - height / 2.0);
  if (grid->kind == LINLI_GRID_KIND_SENTIMENT)
    gdk_cairo_set_source_rgba (cr, &grid->color);
  else
    cairo_set_source_rgba (cr, 0.14, 0.14, 0.16, 1);
  pango_cairo_show_layout (cr, layout);
}

static void
linli_grid_layer_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  LinliGridLayer *self = LINLI_GRID_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->drawn->len == 0 || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint i = 0; i < self->drawn->len; i++)
    {
      const DrawnGrid *grid = g_ptr_array_index (self->drawn, i);
      const GdkRGBA *c = &grid->color;

      cairo_new_path (cr);
      trace_geometry (self, cr, viewport, grid->geometry);
      if (grid->kind == LINLI_GRID_KIND_MANAGEMENT)
        {
          cairo_set_source_rgba (cr, c->red, c->green, c->blue, 0.22);
          cairo_fill_preserve (cr);
          cairo_set_source_rgba (cr, c->red, c->green, c->blue, 0.9);
          cairo_set_line_width (cr, 2);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      else
        {
          static const double dashes[] = { 8, 5 };
          cairo_set_source_rgba (cr, c->red, c->green, c->blue, 0.95);
          cairo_set_line_width (cr, 3);
          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
        }
      cairo_stroke (cr);
    }

  cairo_set_dash (cr, NULL, 0, 0);
  for (guint i = 0; i < self->drawn->len; i++)
    draw_label (self, cr, viewport, g_ptr_array_index (self->drawn, i));

  cairo_destroy (cr);
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

  G_OBJECT_CLASS (linli_grid_layer_parent_class)->dispose (object);
}

static void
linli_grid_layer_finalize (GObject *object)
{
  LinliGridLayer *self = LINLI_GRID_LAYER (object);

  g_clear_pointer (&self->drawn, g_ptr_array_unref);

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

/* How many grids have an outline to draw: for tests. */
guint
linli_grid_layer_get_n_drawn (LinliGridLayer *self)
{
  g_return_val_if_fail (LINLI_IS_GRID_LAYER (self), 0);
  return self->drawn->len;
}
