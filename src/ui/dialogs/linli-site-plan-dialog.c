/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-site-plan-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <shumate/shumate.h>
#include <string.h>

#include "linli-base-map.h"
#include "linli-file-pick.h"
#include "linli-grid-layer.h"
#include "linli-plan-transform.h"
#include "linli-site-plan-dialog.h"
#include "linli-site-plan-layer.h"
#include "linli-weak-ref.h"

/* Placing the site plan: the picture on the left, the map with the grids
 * on the right. A click on the picture and one on the map make a pair;
 * two pairs place the plan (turned and scaled), a third also corrects a
 * plan drawn askew. The plan is drawn on the map as soon as it is placed,
 * and saved with the community. */

#define MAX_PAIRS 3
#define MARK_RADIUS 9

typedef struct
{
  gboolean has_image, has_map;
  LinliControlPoint point;
} Pair;

struct _LinliSitePlanDialog
{
  AdwWindow             parent_instance;

  GtkWidget            *save_button;
  GtkLabel             *hint_label;
  GtkStack             *image_stack;
  GtkDrawingArea       *image_area;
  GtkFrame             *map_frame;
  GtkScale             *opacity_scale;

  ShumateMap           *map;
  LinliBaseMap         *base_map;
  LinliGridLayer       *grid_layer;
  ShumateMarkerLayer   *marker_layer;
  LinliSitePlanLayer   *plan_layer;

  LinliStore           *store;
  GListModel           *grids;
  char                 *path;
  GdkTexture           *image;
  cairo_surface_t      *surface;   /* the image, for drawing with cairo */
  Pair                  pairs[MAX_PAIRS];
  guint                 n_pairs;   /* begun, complete or not */
  GCancellable         *choosing;   /* while the file dialog is shown */
  GCancellable         *opening;    /* while a chosen picture is read */
};

G_DEFINE_FINAL_TYPE (LinliSitePlanDialog, linli_site_plan_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
n_complete (LinliSitePlanDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->n_pairs; i++)
    if (self->pairs[i].has_image && self->pairs[i].has_map)
      n++;
  return n;
}

static gboolean
fit (LinliSitePlanDialog *self,
     LinliPlanTransform  *transform,
     GError             **error)
{
  LinliControlPoint points[MAX_PAIRS];
  guint n = 0;

  for (guint i = 0; i < self->n_pairs; i++)
    if (self->pairs[i].has_image && self->pairs[i].has_map)
      points[n++] = self->pairs[i].point;
  return linli_plan_transform_fit (points, n, transform, error);
}

/* The hint says what to click next; the plan is drawn once placed. */
static void
update (LinliSitePlanDialog *self)
{
  LinliPlanTransform transform;
  g_autoptr(GError) error = NULL;
  g_autofree char *hint = NULL;
  gboolean placed = FALSE;
  guint complete = n_complete (self);
  Pair *last = self->n_pairs > 0 ? &self->pairs[self->n_pairs - 1] : NULL;

  shumate_marker_layer_remove_all (self->marker_layer);
  for (guint i = 0; i < self->n_pairs; i++)
    if (self->pairs[i].has_map)
      {
        g_autofree char *number = g_strdup_printf ("%u", i + 1);
        GtkWidget *label = gtk_label_new (number);
        ShumateMarker *marker = shumate_marker_new ();

        gtk_widget_add_css_class (label, "linli-plan-mark");
        shumate_marker_set_child (marker, label);
        shumate_location_set_location (SHUMATE_LOCATION (marker),
                                       self->pairs[i].point.lat, self->pairs[i].point.lon);
        shumate_marker_layer_add_marker (self->marker_layer, marker);
      }

  if (complete >= 2)
    placed = fit (self, &transform, &error);
  if (self->plan_layer != NULL)
    linli_site_plan_layer_set_transform (self->plan_layer, placed ? &transform : NULL);

  if (self->image == NULL)
    hint = g_strdup (_("Choose a picture of the site plan."));
  else if (error != NULL)
    hint = g_strdup (error->message);
  else if (last != NULL && last->has_image && !last->has_map)
    hint = g_strdup_printf (_("Now click the same place as point %u on the map."), self->n_pairs);
  else if (last != NULL && last->has_map && !last->has_image)
    hint = g_strdup_printf (_("Now click the same place as point %u on the plan."), self->n_pairs);
  else if (complete < 2)
    hint = g_strdup (_("Click a point on the plan, such as a corner of a building, then the same place on the map. Two points place the plan."));
  else if (complete < MAX_PAIRS)
    hint = g_strdup (_("The plan is placed. A third point corrects a plan drawn askew; Save keeps it."));
  else
    hint = g_strdup (_("The plan is placed by three points. Clear the points to start again."));
  gtk_label_set_text (self->hint_label, hint);

  gtk_widget_set_sensitive (self->save_button, placed);
  gtk_widget_queue_draw (GTK_WIDGET (self->image_area));
}

