/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "linli-plan-transform.h"

/* A made-up truth: where pixel (u, v) of a 1200 × 900 plan lies, as a
 * Web Mercator affine map around 东方御园 in Jining. */
static void
truth (const LinliPlanTransform *t,
       double                    u,
       double                    v,
       LinliControlPoint        *point)
{
  LinliPoint p = linli_plan_transform_apply (t, u, v);
  *point = (LinliControlPoint) { u, v, p.lon, p.lat };
}

static LinliPlanTransform
rotated_scaled (double angle_deg,
                double metres_per_pixel_x,
                double metres_per_pixel_y,
                double shear)
{
  /* A metre in Web Mercator world units, at 35.4° north. */
  double unit = 1 / (2 * G_PI * 6378137 * cos (35.4 * G_PI / 180));
  double a = angle_deg * G_PI / 180;
  double sx = metres_per_pixel_x * unit, sy = metres_per_pixel_y * unit;
  LinliPlanTransform t;
  double X0, Y0;

  linli_mercator_from_lonlat (116.587, 35.415, &X0, &Y0);
  t.xx = cos (a) * sx;
  t.xy = -sin (a) * sy + shear * sx;
  t.yx = sin (a) * sx;
  t.yy = cos (a) * sy;
  t.x0 = X0;
  t.y0 = Y0;
  return t;
}

static void
assert_same_place (const LinliPlanTransform *a,
                   const LinliPlanTransform *b,
                   double                    u,
                   double                    v)
{
  LinliPoint p = linli_plan_transform_apply (a, u, v);
  LinliPoint q = linli_plan_transform_apply (b, u, v);

  /* 1e-8° is a millimetre. */
  if (fabs (p.lon - q.lon) > 1e-8 || fabs (p.lat - q.lat) > 1e-8)
    g_error ("pixel (%g, %g): (%.10f, %.10f) is not (%.10f, %.10f)", u, v, p.lon, p.lat, q.lon, q.lat);
}

