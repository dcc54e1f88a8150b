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
  LINLI_OUTLINE_EDIT_IDLE,
  LINLI_OUTLINE_EDIT_DRAWING,   /* placing the points of a new outline */
  LINLI_OUTLINE_EDIT_EDITING,   /* a closed outline: drag, insert, delete */
} LinliOutlineEditState;

#define LINLI_OUTLINE_EDIT_ERROR (linli_outline_edit_error_quark ())

typedef enum {
  LINLI_OUTLINE_EDIT_ERROR_TOO_FEW_POINTS,
  LINLI_OUTLINE_EDIT_ERROR_SELF_INTERSECTING,
  LINLI_OUTLINE_EDIT_ERROR_NO_AREA,
  LINLI_OUTLINE_EDIT_ERROR_NOT_EDITABLE,
} LinliOutlineEditError;

#define LINLI_TYPE_OUTLINE_EDIT (linli_outline_edit_get_type ())

G_DECLARE_FINAL_TYPE (LinliOutlineEdit, linli_outline_edit, LINLI, OUTLINE_EDIT, GObject)

GQuark             linli_outline_edit_error_quark   (void);

LinliOutlineEdit     *linli_outline_edit_new           (void);

LinliOutlineEditState linli_outline_edit_get_state     (LinliOutlineEdit       *self);
const LinliPoint  *linli_outline_edit_get_points    (LinliOutlineEdit       *self,
                                                  guint               *n_points);
int                linli_outline_edit_get_selected  (LinliOutlineEdit       *self);
int                linli_outline_edit_get_dragged   (LinliOutlineEdit       *self);
gboolean           linli_outline_edit_can_undo      (LinliOutlineEdit       *self);
gboolean           linli_outline_edit_get_modified  (LinliOutlineEdit       *self);

void               linli_outline_edit_start_drawing (LinliOutlineEdit       *self);
gboolean           linli_outline_edit_start_editing (LinliOutlineEdit       *self,
                                                  const LinliGeometry *outline,
                                                  GError             **error);
gboolean           linli_outline_edit_add_point     (LinliOutlineEdit       *self,
                                                  LinliPoint           point);
gboolean           linli_outline_edit_finish        (LinliOutlineEdit       *self,
                                                  GError             **error);
void               linli_outline_edit_cancel        (LinliOutlineEdit       *self);

int                linli_outline_edit_find_point    (LinliOutlineEdit       *self,
                                                  LinliPoint           at,
                                                  double               tolerance_m);
int                linli_outline_edit_find_edge     (LinliOutlineEdit       *self,
                                                  LinliPoint           at,
                                                  double               tolerance_m,
                                                  LinliPoint          *foot);

void               linli_outline_edit_select        (LinliOutlineEdit       *self,
                                                  int                  index);
gboolean           linli_outline_edit_begin_drag    (LinliOutlineEdit       *self,
                                                  guint                index);
void               linli_outline_edit_drag_to       (LinliOutlineEdit       *self,
                                                  LinliPoint           point);
void               linli_outline_edit_end_drag      (LinliOutlineEdit       *self);
void               linli_outline_edit_cancel_drag   (LinliOutlineEdit       *self);
gboolean           linli_outline_edit_insert_point  (LinliOutlineEdit       *self,
                                                  guint                edge,
                                                  LinliPoint           point);
gboolean           linli_outline_edit_delete_selected (LinliOutlineEdit     *self,
                                                  GError             **error);
gboolean           linli_outline_edit_undo          (LinliOutlineEdit       *self);

void               linli_outline_edit_set_snap_points (LinliOutlineEdit     *self,
                                                  const LinliPoint    *points,
                                                  guint                n_points);
LinliPoint         linli_outline_edit_snap          (LinliOutlineEdit       *self,
                                                  LinliPoint           at,
                                                  double               tolerance_m);

gboolean           linli_outline_edit_validate      (LinliOutlineEdit       *self,
                                                  guint               *edge_a,
                                                  guint               *edge_b,
                                                  GError             **error);
LinliGeometry     *linli_outline_edit_to_geometry   (LinliOutlineEdit       *self);

G_END_DECLS