/* The picture fitted into the area, centred: its scale and offset. */
static void
image_placement (LinliSitePlanDialog *self,
                 double              *scale,
                 double              *dx,
                 double              *dy)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self->image_area));
  double h = gtk_widget_get_height (GTK_WIDGET (self->image_area));
  double iw = gdk_texture_get_width (self->image);
  double ih = gdk_texture_get_height (self->image);

  *scale = MIN (w / iw, h / ih);
  *dx = (w - iw * *scale) / 2;
  *dy = (h - ih * *scale) / 2;
}

static void
draw_image (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  LinliSitePlanDialog *self = user_data;
  double scale, dx, dy;

  if (self->surface == NULL)
    return;
  image_placement (self, &scale, &dx, &dy);

  cairo_save (cr);
  cairo_translate (cr, dx, dy);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, self->surface, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);

  for (guint i = 0; i < self->n_pairs; i++)
    {
      double x, y;
      char number[8];
      cairo_text_extents_t extents;

      if (!self->pairs[i].has_image)
        continue;
      x = dx + self->pairs[i].point.image_x * scale;
      y = dy + self->pairs[i].point.image_y * scale;
      cairo_new_path (cr);
      cairo_arc (cr, x, y, MARK_RADIUS, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 0.88, 0.11, 0.14);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      g_snprintf (number, sizeof number, "%u", i + 1);
      cairo_set_font_size (cr, 12);
      cairo_text_extents (cr, number, &extents);
      cairo_move_to (cr, x - extents.x_bearing - extents.width / 2, y - extents.y_bearing - extents.height / 2);
      cairo_show_text (cr, number);
    }
}

/* The pair a click on one side completes or begins. */
static Pair *
pair_for (LinliSitePlanDialog *self,
          gboolean             image_side)
{
  Pair *last = self->n_pairs > 0 ? &self->pairs[self->n_pairs - 1] : NULL;

  /* A second click on the same side moves the point just placed. */
  if (last != NULL && !(last->has_image && last->has_map))
    return last;
  if (self->n_pairs == MAX_PAIRS)
    return NULL;
  last = &self->pairs[self->n_pairs++];
  memset (last, 0, sizeof *last);
  return last;
}

void
linli_site_plan_dialog_add_image_point (LinliSitePlanDialog *self,
                                        double               image_x,
                                        double               image_y)
{
  Pair *pair;

  g_return_if_fail (LINLI_IS_SITE_PLAN_DIALOG (self));

  if (self->image == NULL || (pair = pair_for (self, TRUE)) == NULL)
    return;
  pair->has_image = TRUE;
  pair->point.image_x = image_x;
  pair->point.image_y = image_y;
  update (self);
}

void
linli_site_plan_dialog_add_map_point (LinliSitePlanDialog *self,
                                      double               lon,
                                      double               lat)
{
  Pair *pair;

  g_return_if_fail (LINLI_IS_SITE_PLAN_DIALOG (self));

  if (self->image == NULL || (pair = pair_for (self, FALSE)) == NULL)
    return;
  pair->has_map = TRUE;
  pair->point.lon = lon;
  pair->point.lat = lat;
  update (self);
}

static void
image_clicked_cb (LinliSitePlanDialog *self,
                  int                  n_press,
                  double               x,
                  double               y)
{
  double scale, dx, dy, u, v;

  if (self->image == NULL)
    return;
  image_placement (self, &scale, &dx, &dy);
  u = (x - dx) / scale;
  v = (y - dy) / scale;
  if (u < 0 || v < 0 || u > gdk_texture_get_width (self->image) || v > gdk_texture_get_height (self->image))
    return;
  linli_site_plan_dialog_add_image_point (self, u, v);
}