static void
test_mercator (void)
{
  double x, y, lon, lat;

  linli_mercator_from_lonlat (0, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (y, 0.5, 1e-12);
  linli_mercator_from_lonlat (-180, 85.0511287798, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0, 1e-12);
  g_assert_cmpfloat_with_epsilon (y, 0, 1e-9);
  linli_mercator_from_lonlat (116.587, 35.415, &x, &y);
  linli_mercator_to_lonlat (x, y, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (lon, 116.587, 1e-10);
  g_assert_cmpfloat_with_epsilon (lat, 35.415, 1e-10);
}

/* Two pairs recover a turned and scaled plan everywhere, not only at the
 * two points. */
static void
test_two_points (void)
{
  LinliPlanTransform t = rotated_scaled (23, 0.4, 0.4, 0), fitted;
  LinliControlPoint points[2];
  g_autoptr(GError) error = NULL;

  truth (&t, 100, 80, &points[0]);
  truth (&t, 1100, 820, &points[1]);
  g_assert_true (linli_plan_transform_fit (points, 2, &fitted, &error));
  g_assert_no_error (error);
  assert_same_place (&fitted, &t, 0, 0);
  assert_same_place (&fitted, &t, 1200, 0);
  assert_same_place (&fitted, &t, 0, 900);
  assert_same_place (&fitted, &t, 1200, 900);
  /* A similarity keeps right angles and one scale. */
  g_assert_cmpfloat_with_epsilon (fitted.xx, fitted.yy, 1e-15);
  g_assert_cmpfloat_with_epsilon (fitted.xy, -fitted.yx, 1e-15);
}

/* Three pairs recover a plan drawn with unequal scales and a shear. */
static void
test_three_points (void)
{
  LinliPlanTransform t = rotated_scaled (-12, 0.5, 0.35, 0.1), fitted;
  LinliControlPoint points[3];
  g_autoptr(GError) error = NULL;

  truth (&t, 50, 60, &points[0]);
  truth (&t, 1150, 100, &points[1]);
  truth (&t, 600, 850, &points[2]);
  g_assert_true (linli_plan_transform_fit (points, 3, &fitted, &error));
  g_assert_no_error (error);
  assert_same_place (&fitted, &t, 0, 0);
  assert_same_place (&fitted, &t, 1200, 900);
  assert_same_place (&fitted, &t, 300, 700);

  /* Two of them only give the best similarity, which is off elsewhere. */
  g_assert_true (linli_plan_transform_fit (points, 2, &fitted, &error));
  {
    LinliPoint p = linli_plan_transform_apply (&fitted, 600, 850);
    g_assert_cmpfloat (fabs (p.lat - points[2].lat) + fabs (p.lon - points[2].lon), >, 1e-5);
  }
}

static void
test_degenerate (void)
{
  LinliPlanTransform t = rotated_scaled (0, 0.4, 0.4, 0), fitted;
  LinliControlPoint points[4];
  g_autoptr(GError) error = NULL;

  truth (&t, 100, 100, &points[0]);
  points[1] = points[0];
  g_assert_false (linli_plan_transform_fit (points, 2, &fitted, &error));
  g_assert_error (error, LINLI_PLAN_TRANSFORM_ERROR, LINLI_PLAN_TRANSFORM_ERROR_DEGENERATE);
  g_clear_error (&error);

  /* Three points of the plan on one line. */
  truth (&t, 200, 200, &points[1]);
  truth (&t, 300, 300, &points[2]);
  g_assert_false (linli_plan_transform_fit (points, 3, &fitted, &error));
  g_assert_error (error, LINLI_PLAN_TRANSFORM_ERROR, LINLI_PLAN_TRANSFORM_ERROR_DEGENERATE);
  g_clear_error (&error);

  /* Three points of the plan apart, but one spot on the map. */
  truth (&t, 800, 100, &points[2]);
  points[1].lon = points[0].lon;
  points[1].lat = points[0].lat;
  points[2].lon = points[0].lon;
  points[2].lat = points[0].lat;
  g_assert_false (linli_plan_transform_fit (points, 3, &fitted, &error));
  g_assert_error (error, LINLI_PLAN_TRANSFORM_ERROR, LINLI_PLAN_TRANSFORM_ERROR_DEGENERATE);
  g_clear_error (&error);

  g_assert_false (linli_plan_transform_fit (points, 1, &fitted, &error));
  g_assert_error (error, LINLI_PLAN_TRANSFORM_ERROR, LINLI_PLAN_TRANSFORM_ERROR_POINTS);
  g_clear_error (&error);
  g_assert_false (linli_plan_transform_fit (points, 4, &fitted, &error));
  g_assert_error (error, LINLI_PLAN_TRANSFORM_ERROR, LINLI_PLAN_TRANSFORM_ERROR_POINTS);
}

static void
test_json (void)
{
  const LinliControlPoint points[] = {
    { 12.5, 30, 116.587, 35.415 },
    { 1024, 768.25, 116.5912345678901, 35.4187654321 },
  };
  g_autofree char *json = linli_control_points_to_json (points, G_N_ELEMENTS (points));
  g_autofree LinliControlPoint *back = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  back = linli_control_points_parse (json, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpfloat (back[i].image_x, ==, points[i].image_x);
      g_assert_cmpfloat (back[i].image_y, ==, points[i].image_y);
      g_assert_cmpfloat (back[i].lon, ==, points[i].lon);
      g_assert_cmpfloat (back[i].lat, ==, points[i].lat);
    }

  g_assert_null (linli_control_points_parse ("[[1, 2, 3]]", &n, &error));
  g_assert_error (error, LINLI_PLAN_TRANSFORM_ERROR, LINLI_PLAN_TRANSFORM_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_null (linli_control_points_parse ("{}", &n, &error));
  g_assert_error (error, LINLI_PLAN_TRANSFORM_ERROR, LINLI_PLAN_TRANSFORM_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_null (linli_control_points_parse ("[[1, 2, \"x\", 4]]", &n, &error));
  g_assert_error (error, LINLI_PLAN_TRANSFORM_ERROR, LINLI_PLAN_TRANSFORM_ERROR_PARSE);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-transform/mercator", test_mercator);
  g_test_add_func ("/plan-transform/two-points", test_two_points);
  g_test_add_func ("/plan-transform/three-points", test_three_points);
  g_test_add_func ("/plan-transform/degenerate", test_degenerate);
  g_test_add_func ("/plan-transform/json", test_json);

  return g_test_run ();
}
