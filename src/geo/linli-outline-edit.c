/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-outline-edit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "linli-outline-edit.h"

/* Mean Earth radius (IUGG), metres. */
#define EARTH_RADIUS_M 6371008.8

/* Every change that undo takes back saves what was there before it. */
typedef struct
{
  GArray             *points;
  int                 selected;
  LinliOutlineEditState  state;
} Step;

struct _LinliOutlineEdit
{
  GObject             parent_instance;

  LinliOutlineEditState  state;
  GArray             *points;    /* LinliPoint, an open ring */
  int                 selected;  /* -1: none */
  int                 dragged;   /* -1: no drag */
  LinliPoint          drag_from;
  GPtrArray          *steps;     /* Step, the last one undone first */
  GArray             *snap;      /* LinliPoint: corners of the other grids */
};

G_DEFINE_FINAL_TYPE (LinliOutlineEdit, linli_outline_edit, G_TYPE_OBJECT)
G_DEFINE_QUARK (linli-outline-edit-error-quark, linli_outline_edit_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
step_free (gpointer data)
{
  Step *step = data;

  g_array_unref (step->points);
  g_free (step);
}

static void
changed (LinliOutlineEdit *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
push_step (LinliOutlineEdit *self)
{
  Step *step = g_new (Step, 1);

  step->points = g_array_copy (self->points);
  step->selected = self->selected;
  step->state = self->state;
  g_ptr_array_add (self->steps, step);
}

static void
reset (LinliOutlineEdit      *self,
       LinliOutlineEditState  state)
{
  self->state = state;
  g_array_set_size (self->points, 0);
  self->selected = -1;
  self->dragged = -1;
  g_ptr_array_set_size (self->steps, 0);
}

static void
linli_outline_edit_finalize (GObject *object)
{
  LinliOutlineEdit *self = LINLI_OUTLINE_EDIT (object);

  g_array_unref (self->points);
  g_ptr_array_unref (self->steps);
  g_array_unref (self->snap);

  G_OBJECT_CLASS (linli_outline_edit_parent_class)->finalize (object);
}

static void
linli_outline_edit_class_init (LinliOutlineEditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = linli_outline_edit_finalize;

  /**
   * LinliOutlineEdit::changed:
   *
   * The state, the points, the selection or the undo steps changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
linli_outline_edit_init (LinliOutlineEdit *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (LinliPoint));
  self->steps = g_ptr_array_new_with_free_func (step_free);
  self->snap = g_array_new (FALSE, FALSE, sizeof (LinliPoint));
  self->selected = -1;
  self->dragged = -1;
}

LinliOutlineEdit *
linli_outline_edit_new (void)
{
  return g_object_new (LINLI_TYPE_OUTLINE_EDIT, NULL);
}

LinliOutlineEditState
linli_outline_edit_get_state (LinliOutlineEdit *self)
{
  g_return_val_if_fail (LINLI_IS_OUTLINE_EDIT (self), LINLI_OUTLINE_EDIT_IDLE);
  return self->state;
}

/**
 * linli_outline_edit_get_points:
 *
 * Returns: (transfer none): the outline as an open ring
 */
const LinliPoint *
linli_outline_edit_get_points (LinliOutlineEdit *self,
                            guint         *n_points)
{
  g_return_val_if_fail (LINLI_IS_OUTLINE_EDIT (self), NULL);
  if (n_points)
    *n_points = self->points->len;
  return (const LinliPoint *) (gpointer) self->points->data;
}

/* Returns: the selected point, or -1 */
int
linli_outline_edit_get_selected (LinliOutlineEdit *self)
{
  g_return_val_if_fail (LINLI_IS_OUTLINE_EDIT (self), -1);
  return self->selected;
}

/* Returns: the point being dragged, or -1 */
int
linli_outline_edit_get_dragged (LinliOutlineEdit *self)
{
  g_return_val_if_fail (LINLI_IS_OUTLINE_EDIT (self), -1);
  return self->dragged;
}

gboolean
linli_outline_edit_can_undo (LinliOutlineEdit *self)
{
  g_return_val_if_fail (LINLI_IS_OUTLINE_EDIT (self), FALSE);
  return self->steps->len > 0 && self->dragged < 0;
}

/* Whether the outline differs from the one editing started with: every
 * change leaves a step, and undoing them all brings the start back. */
gboolean
linli_outline_edit_get_modified (LinliOutlineEdit *self)
{
  g_return_val_if_fail (LINLI_IS_OUTLINE_EDIT (self), FALSE);
  return self->steps->len > 0;
}

/* Starts a new outline with no points. */
void
linli_outline_edit_start_drawing (LinliOutlineEdit *self)
{
  g_return_if_fail (LINLI_IS_OUTLINE_EDIT (self));

  reset (self, LINLI_OUTLINE_EDIT_DRAWING);
  changed (self);
}

/**
 * linli_outline_edit_start_editing:
 * @outline: the grid's outline as stored
 *
 * Edits an existing outline. Only a single ring can be edited on the map;
 * an outline with several parts or holes is refused with @error set.
 */
gboolean
linli_outline_edit_start_editing (LinliOutlineEdit        *self,
                               const LinliGeometry  *outline,
                               GError              **error)
{
  const LinliPoint *points;
  guint n_points;
  gboolean is_hole;

  g_return_val_if_fail (LINLI_IS_OUTLINE_EDIT (self), FALSE);
  g_return_val_if_fail (outline != NULL, FALSE);

  if (linli_geometry_get_n_rings (outline) != 1)
    {
      g_set_error (error, LINLI_OUTLINE_EDIT_ERROR, LINLI_OUTLINE_EDIT_ERROR_NOT_EDITABLE,
                   _("This outline has several parts or holes, which cannot be edited on the map. "
                     "Import a corrected outline from a GeoJSON file instead."));
      return FALSE;
    }
  points = linli_geometry_get_ring (outline, 0, &n_points, &is_hole);
  /* The closing point repeats the first; the editor keeps the ring open. */
  if (n_points > 1 && points[0].lon == points[n_points - 1].lon &&
      points[0].lat == points[n_points - 1].lat)
    n_points--;
  if (is_hole || n_points < 3)
    {
      g_set_error (error, LINLI_OUTLINE_EDIT_ERROR, LINLI_OUTLINE_EDIT_ERROR_TOO_FEW_POINTS,
                   _("A grid needs at least three points."));
      return FALSE;
    }

  reset (self, LINLI_OUTLINE_EDIT_EDITING);
  g_array_append_vals (self->points, points, n_points);
  changed (self);
  return TRUE;
}

/**
 * linli_outline_edit_add_point:
 *
 * Places the next point of a new outline. A point on top of the last one
 * adds nothing.
 *
 * Returns: whether a point was added
 */
gboolean
linli_outline_edit_add_point (LinliOutlineEdit *self,
                           LinliPoint     point)
{
  g_return_val_if_fail (LINLI_IS_OUTLINE_EDIT (self), FALSE);

  if (self->state != LINLI_OUTLINE_EDIT_DRAWING || !isfinite (point.lon) || !isfinite (point.lat))
    return FALSE;
  if (self->points->len > 0)
    {
      const LinliPoint *last = &g_array_index (self->points, LinliPoint, self->points->len - 1);
      if (last->lon == point.lon && last->lat == point.lat)
        return FALSE;
    }
  push_step (self);
  g_array_append_val (self->points, point);
  self->selected = -1;
  changed (self);
  return TRUE;
}

/**
 * linli_outline_edit_validate:
 * @edge_a: (out) (optional): for a crossing, the edges that meet
 * @edge_b: (out) (optional):
 *
 * Returns: whether the outline can be saved; if not, @error says why in
 *   words for the user
 */
gboolean
linli_outline_edit_validate (LinliOutlineEdit  *self,
                          guint          *edge_a,
                          guint          *edge_b,
                          GError        **error)
{
  g_return_val_if_fail (LINLI_IS_OUTLINE_EDIT (self), FALSE);

  switch (linli_ring_check ((const LinliPoint *) (gpointer) self->points->data,
                            self->points->len, edge_a, edge_b))
    {
    case LINLI_RING_VALID:
      return TRUE;
    case LINLI_RING_TOO_FEW_POINTS:
      g_set_error (error, LINLI_OUTLINE_EDIT_ERROR, LINLI_OUTLINE_EDIT_ERROR_TOO_FEW_POINTS,
                   _("A grid needs at least three points."));
      return FALSE;
    case LINLI_RING_NO_AREA:
      g_set_error (error, LINLI_OUTLINE_EDIT_ERROR, LINLI_OUTLINE_EDIT_ERROR_NO_AREA,
                   _("The points lie on one line. A grid needs an outline around an area."));
      return FALSE;
    case LINLI_RING_SELF_INTERSECTING:
    default:
      g_set_error (error, LINLI_OUTLINE_EDIT_ERROR, LINLI_OUTLINE_EDIT_ERROR_SELF_INTERSECTING,
                   _("The outline crosses itself where it is marked in red. "
                     "Move a point so that no two edges cross."));
      return FALSE;
    }
}

/**
 * linli_outline_edit_finish:
 *
 * Closes a new outline, or checks an edited one. An outline with fewer than
 * three points, or one that crosses itself, is refused with @error set and
 * stays as it is.
 *
 * Returns: whether the outline is ready to be saved
 */
gboolean
linli_outline_edit_finish (LinliOutlineEdit  *self,
                        GError        **error)
{
  g_return_val_if_fail (LINLI_IS_OUTLINE_EDIT (self), FALSE);
  g_return_val_if_fail (self->state != LINLI_OUTLINE_EDIT_IDLE, FALSE);

  if (self->dragged >= 0)
    linli_outline_edit_end_drag (self);
  if (!linli_outline_edit_validate (self, NULL, NULL, error))
    return FALSE;
  if (self->state == LINLI_OUTLINE_EDIT_DRAWING)
    {
      /* Undo opens the outline again. */
      push_step (self);
      self->state = LINLI_OUTLINE_EDIT_EDITING;
      changed (self);
    }
  return TRUE;
}

/* Drops the outline and every step: back to idle. */
void
linli_outline_edit_cancel (LinliOutlineEdit *self)
{
  g_return_if_fail (LINLI_IS_OUTLINE_EDIT (self));

  if (self->state == LINLI_OUTLINE_EDIT_IDLE && self->points->len == 0)
    return;
  reset (self, LINLI_OUTLINE_EDIT_IDLE);
  changed (self);
}

/* Flat metres around @origin: near enough for distances of a few pixels. */
static void
to_metres (LinliPoint  origin,
           LinliPoint  p,
           double     *x,
           double     *y)
{
  *x = (p.lon - origin.lon) * EARTH_RADIUS_M * cos (origin.lat * G_PI / 180) * G_PI / 180;
  *y = (p.lat - origin.lat) * EARTH_RADIUS_M * G_PI / 180;
}

/**
 * linli_outline_edit_find_point:
 * @at: where the pointer is
 * @tolerance_m: how far from a point still counts as on it
 *
 * Returns: the nearest point within @tolerance_m of @at, or -1
 */
int
linli_outline_edit_find_point (LinliOutlineEdit *self,
                            LinliPoint     at,
                            double         tolerance_m)
{
  double best = tolerance_m * tolerance_m;
  int found = -1;

  g_return_val_if_fail (LINLI_IS_OUTLINE_EDIT (self), -1);

  for (guint i = 0; i < self->points->len; i++)
    {
      double x, y;

      to_metres (at, g_array_index (self->points, LinliPoint, i), &x, &y);
      if (x * x + y * y <= best)
        {
          best = x * x + y * y;
          found = i;
        }
    }
  return found;
}

/**
 * linli_outline_edit_find_edge:
 * @foot: (out) (optional): the nearest place on that edge
 *
 * The edges of a closed outline, the last one running back to the first
 * point. Only an outline being edited has edges to insert on.
 *
 * Returns: the nearest edge within @tolerance_m of @at, or -1; edge i runs
 *   from point i to the next
 */
int
linli_outline_edit_find_edge (LinliOutlineEdit *self,
                           LinliPoint     at,
                           double         tolerance_m,
                           LinliPoint    *foot)
{
  double best = tolerance_m * tolerance_m;
  guint n = self->points->len;
  int found = -1;

  g_return_val_if_fail (LINLI_IS_OUTLINE_EDIT (self), -1);

  if (self->state != LINLI_OUTLINE_EDIT_EDITING || n < 2)
    return -1;
  for (guint i = 0; i < n; i++)
    {
      LinliPoint a = g_array_index (self->points, LinliPoint, i);
      LinliPoint b = g_array_index (self->points, LinliPoint, (i + 1) % n);
      double ax, ay, bx, by, dx, dy, t, fx, fy, d2;

      to_metres (at, a, &ax, &ay);
      to_metres (at, b, &bx, &by);
      dx = bx - ax;
      dy = by - ay;
      t = dx == 0 && dy == 0 ? 0 : CLAMP (-(ax * dx + ay * dy) / (dx * dx + dy * dy), 0, 1);
      fx = ax + t * dx;
      fy = ay + t * dy;
      d2 = fx * fx + fy * fy;
      if (d2 <= best)
        {
          best = d2;
          found = i;
          if (foot)
            {
              foot->lon = a.lon + t * (b.lon - a.lon);
              foot->lat = a.lat + t * (b.lat - a.lat);
            }
        }
    }
  return found;
}

/* Selects point @index, or none with -1. Selecting is not a step to undo. */
void
linli_outline_edit_select (LinliOutlineEdit *self,
                        int            index)
{
  g_return_if_fail (LINLI_IS_OUTLINE_EDIT (self));
  g_return_if_fail (index >= -1 && index < (int) self->points->len);

  if (self->selected == index)
    return;
  self->selected = index;
  changed (self);
}

/**
 * linli_outline_edit_begin_drag:
 *
 * Starts moving point @index, which becomes the selected one. The whole
 * drag is one step to undo.
 */
gboolean
linli_outline_edit_begin_drag (LinliOutlineEdit *self,
                            guint          index)
{
  g_return_val_if_fail (LINLI_IS_OUTLINE_EDIT (self), FALSE);

  if (self->state == LINLI_OUTLINE_EDIT_IDLE || index >= self->points->len || self->dragged >= 0)
    return FALSE;
  push_step (self);
  self->dragged = index;
  self->selected = index;
  self->drag_from = g_array_index (self->points, LinliPoint, index);
  changed (self);
  return TRUE;
}

void
linli_outline_edit_drag_to (LinliOutlineEdit *self,
                         LinliPoint     point)
{
  g_return_if_fail (LINLI_IS_OUTLINE_EDIT (self));

  if (self->dragged < 0 || !isfinite (point.lon) || !isfinite (point.lat))
    return;
  g_array_index (self->points, LinliPoint, self->dragged) = point;
  changed (self);
}

/* Ends a drag; one that moved nothing leaves no step to undo. */
void
linli_outline_edit_end_drag (LinliOutlineEdit *self)
{
  LinliPoint now;

  g_return_if_fail (LINLI_IS_OUTLINE_EDIT (self));

  if (self->dragged < 0)
    return;
  now = g_array_index (self->points, LinliPoint, self->dragged);
  if (now.lon == self->drag_from.lon && now.lat == self->drag_from.lat)
    g_ptr_array_set_size (self->steps, self->steps->len - 1);
  self->dragged = -1;
  changed (self);
}

/* Puts the dragged point back where the drag started. */
void
linli_outline_edit_cancel_drag (LinliOutlineEdit *self)
{
  g_return_if_fail (LINLI_IS_OUTLINE_EDIT (self));

  if (self->dragged < 0)
    return;
  g_array_index (self->points, LinliPoint, self->dragged) = self->drag_from;
  linli_outline_edit_end_drag (self);
}

/**
 * linli_outline_edit_insert_point:
 * @edge: as linli_outline_edit_find_edge() returns it
 *
 * Adds a point on an edge of the outline being edited, between its two
 * ends, and selects it.
 */
gboolean
linli_outline_edit_insert_point (LinliOutlineEdit *self,
                              guint          edge,
                              LinliPoint     point)
{
  g_return_val_if_fail (LINLI_IS_OUTLINE_EDIT (self), FALSE);

  if (self->state != LINLI_OUTLINE_EDIT_EDITING || edge >= self->points->len ||
      self->dragged >= 0 || !isfinite (point.lon) || !isfinite (point.lat))
    return FALSE;
  push_step (self);
  g_array_insert_val (self->points, edge + 1, point);
  self->selected = edge + 1;
  changed (self);
  return TRUE;
}

/**
 * linli_outline_edit_delete_selected:
 *
 * Removes the selected point. A closed outline keeps at least three: the
 * last three are refused with @error set.
 */
gboolean
linli_outline_edit_delete_selected (LinliOutlineEdit  *self,
                                 GError        **error)
{
  g_return_val_if_fail (LINLI_IS_OUTLINE_EDIT (self), FALSE);

  if (self->selected < 0 || self->dragged >= 0)
    return FALSE;
  if (self->state == LINLI_OUTLINE_EDIT_EDITING && self->points->len <= 3)
    {
      g_set_error (error, LINLI_OUTLINE_EDIT_ERROR, LINLI_OUTLINE_EDIT_ERROR_TOO_FEW_POINTS,
                   _("A grid needs at least three points, so this one cannot be removed."));
      return FALSE;
    }
  push_step (self);
  g_array_remove_index (self->points, self->selected);
  self->selected = -1;
  changed (self);
  return TRUE;
}

/* Takes back the last step. Returns: whether there was one. */
gboolean
linli_outline_edit_undo (LinliOutlineEdit *self)
{
  Step *step;

  g_return_val_if_fail (LINLI_IS_OUTLINE_EDIT (self), FALSE);

  if (!linli_outline_edit_can_undo (self))
    return FALSE;
  step = g_ptr_array_steal_index (self->steps, self->steps->len - 1);
  g_array_unref (self->points);
  self->points = g_steal_pointer (&step->points);
  self->selected = step->selected;
  self->state = step->state;
  g_free (step);
  changed (self);
  return TRUE;
}

/**
 * linli_outline_edit_set_snap_points:
 * @points: the corners of the neighbouring grids
 *
 * Points a new point or a dragged one snaps to, so that neighbouring
 * grids share their corners exactly, with no gap and no overlap.
 */
void
linli_outline_edit_set_snap_points (LinliOutlineEdit    *self,
                                 const LinliPoint *points,
                                 guint             n_points)
{
  g_return_if_fail (LINLI_IS_OUTLINE_EDIT (self));
  g_return_if_fail (points != NULL || n_points == 0);

  g_array_set_size (self->snap, 0);
  g_array_append_vals (self->snap, points, n_points);
}

/**
 * linli_outline_edit_snap:
 *
 * Returns: the snap point nearest to @at within @tolerance_m, or @at
 */
LinliPoint
linli_outline_edit_snap (LinliOutlineEdit *self,
                      LinliPoint     at,
                      double         tolerance_m)
{
  double best = tolerance_m * tolerance_m;
  LinliPoint snapped = at;

  g_return_val_if_fail (LINLI_IS_OUTLINE_EDIT (self), at);

  for (guint i = 0; i < self->snap->len; i++)
    {
      LinliPoint p = g_array_index (self->snap, LinliPoint, i);
      double x, y;

      to_metres (at, p, &x, &y);
      if (x * x + y * y <= best)
        {
          best = x * x + y * y;
          snapped = p;
        }
    }
  return snapped;
}

/**
 * linli_outline_edit_to_geometry:
 *
 * Returns: (transfer full): the outline as a closed polygon
 */
LinliGeometry *
linli_outline_edit_to_geometry (LinliOutlineEdit *self)
{
  g_return_val_if_fail (LINLI_IS_OUTLINE_EDIT (self), NULL);
  return linli_geometry_new_from_ring ((const LinliPoint *) (gpointer) self->points->data,
                                       self->points->len);
}