static void
map_clicked_cb (LinliSitePlanDialog *self,
                int                  n_press,
                double               x,
                double               y)
{
  double lat, lon;

  if (n_press != 1)
    return;
  shumate_viewport_widget_coords_to_location (shumate_map_get_viewport (self->map), GTK_WIDGET (self->map),
                                              x, y, &lat, &lon);
  linli_site_plan_dialog_add_map_point (self, lon, lat);
}

static void
clear_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  LinliSitePlanDialog *self = LINLI_SITE_PLAN_DIALOG (widget);

  self->n_pairs = 0;
  update (self);
}

/* The picture for drawing with cairo; GDK_MEMORY_DEFAULT is cairo's
 * ARGB32. Any thread. */
static cairo_surface_t *
surface_of (GdkTexture *image)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gdk_texture_get_width (image),
                                                         gdk_texture_get_height (image));

  gdk_texture_download (image, cairo_image_surface_get_data (surface), cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* Shows @image, read from @path; takes @surface. */
static void
show_image (LinliSitePlanDialog *self,
            const char          *path,
            GdkTexture          *image,
            cairo_surface_t     *surface)
{
  ShumateViewport *viewport;

  g_set_object (&self->image, image);
  g_free (self->path);
  self->path = g_strdup (path);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  self->surface = surface;

  viewport = shumate_map_get_viewport (self->map);
  if (self->plan_layer != NULL)
    shumate_map_remove_layer (self->map, SHUMATE_LAYER (self->plan_layer));
  self->plan_layer = linli_site_plan_layer_new (viewport, image);
  linli_site_plan_layer_set_opacity (self->plan_layer, gtk_range_get_value (GTK_RANGE (self->opacity_scale)));
  shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (self->plan_layer), SHUMATE_LAYER (self->grid_layer));

  self->n_pairs = 0;
  gtk_stack_set_visible_child_name (self->image_stack, "image");
  update (self);
}

/**
 * linli_site_plan_dialog_load_image:
 * @path: a PNG or JPEG picture
 *
 * Shows the picture; the points matched so far are cleared.
 */
gboolean
linli_site_plan_dialog_load_image (LinliSitePlanDialog  *self,
                                   const char           *path,
                                   GError              **error)
{
  g_autoptr(GdkTexture) image = NULL;

  g_return_val_if_fail (LINLI_IS_SITE_PLAN_DIALOG (self), FALSE);

  image = gdk_texture_new_from_filename (path, error);
  if (image == NULL)
    return FALSE;
  show_image (self, path, image, surface_of (image));
  return TRUE;
}

/* ---- A chosen picture, read in a thread ---------------------------- */

typedef struct
{
  char            *path;
  GdkTexture      *image;
  cairo_surface_t *surface;
} Opening;

static void
opening_free (gpointer data)
{
  Opening *opening = data;

  g_free (opening->path);
  g_clear_object (&opening->image);
  g_clear_pointer (&opening->surface, cairo_surface_destroy);
  g_free (opening);
}

/* A photograph of a drawing is tens of megapixels: decoding it takes the
 * better part of a second, which the window spends drawing instead.
 * gdk_texture_new_from_filename() is thread-safe. */
static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Opening *opening = task_data;
  GError *error = NULL;

  opening->image = gdk_texture_new_from_filename (opening->path, &error);
  if (opening->image == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  opening->surface = surface_of (opening->image);
  g_task_return_boolean (task, TRUE);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LinliSitePlanDialog) self = g_weak_ref_get (user_data);
  Opening *opening = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (user_data);
  g_free (user_data);
  /* Closed, or another picture chosen, meanwhile. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (self == NULL || g_task_get_cancellable (G_TASK (result)) != self->opening)
    return;
  g_clear_object (&self->opening);
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The picture cannot be opened: %s"), error->message);

      gtk_label_set_text (self->hint_label, message);
      return;
    }
  show_image (self, opening->path, opening->image, g_steal_pointer (&opening->surface));
}

/**
 * linli_site_plan_dialog_open_image:
 * @path: a PNG or JPEG picture
 *
 * What choosing a picture does: it is read in a thread, then shown as
 * linli_site_plan_dialog_load_image() does, or the reason it cannot be
 * is shown under the plan. A picture chosen meanwhile replaces it.
 */
