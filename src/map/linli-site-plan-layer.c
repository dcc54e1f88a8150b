/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-site-plan-layer"

#include "config.h"

#include <math.h>

#include "linli-site-plan-layer.h"

/* The office's site plan (小区平面图) drawn on the map: the picture,
 * turned, scaled and sheared by its transform, in one texture node. The
 * viewport projects Web Mercator linearly, so three corners of the picture
 * placed on the widget give its whole placement. */

struct _LinliSitePlanLayer
{
  ShumateLayer        parent_instance;

  GdkTexture         *image;
  LinliPlanTransform  transform;
  gboolean            has_transform;
  double              opacity;
};

G_DEFINE_FINAL_TYPE (LinliSitePlanLayer, linli_site_plan_layer, SHUMATE_TYPE_LAYER)

static void
to_widget (LinliSitePlanLayer *self,
           ShumateViewport    *viewport,
           double              u,
           double              v,
           double             *x,
           double             *y)
{
  LinliPoint p = linli_plan_transform_apply (&self->transform, u, v);

  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self), p.lat, p.lon, x, y);
}

/* The affine map p ↦ (a c; b d)·p + (x0, y0) as translate · rotate · skew ·
 * scale: a general matrix would be a 3D transform, which the cairo
 * renderer cannot draw. */
static GskTransform *
plane_transform (double x0,
                 double y0,
                 double a,
                 double b,
                 double c,
                 double d)
{
  double sx = hypot (a, b);
  double det = a * d - b * c;
  double sy, shear;
  GskTransform *t = NULL;

  if (sx < 1e-12 || fabs (det) < 1e-12)
    return NULL;
  /* Turned back by the angle of the first column, the matrix is upper
   * triangular: (sx shear·sy; 0 sy). */
  sy = det / sx;
  shear = (a * c + b * d) / sx / sy;

  t = gsk_transform_translate (t, &GRAPHENE_POINT_INIT (x0, y0));
  t = gsk_transform_rotate (t, atan2 (b, a) * 180 / G_PI);
  t = gsk_transform_skew (t, atan (shear) * 180 / G_PI, 0);
  t = gsk_transform_scale (t, sx, sy);
  return t;
}

static void
linli_site_plan_layer_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  LinliSitePlanLayer *self = LINLI_SITE_PLAN_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double w, h, x0, y0, x1, y1, x2, y2;
  g_autoptr(GskTransform) transform = NULL;

  if (self->image == NULL || !self->has_transform || self->opacity <= 0)
    return;

  w = gdk_texture_get_width (self->image);
  h = gdk_texture_get_height (self->image);
  to_widget (self, viewport, 0, 0, &x0, &y0);
  to_widget (self, viewport, w, 0, &x1, &y1);
  to_widget (self, viewport, 0, h, &x2, &y2);

  transform = plane_transform (x0, y0, (x1 - x0) / w, (y1 - y0) / w, (x2 - x0) / h, (y2 - y0) / h);
  if (transform == NULL)
    return;
  gtk_snapshot_push_opacity (snapshot, self->opacity);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_transform (snapshot, transform);
  gtk_snapshot_append_texture (snapshot, self->image, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

static void
viewport_changed_cb (LinliSitePlanLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
linli_site_plan_layer_constructed (GObject *object)
{
  LinliSitePlanLayer *self = LINLI_SITE_PLAN_LAYER (object);

  G_OBJECT_CLASS (linli_site_plan_layer_parent_class)->constructed (object);
  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (self)), "notify",
                           G_CALLBACK (viewport_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
linli_site_plan_layer_dispose (GObject *object)
{
  LinliSitePlanLayer *self = LINLI_SITE_PLAN_LAYER (object);

  g_clear_object (&self->image);

  G_OBJECT_CLASS (linli_site_plan_layer_parent_class)->dispose (object);
}

static void
linli_site_plan_layer_class_init (LinliSitePlanLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = linli_site_plan_layer_constructed;
  object_class->dispose = linli_site_plan_layer_dispose;
  widget_class->snapshot = linli_site_plan_layer_snapshot;
}

static void
linli_site_plan_layer_init (LinliSitePlanLayer *self)
{
  self->opacity = 1;
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

LinliSitePlanLayer *
linli_site_plan_layer_new (ShumateViewport *viewport,
                           GdkTexture      *image)
{
  LinliSitePlanLayer *self;

  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);
  g_return_val_if_fail (GDK_IS_TEXTURE (image), NULL);

  self = g_object_new (LINLI_TYPE_SITE_PLAN_LAYER, "viewport", viewport, NULL);
  self->image = g_object_ref (image);
  return self;
}

/**
 * linli_site_plan_layer_set_transform:
 * @transform: (nullable): where the picture lies; %NULL hides it
 */
void
linli_site_plan_layer_set_transform (LinliSitePlanLayer       *self,
                                     const LinliPlanTransform *transform)
{
  g_return_if_fail (LINLI_IS_SITE_PLAN_LAYER (self));

  self->has_transform = transform != NULL;
  if (transform != NULL)
    self->transform = *transform;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
linli_site_plan_layer_set_opacity (LinliSitePlanLayer *self,
                                   double              opacity)
{
  g_return_if_fail (LINLI_IS_SITE_PLAN_LAYER (self));

  self->opacity = CLAMP (opacity, 0, 1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
