/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "linli-geometry.h"

G_BEGIN_DECLS

/* The outline of a grid being drawn or edited on the map, as a state
 * machine with no display: the map layer feeds it clicks, drags and keys
 * and draws what it holds. Distances are in metres on the ground; the
 * caller turns its tolerance in pixels into metres at the current zoom. */

typedef enum {
  LINLI_GRID_EDIT_IDLE,
  LINLI_GRID_EDIT_DRAWING,   /* placing the points of a new outline */
  LINLI_GRID_EDIT_EDITING,   /* a closed outline: drag, insert, delete */
} LinliGridEditState;

#define LINLI_GRID_EDIT_ERROR (linli_grid_edit_error_quark ())

typedef enum {
  LINLI_GRID_EDIT_ERROR_TOO_FEW_POINTS,
  LINLI_GRID_EDIT_ERROR_SELF_INTERSECTING,
  LINLI_GRID_EDIT_ERROR_NO_AREA,
  LINLI_GRID_EDIT_ERROR_NOT_EDITABLE,
} LinliGridEditError;

#define LINLI_TYPE_GRID_EDIT (linli_grid_edit_get_type ())

G_DECLARE_FINAL_TYPE (LinliGridEdit, linli_grid_edit, LINLI, GRID_EDIT, GObject)

GQuark             linli_grid_edit_error_quark   (void);

LinliGridEdit     *linli_grid_edit_new           (void);

LinliGridEditState linli_grid_edit_get_state     (LinliGridEdit       *self);
const LinliPoint  *linli_grid_edit_get_points    (LinliGridEdit       *self,
                                                  guint               *n_points);
int                linli_grid_edit_get_selected  (LinliGridEdit       *self);
int                linli_grid_edit_get_dragged   (LinliGridEdit       *self);
gboolean           linli_grid_edit_can_undo      (LinliGridEdit       *self);
gboolean           linli_grid_edit_get_modified  (LinliGridEdit       *self);

void               linli_grid_edit_start_drawing (LinliGridEdit       *self);
gboolean           linli_grid_edit_start_editing (LinliGridEdit       *self,
                                                  const LinliGeometry *outline,
                                                  GError             **error);
gboolean           linli_grid_edit_add_point     (LinliGridEdit       *self,
                                                  LinliPoint           point);
gboolean           linli_grid_edit_finish        (LinliGridEdit       *self,
                                                  GError             **error);
void               linli_grid_edit_cancel        (LinliGridEdit       *self);

int                linli_grid_edit_find_point    (LinliGridEdit       *self,
                                                  LinliPoint           at,
                                                  double               tolerance_m);
int                linli_grid_edit_find_edge     (LinliGridEdit       *self,
                                                  LinliPoint           at,
                                                  double               tolerance_m,
                                                  LinliPoint          *foot);

void               linli_grid_edit_select        (LinliGridEdit       *self,
                                                  int                  index);
gboolean           linli_grid_edit_begin_drag    (LinliGridEdit       *self,
                                                  guint                index);
void               linli_grid_edit_drag_to       (LinliGridEdit       *self,
                                                  LinliPoint           point);
void               linli_grid_edit_end_drag      (LinliGridEdit       *self);
void               linli_grid_edit_cancel_drag   (LinliGridEdit       *self);
gboolean           linli_grid_edit_insert_point  (LinliGridEdit       *self,
                                                  guint                edge,
                                                  LinliPoint           point);
gboolean           linli_grid_edit_delete_selected (LinliGridEdit     *self,
                                                  GError             **error);
gboolean           linli_grid_edit_undo          (LinliGridEdit       *self);

void               linli_grid_edit_set_snap_points (LinliGridEdit     *self,
                                                  const LinliPoint    *points,
                                                  guint                n_points);
LinliPoint         linli_grid_edit_snap          (LinliGridEdit       *self,
                                                  LinliPoint           at,
                                                  double               tolerance_m);

gboolean           linli_grid_edit_validate      (LinliGridEdit       *self,
                                                  guint               *edge_a,
                                                  guint               *edge_b,
                                                  GError             **error);
LinliGeometry     *linli_grid_edit_to_geometry   (LinliGridEdit       *self);

G_END_DECLS