void
linli_site_plan_dialog_open_image (LinliSitePlanDialog *self,
                                   const char          *path)
{
  g_autoptr(GTask) task = NULL;
  GWeakRef *weak;
  Opening *opening;

  g_return_if_fail (LINLI_IS_SITE_PLAN_DIALOG (self));
  g_return_if_fail (path != NULL);

  if (self->opening != NULL)
    g_cancellable_cancel (self->opening);
  g_clear_object (&self->opening);
  self->opening = g_cancellable_new ();
  gtk_label_set_text (self->hint_label, _("Opening the picture…"));

  opening = g_new0 (Opening, 1);
  opening->path = g_strdup (path);
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  task = g_task_new (NULL, self->opening, opened_cb, weak);
  g_task_set_source_tag (task, linli_site_plan_dialog_open_image);
  g_task_set_task_data (task, opening, opening_free);
  g_task_run_in_thread (task, open_thread);
}

/* Returns: whether a chosen picture is being read */
gboolean
linli_site_plan_dialog_is_opening (LinliSitePlanDialog *self)
{
  g_return_val_if_fail (LINLI_IS_SITE_PLAN_DIALOG (self), FALSE);
  return self->opening != NULL;
}

static void
chosen_cb (GFile    *file,
           gpointer  user_data)
{
  g_autoptr(LinliSitePlanDialog) self = g_weak_ref_get (user_data);
  g_autofree char *path = NULL;

  /* The dialog went away meanwhile, and cancelled the pick. */
  if (self == NULL || self->choosing == NULL)
    return;
  g_clear_object (&self->choosing);
  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (path != NULL)
    linli_site_plan_dialog_open_image (self, path);
  else
    {
      g_autofree char *message = g_strdup_printf (_("The picture cannot be opened: %s"),
                                                  _("it is not a local file"));
      gtk_label_set_text (self->hint_label, message);
    }
}

static void
choose_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LinliSitePlanDialog *self = LINLI_SITE_PLAN_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(LinliFilePick) pick = NULL;

  if (self->choosing != NULL)
    return;
  pick = linli_file_pick_new (_("Choose the Site Plan"));
  linli_file_pick_set_accept_label (pick, _("_Open"));
  gtk_file_filter_set_name (filter, _("Pictures (PNG, JPEG)"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  linli_file_pick_add_filter (pick, filter);
  self->choosing = g_cancellable_new ();
  linli_file_pick_open (pick, GTK_WINDOW (self), self->choosing, chosen_cb,
                        linli_weak_ref_new (self), linli_weak_ref_free);
}

static void
save_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  LinliSitePlanDialog *self = LINLI_SITE_PLAN_DIALOG (widget);
  g_autoptr(LinliCommunity) community = linli_store_dup_community (self->store);
  LinliControlPoint points[MAX_PAIRS];
  LinliPlanTransform transform;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  guint n = 0;

  if (community == NULL || self->path == NULL)
    return;
  if (!fit (self, &transform, &error))
    {
      gtk_label_set_text (self->hint_label, error->message);
      return;
    }
  for (guint i = 0; i < self->n_pairs; i++)
    if (self->pairs[i].has_image && self->pairs[i].has_map)
      points[n++] = self->pairs[i].point;
  json = linli_control_points_to_json (points, n);

  linli_record_set_text (LINLI_RECORD (community), "base_map", "site-plan");
  linli_record_set_text (LINLI_RECORD (community), "site_plan_path", self->path);
  linli_record_set_text (LINLI_RECORD (community), "site_plan_points", json);
  linli_record_set_double (LINLI_RECORD (community), "site_plan_opacity",
                           gtk_range_get_value (GTK_RANGE (self->opacity_scale)));
  if (!linli_store_update (self->store, LINLI_RECORD (community), &error))
    {
      gtk_label_set_text (self->hint_label, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
opacity_changed_cb (LinliSitePlanDialog *self)
{
  if (self->plan_layer != NULL)
    linli_site_plan_layer_set_opacity (self->plan_layer, gtk_range_get_value (GTK_RANGE (self->opacity_scale)));
}

static void
linli_site_plan_dialog_dispose (GObject *object)
{
  LinliSitePlanDialog *self = LINLI_SITE_PLAN_DIALOG (object);

  if (self->choosing != NULL)
    g_cancellable_cancel (self->choosing);
  g_clear_object (&self->choosing);
  if (self->opening != NULL)
    g_cancellable_cancel (self->opening);
  g_clear_object (&self->opening);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_SITE_PLAN_DIALOG);
  g_clear_object (&self->base_map);
  g_clear_object (&self->grids);
  g_clear_object (&self->store);
  g_clear_object (&self->image);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (linli_site_plan_dialog_parent_class)->dispose (object);
}

static void
linli_site_plan_dialog_class_init (LinliSitePlanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_site_plan_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-site-plan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliSitePlanDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, LinliSitePlanDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, LinliSitePlanDialog, image_stack);
  gtk_widget_class_bind_template_child (widget_class, LinliSitePlanDialog, image_area);
  gtk_widget_class_bind_template_child (widget_class, LinliSitePlanDialog, map_frame);
  gtk_widget_class_bind_template_child (widget_class, LinliSitePlanDialog, opacity_scale);

  gtk_widget_class_install_action (widget_class, "plan.choose", NULL, choose_cb);
  gtk_widget_class_install_action (widget_class, "plan.clear", NULL, clear_cb);
  gtk_widget_class_install_action (widget_class, "plan.save", NULL, save_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
linli_site_plan_dialog_init (LinliSitePlanDialog *self)
{
  ShumateViewport *viewport;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->map = shumate_map_new ();
  viewport = shumate_map_get_viewport (self->map);
  shumate_viewport_set_min_zoom_level (viewport, 3);
  shumate_viewport_set_max_zoom_level (viewport, 20);
  self->grid_layer = linli_grid_layer_new (viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->grid_layer));
  self->marker_layer = shumate_marker_layer_new (viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->marker_layer));
  gtk_frame_set_child (self->map_frame, GTK_WIDGET (self->map));

  click = gtk_gesture_click_new ();
  g_signal_connect_swapped (click, "released", G_CALLBACK (map_clicked_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (click));

  click = gtk_gesture_click_new ();
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (image_clicked_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->image_area), GTK_EVENT_CONTROLLER (click));
  gtk_drawing_area_set_draw_func (self->image_area, draw_image, self, NULL);

  g_signal_connect_swapped (self->opacity_scale, "value-changed", G_CALLBACK (opacity_changed_cb), self);
}

LinliSitePlanDialog *
linli_site_plan_dialog_new (GtkWindow  *parent,
                            LinliStore *store)
{
  LinliSitePlanDialog *self;
  g_autoptr(LinliCommunity) community = NULL;
  g_autoptr(LinliCommunity) without_plan = NULL;
  LinliRecord *record;
  ShumateViewport *viewport;
  const char *path;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);

  self = g_object_new (LINLI_TYPE_SITE_PLAN_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->grids = linli_store_list (store, LINLI_TYPE_GRID);
  linli_grid_layer_set_grids (self->grid_layer, self->grids);

  community = linli_store_dup_community (store);
  record = LINLI_RECORD (community);
  gtk_range_set_value (GTK_RANGE (self->opacity_scale),
                       community ? linli_record_get_double (record, "site_plan_opacity") : 0.7);

  /* The tiles of the community, if any, as a reference; not the plan being
   * placed again. */
  if (community != NULL)
    {
      without_plan = LINLI_COMMUNITY (linli_record_copy (record));
      if (g_strcmp0 (linli_record_get_text (record, "base_map"), "site-plan") == 0)
        linli_record_set_text (LINLI_RECORD (without_plan), "base_map", "none");
    }
  self->base_map = linli_base_map_new (without_plan);
  linli_base_map_attach (self->base_map, self->map, SHUMATE_LAYER (self->grid_layer), NULL);

  viewport = shumate_map_get_viewport (self->map);
  if (community != NULL)
    {
      shumate_viewport_set_zoom_level (viewport, linli_record_get_double (record, "zoom"));
      shumate_map_center_on (self->map, linli_record_get_double (record, "center_lat"),
                             linli_record_get_double (record, "center_lon"));
    }

  /* The plan placed before, with its points. */
  path = community ? linli_record_get_text (record, "site_plan_path") : NULL;
  if (path != NULL && linli_site_plan_dialog_load_image (self, path, NULL))
    {
      g_autofree LinliControlPoint *points = NULL;
      guint n_points = 0;

      points = linli_control_points_parse (linli_record_get_text (record, "site_plan_points"), &n_points, NULL);
      for (guint i = 0; points != NULL && i < MIN (n_points, MAX_PAIRS); i++)
        self->pairs[self->n_pairs++] = (Pair) { TRUE, TRUE, points[i] };
    }
  update (self);
  return self;
}
